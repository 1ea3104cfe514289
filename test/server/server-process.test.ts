// The real process, started the way `npm start` starts it: embedded PostgreSQL
// in a fresh data directory, migrations, demo data, HTTP, and a clean SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerChild } from '../../scripts/servers/server-child.js';
import { demoLastDate } from '../../src/demo/demo-etfs.js';
import { freePort } from '../../src/net/ports.js';
import { runCli } from '../helpers/cli-run.js';

const ADMIN_API_KEY = 'etfql_process-test-admin-key';
let child: ChildProcess;
let dataDir: string;
let baseUrl: string;
let pgPort: number;
let lines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-process-'));
  pgPort = await freePort();
  const started = await startServerChild({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), ADMIN_API_KEY });
  child = started.child;
  baseUrl = started.baseUrl;
  lines = started.lines; // the process keeps logging into it
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

it('serves health, readiness and the demo data', async () => {
  expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  expect(await (await fetch(`${baseUrl}/ready`)).json()).toEqual({ status: 'ready' });
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ etfs(first: 100) { edges { node { ticker description latestPrice { date } } } } }',
    }),
  });
  const body = (await response.json()) as {
    data: { etfs: { edges: { node: { ticker: string; description: string; latestPrice: { date: string } } }[] } };
  };
  const etfs = body.data.etfs.edges.map((edge) => edge.node);
  expect(etfs.length).toBeGreaterThanOrEqual(20);
  expect(etfs.map((etf) => etf.ticker)).toEqual(
    expect.arrayContaining(['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK']),
  );
  for (const etf of etfs) {
    expect(etf.description).toMatch(/SYNTHETIC/);
    expect(etf.latestPrice.date).toBe(demoLastDate());
  }
});

/** A POST with raw bytes back (fetch would inflate them): headers, body size, and the first chunk. */
function rawPost(body: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, unknown>; bytes: number; first: string }>((resolve, reject) => {
    const request = httpRequest(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    });
    request.on('response', (response) => {
      let bytes = 0;
      let first = '';
      response.on('data', (chunk: Buffer) => {
        if (bytes === 0) first = chunk.toString('latin1');
        bytes += chunk.length;
        // A subscription never ends by itself: its first event is enough.
        if (String(response.headers['content-type']).startsWith('text/event-stream')) response.destroy();
      });
      response.on('close', () => resolve({ headers: response.headers, bytes, first }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

it('compresses responses the client accepts compressed, never a subscription stream', async () => {
  const chart = JSON.stringify({
    query:
      '{ etfsByTicker(tickers: ["SPY", "QQQ", "IWM", "TLT"]) { prices(last: 252) { date open high low close volume } } }',
  });
  const plain = await rawPost(chart, {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.bytes).toBeGreaterThan(50_000);
  for (const [accept, encoding] of [
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ]) {
    const compressed = await rawPost(chart, { 'accept-encoding': accept as string });
    expect(compressed.headers['content-encoding']).toBe(encoding);
    expect(compressed.bytes).toBeLessThan(plain.bytes / 3);
  }
  // A small answer goes as it is.
  const small = await rawPost(JSON.stringify({ query: '{ etf(ticker: "SPY") { ticker } }' }), {
    'accept-encoding': 'gzip',
  });
  expect(small.headers['content-encoding']).toBeUndefined();
  // Events go out as they happen, uncompressed: the stream's first bytes are readable at once.
  const stream = await rawPost(JSON.stringify({ query: 'subscription { pricesUpdated { ticker } }' }), {
    accept: 'text/event-stream',
    'accept-encoding': 'gzip, br',
  });
  // (Yoga marks the stream `Content-Encoding: none`, for proxies.)
  expect([undefined, 'none']).toContain(stream.headers['content-encoding']);
  expect(stream.first).toMatch(/^:/);
});

it('accepts the ADMIN_API_KEY from the environment for mutations', async () => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` },
    body: JSON.stringify({
      query: 'mutation { upsertEtf(input: { ticker: "VT", name: "Vanguard Total World Stock ETF" }) { ticker } }',
    }),
  });
  expect(await response.json()).toEqual({ data: { upsertEtf: { ticker: 'VT' } } });
});

it('drops a client that sends its headers too slowly (10 s), rather than holding the socket', async () => {
  const { port } = new URL(baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk;
  });
  socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const started = Date.now();
  await new Promise((resolve) => socket.once('close', resolve));
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeGreaterThan(9);
  expect(seconds).toBeLessThan(15);
  expect(answer).toMatch(/^HTTP\/1.1 408/);
}, 30_000);

it('lets the CLIs use its embedded database while it runs, as npm start', async () => {
  const file = path.join(dataDir, 'clix.csv');
  await writeFile(
    file,
    'Date,Open,High,Low,Close,Volume\n2024-03-01,10,11,9,10.5,100\n2024-03-04,10.5,11,10,10.75,200\n',
  );
  const run = await runCli('ingest', ['--create-etfs', file], { DATA_DIR: dataDir, DATABASE_URL: '' });
  expect(run.stderr).toMatch(/using the embedded PostgreSQL that another process runs \(pid \d+, port \d+\)/);
  expect(run.code).toBe(0);
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ etf(ticker: "CLIX") { prices { date close } } }' }),
  });
  expect(await response.json()).toEqual({
    data: {
      etf: {
        prices: [
          { date: '2024-03-01', close: 10.5 },
          { date: '2024-03-04', close: 10.75 },
        ],
      },
    },
  });
  // And the server's database is still there once the tool has finished.
  expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
}, 60_000);

it('logs JSON lines without secrets, and stops cleanly on SIGTERM, PostgreSQL included', async () => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const output = lines.join('\n');
  expect(output).not.toContain(ADMIN_API_KEY);
  for (const line of lines.filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
  expect(output).toContain('"msg":"stopped"');
  // The embedded cluster's port is closed again.
  await expect(
    new Promise((resolve, reject) => {
      const socket = connect(pgPort, '127.0.0.1', () => {
        socket.end();
        resolve('open');
      });
      socket.once('error', reject);
    }),
  ).rejects.toThrow(/ECONNREFUSED/);
});

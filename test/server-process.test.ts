// The real process, started the way `npm start` starts it: embedded PostgreSQL
// in a fresh data directory, migrations, demo data, HTTP, and a clean SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { startServerChild } from './server-child.js';

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
    expect(etf.latestPrice.date).toBe('2025-12-31');
  }
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

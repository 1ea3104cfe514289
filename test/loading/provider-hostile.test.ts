// npm run update against a hostile provider on 127.0.0.1: a redirect to
// another origin (a stand-in "internal" host on another port) is not followed
// and nothing of that host is loaded; a redirect within the provider's origin
// is; gzip bombs, four at once, each fail their ticker while the process's
// memory stays bounded; an endless line fails its ticker after a bounded read.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { runDailyUpdate } from '../../src/update/daily-update.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let provider: Server;
let internal: Server;
let providerUrl: string;
let internalOrigin: string;
const internalRequests: string[] = [];
/** What the provider does per ticker. */
const answers = new Map<string, (response: import('node:http').ServerResponse) => void>();

const bars = syntheticBars('X', tradingDays('2024-01-02', '2024-02-02'), {
  start: 50,
  drift: 0,
  volatility: 0.2,
  volume: 1e5,
});
const csv = (list: BarInput[]) =>
  `Date,Open,High,Low,Close,Volume\n${list.map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`).join('\n')}\n`;

/** 1 GB of `unit` repeated, gzipped as it is made (about 1 MB), after `head`. */
async function gzipBomb(head: string, unit: string): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  gzip.write(head);
  const piece = Buffer.from(unit.repeat(Math.floor((1024 * 1024) / unit.length)));
  for (let written = 0; written < 1024 * 1024 * 1024; written += piece.length) {
    if (!gzip.write(piece)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(parts);
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['AWAY', 'MOVED', 'LOOP', 'ENDLESS', 'ZIPA', 'ZIPB', 'ZIPC', 'ZIPD']) {
    await createEtf(t.db, ticker);
  }
  internal = createServer((request, response) => {
    internalRequests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/csv' }).end(csv(bars));
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalOrigin = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;

  const zeros = await gzipBomb('', '0');
  const rows = await gzipBomb('Date,Open,High,Low,Close,Volume\n', '2024-01-02,1,1,1,1,1\n');
  const gzipped = (body: Buffer) => (response: import('node:http').ServerResponse) =>
    response.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' }).end(body);
  answers.set('AWAY', (response) => response.writeHead(302, { location: `${internalOrigin}/daily/AWAY.csv` }).end());
  answers.set('MOVED', (response) => response.writeHead(301, { location: '/v2/MOVED.csv' }).end());
  answers.set('LOOP', (response) => response.writeHead(307, { location: '/daily/LOOP.csv' }).end());
  answers.set('ZIPA', gzipped(zeros));
  answers.set('ZIPB', gzipped(zeros));
  answers.set('ZIPC', gzipped(rows));
  answers.set('ZIPD', gzipped(rows));
  answers.set('ENDLESS', (response) => {
    // One line that never ends, sent as fast as it is taken.
    response.writeHead(200, { 'content-type': 'text/csv' });
    const piece = 'x'.repeat(64 * 1024);
    const more = () => {
      while (!response.destroyed && response.write(piece));
    };
    response.on('drain', more);
    response.on('error', () => {});
    more();
  });

  provider = createServer((request, response) => {
    const url = request.url ?? '';
    if (url === '/v2/MOVED.csv') return void response.writeHead(200).end(csv(bars));
    const ticker = url.replace(/^\/daily\/(.*)\.csv$/, '$1');
    const answer = answers.get(ticker);
    if (answer) answer(response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/daily/{ticker}.csv`;
}, 120_000);
afterAll(async () => {
  for (const server of [provider, internal]) {
    server.closeAllConnections();
    server.close();
  }
  await t.close();
});

it('follows no redirect to another origin, and loads nothing from it; follows one within the origin', async () => {
  const before = await snapshot(t.db);
  const run = await runCli('update', [], {
    DATABASE_URL: t.url,
    PRICE_SOURCE_URL: providerUrl,
    PRICE_SOURCE_TIMEOUT_MS: '5000',
  });
  expect(run.stderr).toContain(`AWAY: FAILED: HTTP 302 redirect to another origin ("${internalOrigin}"), not followed`);
  expect(run.stderr).toContain('LOOP: FAILED: more than 3 redirects');
  expect(run.stdout).toContain(`MOVED: ${bars.length} new bars`);
  expect(run.code).toBe(1);
  expect(internalRequests).toEqual([]);
  expect(await storedBars(t.db, 'AWAY')).toEqual([]);
  expect((await snapshot(t.db)).prices.length).toBe(before.prices.length + bars.length);
}, 60_000);

it('fails each of four gzip bombs at once, and an endless line, with bounded memory', async () => {
  answers.delete('AWAY');
  answers.delete('LOOP');
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 5);
  const result = await runDailyUpdate(t.db, { urlTemplate: providerUrl, timeoutMs: 30_000, concurrency: 5 });
  clearInterval(sampler);
  if (!result.locked) throw new Error('lock held');
  // Generous: each answer holds a chunk, a line and its new bars, not the answer.
  expect(rssPeak - rssBefore).toBeLessThan(160 * 1024 * 1024);
  const reasons = Object.fromEntries(
    result.outcomes.map((outcome) => [outcome.ticker, outcome.status === 'failed' ? outcome.reason : outcome.status]),
  );
  expect(reasons.ZIPA).toMatch(/not a price file: line 1: the line is longer than 65,536 characters/);
  expect(reasons.ZIPB).toMatch(/not a price file: line 1: the line is longer than 65,536 characters/);
  expect(reasons.ZIPC).toMatch(/more than 100000 new bars/);
  expect(reasons.ZIPD).toMatch(/more than 100000 new bars/);
  expect(reasons.ENDLESS).toMatch(/not a price file: line 1: the line is longer than 65,536 characters/);
  for (const ticker of ['ZIPA', 'ZIPB', 'ZIPC', 'ZIPD', 'ENDLESS']) {
    expect(await storedBars(t.db, ticker)).toEqual([]);
  }
}, 120_000);

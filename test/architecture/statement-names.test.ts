// Every statement of our own SQL names itself with a leading /* name */ comment,
// so pg_stat_statements, slow-query logs and EXPLAIN output tell them apart.
// The workload below runs every feature that sends SQL of its own (reads of
// every kind, each mutation, the importer, the daily update, readiness) and
// looks at what reached the driver: Prisma's statements (quoted "public".
// names) and transaction control are not ours.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoData, seedDemoHoldings, topUpDemoData } from '../../src/demo/seed-demo.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { runDailyUpdate } from '../../src/update/daily-update.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-names-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const NOT_OURS = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|LISTEN|UNLISTEN|DEALLOCATE)\b|"public"\./i;

async function ok(query: string) {
  const result = await executeText(t.app, query, undefined, bearer(ADMIN_KEY));
  expect(result.errors, query).toBeUndefined();
}

it('names every statement of our own SQL', async () => {
  // The demo as of a fixed day (the dates below are written against it), then
  // brought up to date as a later start would.
  await seedDemoData(t.db, '2025-12-31');
  await topUpDemoData(t.db, '2026-01-02');
  await seedDemoHoldings(t.db, '2026-01-02');
  const reads = [
    '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 20) { date close } latestPrice { close } series(last: 5) { close } } }',
    '{ etf(ticker: "SPY") { w: prices(last: 5, interval: WEEKLY) { close } a: prices(last: 5, adjusted: true) { close } } }',
    '{ etfsByTicker(tickers: ["SPY"]) { indicators(last: 5) { sma(period: 50) { value } wma(period: 7) { value } } } }',
    '{ etf(ticker: "SPY") { indicators(last: 5, adjusted: true) { rsi { value } } } }',
    '{ etfs(first: 3, search: "bonds") { totalCount edges { node { ticker } } } }',
    '{ etf(ticker: "SPY") { performance { return1Y } raw: performance(asOf: "2024-06-28", adjusted: false) { return1Y } } }',
    '{ correlation(tickers: ["SPY", "QQQ"], last: 20) { matrix } }',
    '{ correlation(tickers: ["SPY", "QQQ"], from: "2024-01-01", interval: WEEKLY) { matrix } }',
    '{ screen(where: { metric: RSI_14, gt: 0, currency: ["usd"] }, orderBy: [{ metric: RETURN_1Y }]) { edges { cursor } } }',
    '{ screen(where: { metric: CLOSE, gt: 0 }, asOf: "2024-06-28", adjusted: true) { totalCount } }',
  ];
  for (const query of reads) await ok(query);
  await ok('mutation { upsertEtf(input: { ticker: "NAMES", name: "Names" }) { ticker } }');
  await ok(
    'mutation { loadPrices(ticker: "NAMES", bars: [{ date: "2024-01-02", open: 10, high: 11, low: 9, close: 10, volume: 5 }, { date: "2024-01-03", open: 10, high: 11, low: 9, close: 10.5, volume: 5 }]) { inserted } }',
  );
  await ok('mutation { recordDividend(ticker: "NAMES", exDate: "2024-01-03", amount: 0.1) { factor } }');
  await ok('mutation { recordSplit(ticker: "NAMES", date: "2024-01-03", ratio: 2) { ratio } }');
  await ok('mutation { deleteSplit(ticker: "NAMES", date: "2024-01-03") }');
  await ok('mutation { deleteDividend(ticker: "NAMES", exDate: "2024-01-03") }');
  await ok('mutation { deletePrices(ticker: "NAMES", from: "2024-01-03", to: "2024-01-03") { deleted } }');
  await ok('mutation { deleteEtf(ticker: "NAMES") { ticker } }');
  const file = path.join(dir, 'QQQ.csv');
  await writeFile(file, 'date,open,high,low,close,volume\n2026-01-05,500,501,499,500,10\n');
  expect((await ingestFile(t.db, file)).problems).toEqual([]);

  // The daily update, against a provider on loopback that has one new bar for each.
  const provider = createServer((_request, response) => {
    response.end('date,open,high,low,close,volume\n2026-11-23,1,1,1,1,1\n');
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = provider.address() as AddressInfo;
    await runDailyUpdate(t.db, {
      urlTemplate: `http://127.0.0.1:${port}/{ticker}.csv`,
      timeoutMs: 5000,
      concurrency: 2,
    });
  } finally {
    await new Promise((resolve) => provider.close(resolve));
  }
  expect((await t.app.fetch('http://etfql.test/ready')).status).toBe(200);

  const ours = t.statements.filter((text) => !NOT_OURS.test(text));
  const unnamed = [...new Set(ours.filter((text) => !/^\s*\/\* [a-z][a-z0-9-]* \*\//.test(text)))];
  expect(unnamed.map((text) => text.trim().replace(/\s+/g, ' ').slice(0, 100))).toEqual([]);
  // One name, one statement shape (a name may stand for variants of one statement, e.g. its columns).
  const names = new Set(ours.map((text) => text.match(/\/\* ([a-z0-9-]+) \*\//)?.[1]));
  expect(names.size).toBeGreaterThan(20);
});

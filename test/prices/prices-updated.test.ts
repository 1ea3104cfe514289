// The pricesUpdated subscription over server-sent events (Yoga's default
// transport), through the real HTTP handling in-process.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { subscribe as subscribeOver } from '../helpers/subscriptions.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'SUB');
  await createEtf(t.db, 'OTHER');
});
afterAll(() => t.close());

const subscribe = (query: string) => subscribeOver(t.app, query);

it('tells subscribers which ticker and dates changed, after the load commits', async () => {
  const events = await subscribe('subscription { pricesUpdated(tickers: ["sub"]) { ticker from to } }');
  const load = (ticker: string, dates: string[]) =>
    executeText(
      t.app,
      `mutation { loadPrices(ticker: "${ticker}", bars: [${dates.map((date) => `{ date: "${date}", open: 10, high: 11, low: 9, close: 10, volume: 100 }`).join(',')}]) { inserted } }`,
      undefined,
      bearer(ADMIN_KEY),
    );
  // A subscriber listens from the moment it reads the stream, as a browser
  // does at once: start reading before anything is published.
  const first = events.next();
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Another ticker's load is not for this subscriber; an identical reload changes nothing and says nothing.
  await load('OTHER', ['2024-01-02']);
  await load('SUB', ['2024-01-03', '2024-01-02', '2024-01-05']);
  await load('SUB', ['2024-01-03']);
  await load('SUB', ['2024-02-01']);
  expect(await first).toEqual({ data: { pricesUpdated: { ticker: 'SUB', from: '2024-01-02', to: '2024-01-05' } } });
  expect(await events.next()).toEqual({
    data: { pricesUpdated: { ticker: 'SUB', from: '2024-02-01', to: '2024-02-01' } },
  });
  await executeText(
    t.app,
    'mutation { deletePrices(ticker: "SUB", from: "2024-01-01", to: "2024-01-31") { deleted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  expect(await events.next()).toEqual({
    data: { pricesUpdated: { ticker: 'SUB', from: '2024-01-01', to: '2024-01-31' } },
  });
  events.close();
});

it('announces loads committed by other processes: npm run ingest', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { runCli } = await import('../helpers/cli-run.js');
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-notify-'));
  const file = path.join(dir, 'SUB.csv');
  await writeFile(file, 'Date,Open,High,Low,Close,Volume\n2024-03-01,10,11,9,10,100\n2024-03-04,10,11,9,10.5,100\n');
  const events = await subscribe('subscription { pricesUpdated(tickers: ["SUB"]) { ticker from to } }');
  const next = events.next();
  const run = await runCli('ingest', [file], { DATABASE_URL: t.url });
  expect(run.code).toBe(0);
  expect(await next).toEqual({ data: { pricesUpdated: { ticker: 'SUB', from: '2024-03-01', to: '2024-03-04' } } });
  events.close();
  await rm(dir, { recursive: true, force: true });
});

it('keeps delivering after its LISTEN connection drops, and tells subscribers updates may have been missed', async () => {
  const events = await subscribe('subscription { pricesUpdated(tickers: ["SUB"]) { ticker missed } }');
  const gap = events.next();
  // As a PostgreSQL restart does: the server side ends the LISTEN connection.
  await t.db.pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`,
  );
  expect(await gap).toEqual({ data: { pricesUpdated: { ticker: '*', missed: true } } });
  // And then the feed flows again, by itself.
  const next = events.next();
  await executeText(
    t.app,
    'mutation { loadPrices(ticker: "SUB", bars: [{ date: "2024-05-01", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  expect(await next).toEqual({ data: { pricesUpdated: { ticker: 'SUB', missed: false } } });
  events.close();
});

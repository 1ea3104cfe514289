// The response cache serves repeated public reads without touching PostgreSQL,
// and never serves a response after a committed write to an ETF it read: from
// the API, from another process (the ingest CLI), from plain SQL, or while its
// change feed was down. Caller-dependent answers are never shared. The same
// holds with Redis shared by two server instances (scripts/servers/redis-server.ts starts
// a real one).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../scripts/servers/redis-server.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, execute } from '../helpers/graphql-client.js';
import { ADMIN_KEY, countingClient, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'AAA', '2024-01-02', '2024-06-28');
  await createEtfWithBars(t.db, 'BBB', '2024-01-02', '2024-06-28');
  await waitUntilListening(t.db);
});
afterAll(() => t.close());

const ResponseCacheChart = graphql(`
  query ResponseCacheChart($tickers: [String!]!, $last: Int) {
    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close } }
  }
`);
const ResponseCacheLoadPrices = graphql(`
  mutation ResponseCacheLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {
    loadPrices(ticker: $ticker, bars: $bars) { inserted }
  }
`);
const ResponseCacheLoadPricesCounts = graphql(`
  mutation ResponseCacheLoadPricesCounts($ticker: String!, $bars: [PriceBarInput!]!) {
    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }
  }
`);
const ResponseCacheAdjustedCloses = graphql(`
  query ResponseCacheAdjustedCloses($ticker: String!) { etf(ticker: $ticker) { prices(last: 2, adjusted: true) { close } } }
`);
const ResponseCacheLastTwo = graphql(`
  query ResponseCacheLastTwo($ticker: String!) { etf(ticker: $ticker) { prices(last: 2) { date close } } }
`);
const ResponseCacheRecordSplit = graphql(`
  mutation ResponseCacheRecordSplit($ticker: String!, $date: Date!, $ratio: Float!) {
    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }
  }
`);
const ResponseCachePerformance = graphql(`
  query ResponseCachePerformance($ticker: String!) { etf(ticker: $ticker) { performance { asOf return1D } } }
`);
const ResponseCacheCorrelation = graphql(`
  query ResponseCacheCorrelation($tickers: [String!]!) { correlation(tickers: $tickers, last: 5) { matrix } }
`);
const ResponseCacheTickers = graphql(`
  query ResponseCacheTickers($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker } }
`);
const ResponseCacheUpsertEtf = graphql(`
  mutation ResponseCacheUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }
`);
const ResponseCacheFollow = graphql(`
  mutation ResponseCacheFollow($ticker: String!) { follow(ticker: $ticker) { followedAt } }
`);
const ResponseCacheWatchlist = graphql(`
  query ResponseCacheWatchlist { me { email watchlist { etf { ticker } } } }
`);

/** The variables of ResponseCacheChart. */
const chart = (tickers: string[], last = 3) => ({ tickers, last });

async function waitUntilListening(db: Database) {
  for (let i = 0; i < 200 && !db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(db.isListening()).toBe(true);
}

/** Runs a query, returning its response and the statements it sent to PostgreSQL. */
async function run<T, V>(
  app: App,
  document: TypedDocumentNode<T, V>,
  variables: V,
  headers: Record<string, string> = {},
) {
  t.statements.length = 0;
  const response = await execute(app, document, variables, headers);
  return { response, statements: [...t.statements] };
}

const closes = (response: { data?: ResultOf<typeof ResponseCacheChart> | null }) =>
  (response.data?.etfsByTicker ?? []).map((etf) => (etf?.prices ?? []).map((bar) => `${bar.date}=${bar.close}`));

describe('response cache, in-process', () => {
  it('serves a repeated chart without a statement, and the same response', async () => {
    const first = await run(t.app, ResponseCacheChart, chart(['AAA', 'BBB']));
    expect(first.statements.length).toBeGreaterThan(0);
    // A first answer whose execution overlapped an eviction (a late notice of
    // the setup's writes) is rightly not kept: the next one is.
    let second = await run(t.app, ResponseCacheChart, chart(['AAA', 'BBB']));
    if (second.statements.length > 0) second = await run(t.app, ResponseCacheChart, chart(['AAA', 'BBB']));
    expect(second.statements).toEqual([]);
    expect(second.response).toEqual(first.response);
  });

  it('never serves a response after npm run ingest (another process) committed to its ETF', async () => {
    const before = await run(t.app, ResponseCacheChart, chart(['AAA']));
    expect((await run(t.app, ResponseCacheChart, chart(['AAA']))).statements).toEqual([]);
    const dir = await mkdtemp(path.join(tmpdir(), 'etfql-cache-'));
    try {
      await writeFile(path.join(dir, 'AAA.csv'), 'Date,Open,High,Low,Close,Volume\n2024-07-01,10,11,9,10.25,100\n');
      const ingest = await runCli('ingest', [path.join(dir, 'AAA.csv')], { DATABASE_URL: t.url });
      expect(ingest.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Straight after the process exited: no sleep, no retry.
    const after = await run(t.app, ResponseCacheChart, chart(['AAA']));
    expect(after.statements.length).toBeGreaterThan(0);
    expect(closes(after.response)[0]?.at(-1)).toBe('2024-07-01=10.25');
    expect(after.response).not.toEqual(before.response);
  });

  it('evicts exactly the responses that read the changed ETF', async () => {
    await run(t.app, ResponseCacheChart, chart(['AAA']));
    await run(t.app, ResponseCacheChart, chart(['BBB']));
    await run(t.app, ResponseCacheChart, chart(['AAA', 'BBB']));
    const load = await run(
      t.app,
      ResponseCacheLoadPrices,
      { ticker: 'BBB', bars: [{ date: '2024-07-01', open: 5, high: 6, low: 4, close: 5.5, volume: 10 }] },
      bearer(ADMIN_KEY),
    );
    expect(load.response.errors).toBeUndefined();
    // Committed by this process: its own notification has to arrive first, as
    // for any other writer. PostgreSQL sends it right after the commit.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await run(t.app, ResponseCacheChart, chart(['AAA']))).statements).toEqual([]);
    const bbb = await run(t.app, ResponseCacheChart, chart(['BBB']));
    expect(bbb.statements.length).toBeGreaterThan(0);
    expect(closes(bbb.response)[0]?.at(-1)).toBe('2024-07-01=5.5');
    expect((await run(t.app, ResponseCacheChart, chart(['AAA', 'BBB']))).statements.length).toBeGreaterThan(0);
  });

  it('caches the performance of an ETF until its bars change; never a correlation, which names no Etf to evict', async () => {
    // An ETF of its own, so that the bar loaded below is no other test's business.
    await createEtfWithBars(t.db, 'PERF', '2024-01-02', '2024-06-28');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run(t.app, ResponseCachePerformance, { ticker: 'PERF' });
    expect((await run(t.app, ResponseCachePerformance, { ticker: 'PERF' })).statements).toEqual([]);
    const bar = { date: '2024-07-01', open: 5, high: 6, low: 4, close: 6, volume: 10 };
    await run(t.app, ResponseCacheLoadPrices, { ticker: 'PERF', bars: [bar] }, bearer(ADMIN_KEY));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await run(t.app, ResponseCachePerformance, { ticker: 'PERF' });
    expect(after.statements.length).toBeGreaterThan(0);
    expect(after.response.data?.etf?.performance?.asOf).toBe('2024-07-01');
    await run(t.app, ResponseCacheCorrelation, { tickers: ['AAA', 'PERF'] });
    const again = await run(t.app, ResponseCacheCorrelation, { tickers: ['AAA', 'PERF'] });
    expect(again.statements.length).toBeGreaterThan(0);
  });

  it('evicts on a split (adjusted prices change) and on a plain-SQL update', async () => {
    const before = await run(t.app, ResponseCacheAdjustedCloses, { ticker: 'AAA' });
    await run(t.app, ResponseCacheRecordSplit, { ticker: 'AAA', date: '2024-07-01', ratio: 2 }, bearer(ADMIN_KEY));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const split = await run(t.app, ResponseCacheAdjustedCloses, { ticker: 'AAA' });
    expect(split.statements.length).toBeGreaterThan(0);
    expect(split.response).not.toEqual(before.response);

    await t.db.pool.query(
      `UPDATE daily_price SET close = 99.5 WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'AAA') AND date = '2024-06-28'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const updated = await run(t.app, ResponseCacheLastTwo, { ticker: 'AAA' });
    expect(updated.response.data?.etf?.prices[0]?.close).toBe(99.5);
  });

  it('answers a lookup that once found nothing when the ETF is created', async () => {
    const missing = await run(t.app, ResponseCacheTickers, { tickers: ['NEW1'] });
    expect(missing.response.data).toEqual({ etfsByTicker: [null] });
    await run(t.app, ResponseCacheUpsertEtf, { input: { ticker: 'NEW1', name: 'New' } }, bearer(ADMIN_KEY));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const found = await run(t.app, ResponseCacheTickers, { tickers: ['NEW1'] });
    expect(found.response.data).toEqual({ etfsByTicker: [{ ticker: 'NEW1' }] });
  });

  it('is bypassed while its change feed is down, and evicts everything once it is back', async () => {
    const query = chart(['AAA'], 1);
    await run(t.app, ResponseCacheChart, query);
    expect((await run(t.app, ResponseCacheChart, query)).statements).toEqual([]);
    // Cut the LISTEN connection, then write while nobody listens: that notice is lost.
    await t.db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`,
    );
    for (let i = 0; i < 100 && t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await t.db.pool.query(
      `UPDATE daily_price SET close = 77.25 WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'AAA') AND date = (SELECT max(date) FROM daily_price WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'AAA'))`,
    );
    const during = await run(t.app, ResponseCacheChart, query);
    expect(closes(during.response)[0]?.at(-1)).toMatch(/=77.25$/);
    await waitUntilListening(t.db);
    const after = await run(t.app, ResponseCacheChart, query);
    expect(closes(after.response)[0]?.at(-1)).toMatch(/=77.25$/);
  });

  it('never caches what depends on the caller, and checks every credential first', async () => {
    await createUser(t.db, 'ann@example.com');
    await createUser(t.db, 'bob@example.com');
    const ann = bearer(await signIn(t.app, 'ann@example.com'));
    const bob = bearer(await signIn(t.app, 'bob@example.com'));
    await execute(t.app, ResponseCacheFollow, { ticker: 'AAA' }, ann);
    await execute(t.app, ResponseCacheFollow, { ticker: 'BBB' }, bob);
    for (let i = 0; i < 2; i++) {
      const annSees = await run(t.app, ResponseCacheWatchlist, {}, ann);
      expect(annSees.response.data).toEqual({
        me: { email: 'ann@example.com', watchlist: [{ etf: { ticker: 'AAA' } }] },
      });
      expect(annSees.statements.length).toBeGreaterThan(0);
      const bobSees = await run(t.app, ResponseCacheWatchlist, {}, bob);
      expect(bobSees.response.data).toEqual({
        me: { email: 'bob@example.com', watchlist: [{ etf: { ticker: 'BBB' } }] },
      });
    }
    // A cached public chart is not an answer for a bad credential.
    await run(t.app, ResponseCacheChart, chart(['AAA']));
    expect((await run(t.app, ResponseCacheChart, chart(['AAA']))).statements).toEqual([]);
    const forged = await run(t.app, ResponseCacheChart, chart(['AAA']), bearer('etfql_not-a-real-key-000000000000'));
    expect(forged.response.data ?? null).toBeNull();
    expect(forged.response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves nothing from the cache to anonymous callers when reads need a credential', async () => {
    const app = createApp({
      db: t.db,
      config: loadConfig({ PUBLIC_READ: 'false', RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }),
    });
    const reader = bearer(ADMIN_KEY);
    await run(app, ResponseCacheChart, chart(['BBB']), reader);
    expect((await run(app, ResponseCacheChart, chart(['BBB']), reader)).statements).toEqual([]);
    const anonymous = await run(app, ResponseCacheChart, chart(['BBB']));
    expect(anonymous.response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a mutation only after its own evictions: a read right after a load is never stale', async () => {
    // The change feed slowed to 300 ms a notice, as a busy machine can make
    // it: without the barrier the read below got the response from before the load.
    const slow: Database = {
      ...t.db,
      listen: (channel, handler, onGap) =>
        t.db.listen(channel, (payload) => setTimeout(() => handler(payload), 300), onGap),
    };
    const app = createApp({
      db: slow,
      config: loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }),
    });
    const before = await run(app, ResponseCacheChart, chart(['AAA'], 1));
    expect((await run(app, ResponseCacheChart, chart(['AAA'], 1))).statements).toEqual([]);
    const load = await execute(
      app,
      ResponseCacheLoadPrices,
      { ticker: 'AAA', bars: [{ date: '2024-07-01', open: 9, high: 9, low: 9, close: 9, volume: 9 }] },
      bearer(ADMIN_KEY),
    );
    expect(load.errors).toBeUndefined();
    const after = await run(app, ResponseCacheChart, chart(['AAA'], 1));
    expect(closes(after.response)).toEqual([['2024-07-01=9']]);
    expect(closes(after.response)).not.toEqual(closes(before.response));
  });

  it('runs a repeated mutation again: mutations are never cached', async () => {
    const mutation = {
      ticker: 'AAA',
      bars: [{ date: '2024-07-03', open: 5, high: 6, low: 4, close: 5.5, volume: 10 }],
    };
    const first = await run(t.app, ResponseCacheLoadPricesCounts, mutation, bearer(ADMIN_KEY));
    expect(first.response.data).toEqual({ loadPrices: { inserted: 1, updated: 0 } });
    const again = await run(t.app, ResponseCacheLoadPricesCounts, mutation, bearer(ADMIN_KEY));
    expect(again.statements.length).toBeGreaterThan(0);
    expect(again.response.data).toEqual({ loadPrices: { inserted: 0, updated: 0 } });
  });

  it('is off with RESPONSE_CACHE=false', async () => {
    const app = createApp({ db: t.db, config: loadConfig({ RESPONSE_CACHE: 'false' }) });
    await run(app, ResponseCacheChart, chart(['AAA']));
    expect((await run(app, ResponseCacheChart, chart(['AAA']))).statements.length).toBeGreaterThan(0);
  });
});

describe('response cache, shared through Redis by two server instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let second: Database;
  const secondStatements: string[] = [];
  let appA: App;
  let appB: App;

  beforeAll(async () => {
    redis = await startRedis();
    const config = loadConfig({ REDIS_URL: redis.url, RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
    // Two instances as two processes would have them: a database handle each.
    second = createDatabase(t.url, { poolSize: 2, Client: countingClient(secondStatements) });
    appA = createApp({ db: t.db, config });
    appB = createApp({ db: second, config });
    await waitUntilListening(second);
  });
  afterAll(async () => {
    await appA?.dispose();
    await appB?.dispose();
    await second?.close();
    await redis?.stop();
  });

  it('serves one instance from what the other cached', async () => {
    const query = chart(['AAA', 'BBB'], 4);
    const filled = await run(appA, ResponseCacheChart, query);
    expect(filled.statements.length).toBeGreaterThan(0);
    secondStatements.length = 0;
    const served = await execute(appB, ResponseCacheChart, query);
    expect(served).toEqual(filled.response);
    expect(secondStatements).toEqual([]);
    expect(await redis.keyCount()).toBeGreaterThan(0);
  });

  it('never serves a response after npm run ingest committed, on either instance', async () => {
    const query = chart(['BBB'], 2);
    await execute(appA, ResponseCacheChart, query);
    const dir = await mkdtemp(path.join(tmpdir(), 'etfql-cache-'));
    try {
      await writeFile(path.join(dir, 'BBB.csv'), 'Date,Open,High,Low,Close,Volume\n2024-07-02,12,13,9,12.75,100\n');
      const ingest = await runCli('ingest', [path.join(dir, 'BBB.csv')], { DATABASE_URL: t.url });
      expect(ingest.code, ingest.stdout + ingest.stderr).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    for (const app of [appB, appA]) {
      expect(closes(await execute(app, ResponseCacheChart, query))[0]?.at(-1)).toBe('2024-07-02=12.75');
    }
  });

  it('keeps serving, uncached, while Redis is down, and is fresh when it is back', async () => {
    const query = chart(['AAA'], 2);
    await execute(appA, ResponseCacheChart, query);
    await redis.pause();
    try {
      await t.db.pool.query(
        `UPDATE daily_price SET close = 55.5 WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'AAA') AND date = (SELECT max(date) FROM daily_price WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'AAA'))`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const down = await execute(appB, ResponseCacheChart, query);
      expect(closes(down)[0]?.at(-1)).toMatch(/=55.5$/);
    } finally {
      await redis.resume();
    }
    for (let i = 0; i < 100; i++) {
      const result = await execute(appA, ResponseCacheChart, query);
      expect(closes(result)[0]?.at(-1)).toMatch(/=55.5$/);
      if ((await redis.keyCount()) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});

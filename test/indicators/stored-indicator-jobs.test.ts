// Large loads store their prices and leave the stored indicators to a job
// (src/indicators/stored/keep-current.ts); reads never wait for it and never
// differ: past Etf.storedIndicatorsThrough they compute on demand, to the same
// values the job then stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../src/dates.js';
import { createDatabase } from '../../src/db/database.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { INLINE_REFRESH_MAX_BARS } from '../../src/indicators/stored/keep-current.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { graphql } from '../gql/index.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, execute, executeOk } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const JobsLoad = graphql(`
  mutation JobsLoad($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }
`);
const JobsChart = graphql(`
  query JobsChart($ticker: String!) {
    etf(ticker: $ticker) {
      storedIndicatorsThrough
      indicators(last: 300) {
        sma(period: 50) { date value }
        ema(period: 12) { value }
        rsi(period: 14) { value }
        macd { macd signal histogram }
        bollinger { upper lower }
        atr(period: 14) { value }
      }
    }
  }
`);
const JobsQueue = graphql(`
  query JobsQueue { jobs { etfsCurrent etfsBehind jobs { task ticker state attempts } } }
`);

const admin = bearer(ADMIN_KEY);
const DAYS = tradingDays('2015-01-01', '2024-12-31');
const barsOf = (ticker: string, days = DAYS) =>
  syntheticBars(ticker, days, { start: 100, drift: 0.05, volatility: 0.2, volume: 1e6 }).map((bar) => ({
    ...bar,
    date: toIsoDate(bar.date),
  }));
const chart = (ticker: string) => executeOk(t.app, JobsChart, { ticker });
const queue = () => executeOk(t.app, JobsQueue, {}, admin);

describe('a load of more than INLINE_REFRESH_MAX_BARS bars', () => {
  it('is answered before the job runs, with the answer it gives after', async () => {
    expect(DAYS.length).toBeGreaterThan(INLINE_REFRESH_MAX_BARS);
    await createEtf(t.db, 'BIG');
    await executeOk(t.app, JobsLoad, { ticker: 'BIG', bars: barsOf('BIG') }, admin);

    t.statements.length = 0;
    const pending = await chart('BIG');
    // Computed on demand: the history read, as for parameters that are not stored.
    expect(t.statements.some((text) => text.includes('/* daily-bars-limited */'))).toBe(true);
    expect(pending.etf?.storedIndicatorsThrough).toBeNull();
    expect(await queue()).toMatchObject({
      jobs: {
        etfsBehind: 1,
        jobs: [{ task: 'refresh-stored-indicators', ticker: 'BIG', state: 'WAITING', attempts: 0 }],
      },
    });
    expect(
      await t.db.pool.query(
        "SELECT count(*)::int AS n FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = 'BIG'",
      ),
    ).toMatchObject({ rows: [{ n: 0 }] });

    await runDueJobs(t.db.pool);
    t.statements.length = 0;
    const done = await chart('BIG');
    expect(done.etf?.storedIndicatorsThrough).toBe(DAYS.at(-1));
    expect(done.etf?.indicators).toEqual(pending.etf?.indicators);
    expect((await queue()).jobs).toMatchObject({ etfsBehind: 0, jobs: [] });
    // And the stored set is what was read: one range scan, no history.
    expect(t.statements.some((text) => text.includes('stored-indicators'))).toBe(true);
    expect(t.statements.some((text) => text.includes('/* daily-bars-limited */'))).toBe(false);
  });

  it('queues one job for ten loads of one ETF, and a small write on top catches it up at once', async () => {
    await createEtf(t.db, 'MANY');
    const bars = barsOf('MANY');
    // Ten loads of 1,100 and more bars each: each above the threshold.
    for (let i = 0; i < 10; i++) {
      await executeOk(t.app, JobsLoad, { ticker: 'MANY', bars: bars.slice(0, 1_100 + i * 100) }, admin);
    }
    const waiting = (await queue()).jobs.jobs.filter((job) => job.ticker === 'MANY');
    expect(waiting).toHaveLength(1);
    const before = await chart('MANY');

    // The nightly update's size: refreshed in its own transaction, from where the stored set stops.
    const next = barsOf('MANY').slice(1_100 + 9 * 100, 1_100 + 9 * 100 + 1);
    await executeOk(t.app, JobsLoad, { ticker: 'MANY', bars: next }, admin);
    const after = await chart('MANY');
    expect(after.etf?.storedIndicatorsThrough).toBe(next[0]?.date);
    expect(after.etf?.indicators.sma.slice(0, -1)).toEqual(before.etf?.indicators.sma.slice(1));
    // The job finds nothing left to do.
    await runDueJobs(t.db.pool);
    expect(await chart('MANY')).toEqual(after);
  });

  it('keeps its job across a restart; two workers at once leave one set of rows', async () => {
    await createEtf(t.db, 'KEPT');
    await executeOk(t.app, JobsLoad, { ticker: 'KEPT', bars: barsOf('KEPT') }, admin);
    const before = await chart('KEPT');
    // The process that queued it goes away; another starts, with two workers at once.
    const restarted = createDatabase(t.url, { poolSize: 4 });
    try {
      await Promise.all([runDueJobs(restarted.pool), runDueJobs(restarted.pool)]);
    } finally {
      await restarted.close();
    }
    const after = await chart('KEPT');
    expect(after.etf?.storedIndicatorsThrough).toBe(DAYS.at(-1));
    expect(after.etf?.indicators).toEqual(before.etf?.indicators);
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT i.date)::int AS dates FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = 'KEPT' AND NOT i.adjusted",
    );
    expect(rows[0]).toEqual({ n: DAYS.length, dates: DAYS.length });
  });

  it('shows the queue to admins only', async () => {
    const anonymous = await execute(t.app, JobsQueue, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

// The plans of the performance figures' and the screen's statements, from
// EXPLAIN (ANALYZE, BUFFERS) on an ETF with 2,500 bars and one with 25,000:
// their cost must not grow with the history (a year of bars and a few probes,
// in index order, no sort), and a read as of the latest bar must take the
// stored rows alone.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREEN_FLOOR_SQL } from '../../bench/analytics-workload.js';
import { refreshStatement } from '../../src/performance/latest-metrics.js';
import { metricsStatement } from '../../src/performance/read-performance.js';
import { parseScreen } from '../../src/screen/screen-filter.js';
import { screenStatement } from '../../src/screen/screen-sql.js';
import {
  buffers,
  createPlanEtfs,
  explain,
  largestSort,
  maxLoopsOn,
  type PlanEtfs,
  rowsFrom,
} from '../helpers/query-plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let ids: PlanEtfs;

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await createPlanEtfs(t.db.pool);
  await t.db.pool.query(refreshStatement([ids.SHORT, ids.LONG]));
  await t.db.pool.query('VACUUM ANALYZE latest_metrics');
});
afterAll(() => t.close());

/** A year of bars (262 weekdays at most) plus the 253 dates walked to find the window's start, 20 for the volume's, and a row per probe. */
const YEAR_OF_ROWS = 262 + 253 + 20 + 12;

async function expectHistoryBound(statementFor: (etfId: number) => pg.QueryConfig, series = 1) {
  const short = await explain(t.db.pool, statementFor(ids.SHORT));
  const long = await explain(t.db.pool, statementFor(ids.LONG));
  expect(largestSort(long)).toBe(0);
  expect(rowsFrom(long, 'daily_price')).toBeLessThanOrEqual(series * YEAR_OF_ROWS);
  // A few pages of slack: a deeper index level, a page boundary.
  expect(buffers(long)).toBeLessThanOrEqual(Math.ceil(buffers(short) * 1.2) + 4);
  return long;
}

describe('performance figures', () => {
  it.each([false, true])('as of the latest bar (adjusted: %s): the stored row, no bar read', async (adjusted) => {
    const plan = await explain(t.db.pool, metricsStatement([ids.SHORT, ids.LONG], null, adjusted));
    expect(plan['Actual Rows']).toBe(2);
    expect(rowsFrom(plan, 'daily_price')).toBe(0);
    expect(buffers(plan)).toBeLessThanOrEqual(12);
  });

  it.each([false, true])(
    'computed as of an earlier date (adjusted: %s): a year of bars whatever the history',
    async (adjusted) => {
      const plan = await expectHistoryBound((id) => metricsStatement([id], '2026-01-15', adjusted));
      expect(rowsFrom(plan, 'latest_metrics')).toBe(0);
    },
  );

  it('the rewrite that follows every write: the same bound, for the raw and the adjusted series', async () => {
    await expectHistoryBound((id) => refreshStatement([id]), 2);
  });

  it('control: a figure over the whole history is caught by the bound', async () => {
    const whole = (etfId: number): pg.QueryConfig => ({
      text: 'SELECT max(high) FROM daily_price WHERE etf_id = $1',
      values: [etfId],
    });
    await expect(expectHistoryBound(whole)).rejects.toThrow();
  });
});

describe('a page of a screen', () => {
  // Three conditions over the three sources: an ETF column, a stored indicator, a figure.
  const screen = parseScreen(
    {
      and: [
        { currency: ['USD'] },
        { metric: 'RSI_14', gt: 0 },
        { metric: 'CLOSE', gtMetric: 'SMA_20' },
        { metric: 'RETURN_1Y', gt: -1 },
      ],
    },
    [{ metric: 'RETURN_1M', direction: 'DESC' }],
  );
  const page = (asOf: string | null) =>
    screenStatement(screen, { asOf, adjusted: false, compute: asOf !== null, limit: 21, after: null, overrides: null });

  it('as of the latest bars: one stored row and one indicator probe per ETF, no bar read', async () => {
    const plan = await explain(t.db.pool, page(null));
    expect(rowsFrom(plan, 'daily_price')).toBe(0);
    expect(maxLoopsOn(plan, 'daily_indicator')).toBeLessThanOrEqual(2);
    expect(rowsFrom(plan, 'daily_indicator')).toBeLessThanOrEqual(2);
    expect(buffers(plan)).toBeLessThanOrEqual(30);
  });

  it('as of an earlier date: a year of bars per ETF whatever its history, sorting only the ETFs', async () => {
    const plan = await explain(t.db.pool, page('2026-01-15'));
    // The page's order: one row per ETF, never bars.
    expect(largestSort(plan)).toBeLessThanOrEqual(2);
    expect(rowsFrom(plan, 'daily_price')).toBeLessThanOrEqual(2 * YEAR_OF_ROWS);
    expect(rowsFrom(plan, 'latest_metrics')).toBe(0);
  });
});

describe("the benchmark's screen floor", () => {
  // The floor (bench/analytics-workload.ts) must be a real floor: the same page
  // by the cheapest route, reading no more than the screen's own statement.
  const screen = parseScreen(
    { and: [{ assetClass: ['EQUITY'] }, { metric: 'RSI_14', lt: 50 }, { metric: 'CLOSE', gtMetric: 'SMA_200' }] },
    [{ metric: 'RETURN_1Y', direction: 'DESC' }],
  );

  it('reads no bar, one indicator probe per ETF of the class, and no more pages than the screen', async () => {
    await t.db.pool.query(`UPDATE etf SET asset_class = 'EQUITY'`);
    await t.db.pool.query('ANALYZE etf');
    const floor = await explain(t.db.pool, { text: SCREEN_FLOOR_SQL });
    const ours = await explain(
      t.db.pool,
      screenStatement(screen, { asOf: null, adjusted: false, compute: false, limit: 21, after: null, overrides: null }),
    );
    expect(rowsFrom(floor, 'daily_price')).toBe(0);
    expect(maxLoopsOn(floor, 'daily_indicator')).toBeLessThanOrEqual(2);
    expect(buffers(floor)).toBeLessThanOrEqual(buffers(ours));
  });
});

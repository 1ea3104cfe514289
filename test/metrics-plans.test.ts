// The plans of the performance figures' statements, from EXPLAIN (ANALYZE,
// BUFFERS) on an ETF with 2,500 bars and one with 25,000: their cost must not
// grow with the history (a year of bars and a few probes, in index order, no
// sort), and a read as of the latest bar must take the stored row alone.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatement } from '../src/metrics/latest-metrics.js';
import { metricsStatement } from '../src/metrics/read-metrics.js';
import { buffers, createPlanEtfs, explain, largestSort, type PlanEtfs, rowsFrom } from './query-plans.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

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

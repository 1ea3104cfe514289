// Every hot read statement reads its window, not the history before it. Timings
// would be flaky; buffer counts from EXPLAIN (ANALYZE, BUFFERS) are not: a window
// of 252 bars must touch about as many pages on an ETF with 25,000 bars as on one
// with 2,500, and no plan may sort more rows than the window can hold. A control
// case runs the statement shape that once slipped through (ORDER BY a text alias
// of the date) and shows that these checks catch it.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_FLOOR_JSON_SQL, CHART_FLOOR_SQL, CHART_INDICATORS_FLOOR_SQL } from '../../bench/chart-workload.js';
import { actionsStatement } from '../../src/corporate-actions/adjustment-factors.js';
import { etfsByTickerStatement } from '../../src/etfs/find-etfs.js';
import { storedStatement } from '../../src/indicators/stored/read-stored.js';
import { BAR_FIELDS } from '../../src/prices/bar-fields.js';
import { type BarWindow, parseBarWindow } from '../../src/prices/bar-window.js';
import { barsStatement } from '../../src/prices/read-bars.js';
import {
  buffers,
  createPlanEtfs,
  explain as explainPlan,
  LONG_BARS,
  largestSort,
  maxLoopsOn,
  type PlanEtfs,
} from '../helpers/query-plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let ids: PlanEtfs;

beforeAll(async () => {
  t = await createTestDatabase();
  ids = await createPlanEtfs(t.db.pool);
});
afterAll(() => t.close());

const explain = (statement: pg.QueryConfig) => explainPlan(t.db.pool, statement);

/** Asserts the window's cost does not grow with the history, and returns both plans' buffers. */
async function expectWindowBound(statementFor: (etfId: number) => pg.QueryConfig, maxSortedRows: number) {
  const short = await explain(statementFor(ids.SHORT));
  const long = await explain(statementFor(ids.LONG));
  expect(largestSort(long)).toBeLessThanOrEqual(maxSortedRows);
  // A few pages of slack: a deeper index level, a page boundary.
  expect(buffers(long)).toBeLessThanOrEqual(Math.ceil(buffers(short) * 1.2) + 4);
  return { short: buffers(short), long: buffers(long) };
}

const window = (args: Parameters<typeof parseBarWindow>[0]): BarWindow => parseBarWindow(args);

describe('read plans', () => {
  it('control: a walk ordered by a text alias of the date sorts the whole history, and is caught', async () => {
    const defective = (etfId: number): pg.QueryConfig => ({
      text: `SELECT date::text AS date, close FROM daily_price WHERE etf_id = $1 ORDER BY date DESC LIMIT 252`,
      values: [etfId],
    });
    const plan = await explain(defective(ids.LONG));
    expect(largestSort(plan)).toBe(LONG_BARS);
    await expect(expectWindowBound(defective, 252)).rejects.toThrow();
  });

  it.each([
    ['daily', { last: 252 }],
    // A dashboard's to: is today, after the last bar: the same walk, from the newest bar down.
    ['daily, to a day after the data', { last: 252, to: '2030-01-01' }],
    ['daily, adjusted', { last: 252, adjusted: true }],
    ['latestPrice', { last: 1 }],
    ['a watchlist move', { last: 2 }],
  ] as const)('%s prices: an index walk of the window, no sort', async (_name, args) => {
    await expectWindowBound((id) => barsStatement([id], window(args)), 0);
    // Adjusted: the ETF's actions are read once (as arrays), not probed for each of its 252 bars.
    expect(maxLoopsOn(await explain(barsStatement([ids.LONG], window(args))), 'corporate_action')).toBeLessThanOrEqual(
      1,
    );
  });

  it('daily prices from and to: the window only (the planner may sort those 262 bars)', async () => {
    await expectWindowBound((id) => barsStatement([id], window({ from: '2025-11-20', to: '2026-11-20' })), 262);
  });

  it.each([
    ['weekly', { interval: 'WEEKLY', last: 52 }, 52 * 7],
    ['weekly, adjusted', { interval: 'WEEKLY', last: 52, adjusted: true }, 52 * 7],
    ['monthly', { interval: 'MONTHLY', last: 12 }, 12 * 31],
    ['monthly, from', { interval: 'MONTHLY', from: '2025-11-01' }, 12 * 31],
  ] as const)('%s bars aggregate only the days of their window', async (_name, args, maxRows) => {
    await expectWindowBound((id) => barsStatement([id], window(args)), maxRows);
    expect(maxLoopsOn(await explain(barsStatement([ids.LONG], window(args))), 'corporate_action')).toBeLessThanOrEqual(
      1,
    );
  });

  it.each([
    ['stored indicators', { last: 252 }],
    ['stored indicators, to a day after the data', { last: 252, to: '2030-01-01' }],
    ['stored indicators, adjusted', { last: 252, adjusted: true }],
  ] as const)('%s: one probe per bar of the window, no sort, the ETF row read once', async (_name, args) => {
    await expectWindowBound((id) => storedStatement([id], window(args)), 0);
    // Its stored_indicators_through, once per ETF: a scalar subquery in the
    // select list once ran for each of the 252 bars.
    expect(maxLoopsOn(await explain(storedStatement([ids.LONG], window(args))), 'etf')).toBe(1);
  });

  it('ETFs by ticker: one probe of the ticker index each, whatever the number of ETFs', async () => {
    const tickers = ['SHORT', 'LONG'];
    const few = await explain(etfsByTickerStatement(tickers));
    const { rows } = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM etf');
    // 5,000 more ETFs: a scan of the table would now read ~70 pages more.
    await t.db.pool.query(
      `INSERT INTO etf (ticker, name, currency, updated_at)
       SELECT 'X' || g, 'Filler ' || g, 'USD', now() FROM generate_series(1, 5000) g`,
    );
    await t.db.pool.query('ANALYZE etf');
    try {
      const many = await explain(etfsByTickerStatement(tickers));
      expect(many['Actual Rows']).toBe(2);
      expect(buffers(many)).toBeLessThanOrEqual(buffers(few) + 4);
      expect(JSON.stringify(many)).not.toContain('"Seq Scan"');
    } finally {
      await t.db.pool.query(`DELETE FROM etf WHERE ticker LIKE 'X%'`);
      await t.db.pool.query('ANALYZE etf');
    }
    expect(rows[0]?.n).toBe(2);
  });

  it('the on-demand indicator history reads the whole history in index order, never sorting it', async () => {
    const plan = await explain(barsStatement([ids.LONG], window({})));
    expect(plan['Actual Rows']).toBe(LONG_BARS);
    expect(largestSort(plan)).toBe(0);
  });

  it('weekly histories under a read budget: the ETFs after the one that passes it are never read', async () => {
    const alone = await explain(barsStatement([ids.SHORT], window({ interval: 'WEEKLY' })));
    // SHORT alone has 500 weeks: past a budget of 101, so LONG (5,000 weeks) is not touched.
    const cut = await explain(barsStatement([ids.SHORT, ids.LONG], window({ interval: 'WEEKLY' }), BAR_FIELDS, 101));
    expect(cut['Actual Rows']).toBe(101);
    expect(buffers(cut)).toBeLessThanOrEqual(Math.ceil(buffers(alone) * 1.2) + 4);
  });

  it('the close before each action: one backward probe per action, whatever the history', async () => {
    const short = await explain(actionsStatement(ids.SHORT));
    const long = await explain(actionsStatement(ids.LONG));
    expect(long['Actual Rows']).toBe(1);
    expect(buffers(long)).toBeLessThanOrEqual(buffers(short) + 4);
    expect(largestSort(long)).toBeLessThanOrEqual(1);
  });

  it("a request's read budget stops the history read at its LIMIT, not after the whole history", async () => {
    const whole = await explain(barsStatement([ids.LONG], window({})));
    const cut = await explain(barsStatement([ids.LONG], window({}), BAR_FIELDS, 101));
    expect(cut['Actual Rows']).toBe(101);
    expect(buffers(cut) * 5).toBeLessThan(buffers(whole));
  });

  // The JSON floor puts each window back in ascending order: a sort of its 252
  // rows; the indicators floor may be planned as a hash join and a sort of them.
  it.each([
    ['rows', CHART_FLOOR_SQL, 0],
    ['JSON', CHART_FLOOR_JSON_SQL, 252],
    ['indicators', CHART_INDICATORS_FLOOR_SQL, 252],
  ])("the benchmark's %s floor walks the index as the read path does", async (_name, text, maxSorted) => {
    const tickers = (etfId: number) => [etfId === ids.LONG ? 'LONG' : 'SHORT'];
    await expectWindowBound((id) => ({ text, values: [tickers(id), 252] }), maxSorted);
  });
});

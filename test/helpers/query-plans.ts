// Reading plans from EXPLAIN (ANALYZE, BUFFERS): what the read-plan tests
// assert on. Buffer counts and row counts are deterministic; timings are not,
// and are never asserted.
import type pg from 'pg';

export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
};

export async function explain(pool: pg.Pool, statement: pg.QueryConfig): Promise<PlanNode> {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({
    text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    values: statement.values,
  });
  return (rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
}

export const buffers = (plan: PlanNode) => plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];

const BAR_TABLES = new Set(['daily_price', 'daily_indicator']);
const readsBars = (plan: PlanNode): boolean =>
  BAR_TABLES.has(plan['Relation Name'] ?? '') || (plan.Plans ?? []).some(readsBars);

/**
 * The most rows any Sort over price or indicator rows took in, per loop. (A
 * sort of the few corporate actions after a bar is not one of them.)
 */
export function largestSort(plan: PlanNode): number {
  const own =
    plan['Node Type'] === 'Sort' && readsBars(plan)
      ? Math.max(...(plan.Plans ?? []).map((child) => child['Actual Rows']))
      : 0;
  return Math.max(own, ...(plan.Plans ?? []).map(largestSort));
}

/** The most times any node reading `relation` ran. */
export const maxLoopsOn = (plan: PlanNode, relation: string): number =>
  Math.max(
    plan['Relation Name'] === relation ? plan['Actual Loops'] : 0,
    ...(plan.Plans ?? []).map((child) => maxLoopsOn(child, relation)),
  );

/** The rows read from `relation` over all loops of every node that reads it. */
export const rowsFrom = (plan: PlanNode, relation: string): number =>
  (plan['Relation Name'] === relation ? plan['Actual Rows'] * plan['Actual Loops'] : 0) +
  (plan.Plans ?? []).reduce((sum, child) => sum + rowsFrom(child, relation), 0);

export const SHORT_BARS = 2_500;
export const LONG_BARS = 25_000;

export type PlanEtfs = Record<'SHORT' | 'LONG', number>;

/**
 * Two ETFs written in plain SQL (the plans, not the load path, are under test):
 * SHORT_BARS and LONG_BARS bars, one per weekday back from 2026-11-20, a
 * stored-indicator row for each, and a split inside both histories so the
 * adjusted statements probe a real action. Returns their ids.
 */
export async function createPlanEtfs(pool: pg.Pool): Promise<PlanEtfs> {
  const ids: PlanEtfs = { SHORT: 0, LONG: 0 };
  for (const [ticker, bars] of [
    ['SHORT', SHORT_BARS],
    ['LONG', LONG_BARS],
  ] as const) {
    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO etf (ticker, name, currency, updated_at) VALUES ($1, $1, 'USD', now()) RETURNING id`,
      [ticker],
    );
    const id = rows[0]?.id as number;
    ids[ticker] = id;
    await pool.query(
      `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
       SELECT $1, d, 100 + g % 7, 101 + g % 7, 99 + g % 7, 100 + g % 5, 1000 + g
       FROM (SELECT g, date '2026-11-20' - (g / 5 * 7 + g % 5) AS d FROM generate_series(0, $2 - 1) g) x`,
      [id, bars],
    );
    await pool.query(
      `INSERT INTO daily_indicator (etf_id, adjusted, date, sma_20, rsi_14)
       SELECT etf_id, a, date, close, 50 FROM daily_price, (VALUES (false), (true)) v(a) WHERE etf_id = $1`,
      [id],
    );
    await pool.query(
      `INSERT INTO corporate_action (etf_id, date, kind, value, price_factor, volume_factor,
                                     cumulative_price_factor, cumulative_volume_factor)
       VALUES ($1, date '2026-06-01', 'SPLIT', 2, 0.5, 2, 0.5, 2)`,
      [id],
    );
  }
  await pool.query('VACUUM ANALYZE');
  return ids;
}

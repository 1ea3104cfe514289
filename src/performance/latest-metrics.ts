// latest_metrics: each ETF's figures as of its last bar, rewritten in the
// transaction of every write that changes its bars or its corporate actions
// (prices/upsert-bars.ts's afterWrite, corporate-actions/record-action.ts),
// so that a screen over every ETF reads one row each. The rows come from the
// same SQL as any other date (performance-sql.ts), so a read served by a row and
// one computed give the same numbers.
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import { lockEtfIds } from '../etfs/lock-etf.js';
import { lastBarDate } from '../prices/bar-dates.js';
import { computedMetrics, METRIC_COLUMNS } from './performance-sql.js';

const COLUMNS = METRIC_COLUMNS.join(', ');
const LATEST = "'infinity'::date";

// Raw rows for every ETF with bars, adjusted ones for those with actions; the
// rows of an ETF left without bars (or without actions) are deleted.
const REFRESH = `/* refresh-latest-metrics */
  WITH ids AS (SELECT DISTINCT unnest($1::int[]) AS id),
  fresh AS (
    SELECT e.id AS etf_id, false AS adjusted, m.*
    FROM ids e CROSS JOIN LATERAL ${computedMetrics(false, 'e.id', LATEST)} m
    UNION ALL
    SELECT e.id, true, m.*
    FROM ids e CROSS JOIN LATERAL ${computedMetrics(true, 'e.id', LATEST)} m
    WHERE EXISTS (SELECT FROM corporate_action a WHERE a.etf_id = e.id)
  ),
  gone AS (
    DELETE FROM latest_metrics l USING ids
    WHERE l.etf_id = ids.id AND NOT EXISTS (SELECT FROM fresh f WHERE f.etf_id = l.etf_id AND f.adjusted = l.adjusted)
  )
  INSERT INTO latest_metrics (etf_id, adjusted, ${COLUMNS})
  SELECT etf_id, adjusted, ${COLUMNS} FROM fresh
  ON CONFLICT (etf_id, adjusted) DO UPDATE SET ${METRIC_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

/** The statement that rewrites these ETFs' rows (test/metrics-plans.test.ts holds it to its plan). */
export const refreshStatement = (etfIds: readonly number[]): pg.QueryConfig => ({ text: REFRESH, values: [etfIds] });

/** Rewrites the latest_metrics rows of these ETFs from their bars; in the caller's transaction, the ETFs locked. */
export async function refreshLatestMetrics(client: pg.ClientBase, etfIds: readonly number[]): Promise<void> {
  if (etfIds.length > 0) await client.query(refreshStatement(etfIds));
}

const DROP = '/* drop-latest-metrics */ DELETE FROM latest_metrics WHERE etf_id = ANY($1)';

/**
 * Removes these ETFs' rows, in the caller's transaction: a large write leaves
 * its figures to its job (refreshLatestMetricsOf), and reads compute them meanwhile.
 */
export async function dropLatestMetrics(client: pg.ClientBase, etfIds: readonly number[]): Promise<void> {
  if (etfIds.length > 0) await client.query(DROP, [etfIds]);
}

/** The job's part: rewrites one ETF's rows in a transaction of its own, the ETF locked. */
export async function refreshLatestMetricsOf(pool: pg.Pool, etfId: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    await lockEtfIds(client, [etfId]);
    await refreshLatestMetrics(client, [etfId]);
  });
}

// ETFs whose rows are missing or behind their last bar: written before this
// table existed, or by hand. Reads are right meanwhile (they compute), only slower.
const BEHIND = `/* latest-metrics-behind */
  SELECT e.id FROM etf e
  LEFT JOIN latest_metrics s ON s.etf_id = e.id AND NOT s.adjusted
  WHERE s.date IS DISTINCT FROM ${lastBarDate('e.id')}
     OR (EXISTS (SELECT FROM corporate_action a WHERE a.etf_id = e.id)
         AND NOT EXISTS (SELECT FROM latest_metrics t WHERE t.etf_id = e.id AND t.adjusted))`;

/** Groups small enough that one transaction holds few locks for long. */
const GROUP = 100;

/** Brings every ETF's rows current (start-up); returns how many ETFs it refreshed, usually none. */
export async function refreshBehindLatestMetrics(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(BEHIND);
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += GROUP) {
    const group = ids.slice(i, i + GROUP);
    await withTransaction(pool, async (client) => {
      await lockEtfIds(client, group);
      await refreshLatestMetrics(client, group);
    });
  }
  return ids.length;
}

// Persisted indicators for a daily window: the same LATERAL walk of the
// (etf_id, date) index as `prices`, joined to daily_indicator on its primary
// key, so the points have exactly the dates that `prices` returns. Adjusted
// rows are stored only for ETFs with corporate actions: for the others the
// adjusted series is the raw one, and the raw rows are read.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import type { BarWindow } from '../prices/bar-window.js';
import { PERSISTED_COLUMNS } from './default-set.js';

export type PersistedRow = { date: IsoDate } & Record<string, number | null>;

const READ = `/* persisted-indicators */
  SELECT e.id AS etf_id, b.*
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    SELECT $5::boolean AND EXISTS (SELECT FROM corporate_action a WHERE a.etf_id = e.id) AS adjusted
  ) s
  CROSS JOIN LATERAL (
    SELECT p.date::text AS date, ${PERSISTED_COLUMNS.map((column) => `i.${column}`).join(', ')}
    FROM daily_price p
    LEFT JOIN daily_indicator i ON i.etf_id = p.etf_id AND i.adjusted = s.adjusted AND i.date = p.date
    WHERE p.etf_id = e.id AND p.date >= $2::date AND p.date <= $3::date
    ORDER BY p.date DESC
    LIMIT $4
  ) b`;

/** The statement that reads a daily window's stored indicators, newest first per ETF. */
export function persistedStatement(etfIds: readonly number[], window: BarWindow): pg.QueryConfig {
  return {
    text: READ,
    values: [etfIds, window.from ?? '-infinity', window.to ?? 'infinity', window.last, window.adjusted],
  };
}

/** Rows per ETF id, ascending by date. */
export async function readPersisted(
  pool: pg.Pool,
  etfIds: readonly number[],
  window: BarWindow,
): Promise<Map<number, PersistedRow[]>> {
  const result = await pool.query<PersistedRow & { etf_id: number }>(persistedStatement(etfIds, window));
  const byEtf = new Map<number, PersistedRow[]>(etfIds.map((id) => [id, []]));
  for (let i = result.rows.length - 1; i >= 0; i--) {
    const row = result.rows[i] as PersistedRow & { etf_id: number };
    byEtf.get(row.etf_id)?.push(row);
  }
  return byEtf;
}

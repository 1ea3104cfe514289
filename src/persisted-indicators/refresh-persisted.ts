// Keeps daily_indicator current for one ETF after its prices changed: the
// indicators from the first changed date on are recomputed over the whole
// history (recursive ones warm up from the first bar) and rewritten. Rows
// before that date cannot change: a value depends only on bars up to its date.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { withTransaction } from '../db/transaction.js';
import { toHistory } from '../prices/history.js';
import type { PriceBar } from '../prices/read-bars.js';
import { computePersistedColumns, PERSISTED_COLUMNS } from './default-set.js';

const HISTORY = `
  SELECT date::text AS date, open, high, low, close, volume::float8 AS volume
  FROM daily_price WHERE etf_id = $1 ORDER BY date`;

const columnList = PERSISTED_COLUMNS.join(', ');
const UPSERT = `
  INSERT INTO daily_indicator (etf_id, adjusted, date, ${columnList})
  SELECT $1, false, * FROM unnest($2::date[], ${PERSISTED_COLUMNS.map((_, i) => `$${i + 3}::float8[]`).join(', ')})
  ON CONFLICT (etf_id, adjusted, date) DO UPDATE SET
    ${PERSISTED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

/** Runs inside the caller's transaction. */
export async function refreshPersistedIndicators(
  client: pg.ClientBase,
  etfId: number,
  changedFrom: IsoDate,
): Promise<void> {
  const { rows } = await client.query<PriceBar>(HISTORY, [etfId]);
  const { dates, bars } = toHistory(rows);
  const length = dates.length;
  let from = 0;
  while (from < length && (dates[from] as IsoDate) < changedFrom) from++;
  if (from === length) return;

  const columns = computePersistedColumns(bars);
  // NaN (warm-up, 0/0) is stored as NULL.
  const values = PERSISTED_COLUMNS.map((column) =>
    Array.from((columns.get(column) as Float64Array).subarray(from), (v) => (Number.isFinite(v) ? v : null)),
  );
  await client.query(UPSERT, [etfId, dates.slice(from), ...values]);
}

const MISSING = `
  SELECT p.etf_id, min(p.date)::text AS from_date
  FROM daily_price p
  LEFT JOIN daily_indicator i ON i.etf_id = p.etf_id AND NOT i.adjusted AND i.date = p.date
  WHERE i.etf_id IS NULL
  GROUP BY p.etf_id`;

/**
 * Fills in persisted indicators that are missing, e.g. for prices written before
 * this version of etfql stored them, or by hand. Runs at start-up; returns the
 * number of ETFs it refreshed (usually 0, at the cost of one anti-join).
 */
export async function backfillPersistedIndicators(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ etf_id: number; from_date: IsoDate }>(MISSING);
  for (const row of rows) {
    await withTransaction(pool, (client) => refreshPersistedIndicators(client, row.etf_id, row.from_date));
  }
  return rows.length;
}

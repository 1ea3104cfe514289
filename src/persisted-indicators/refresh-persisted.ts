// Keeps daily_indicator current for one ETF after its prices or corporate
// actions changed. Rows before the first changed date cannot change (a value
// depends only on bars up to its date), so only the rows from that date on are
// recomputed, and incrementally: from the LOOKBACK bars before it and the
// stored row of the bar before it, which holds every recursive indicator's
// state. A full recomputation is the fallback when there is no such state
// (a short history, a series still warming up) and the rule when the
// adjustment factors changed, since those rescale every earlier adjusted bar.
import type pg from 'pg';
import { priceSource } from '../corporate-actions/adjusted-source.js';
import { refreshAdjustmentFactors } from '../corporate-actions/adjustment-factors.js';
import type { IsoDate } from '../dates.js';
import { withTransaction } from '../db/transaction.js';
import { toHistory } from '../prices/history.js';
import type { PriceBar } from '../prices/read-bars.js';
import { computePersistedColumns, LOOKBACK, PERSISTED_COLUMNS, STATE_COLUMNS, type StoredRow } from './default-set.js';

const bars = (adjusted: boolean, where: string) => `
  SELECT date::text AS date, open, high, low, close, volume::float8 AS volume
  FROM ${priceSource(adjusted)} WHERE etf_id = $1 ${where} ORDER BY date`;

// The history from LOOKBACK bars before $2 on (all of it when there are fewer).
const TAIL_FROM = `AND date >= coalesce((
    SELECT date FROM daily_price WHERE etf_id = $1 AND date < $2 ORDER BY date DESC OFFSET ${LOOKBACK - 1} LIMIT 1
  ), '-infinity')`;
const QUERIES = {
  tail: [bars(false, TAIL_FROM), bars(true, TAIL_FROM)],
  all: [bars(false, ''), bars(true, '')],
} as const;

const STATE = `
  SELECT ${STATE_COLUMNS.join(', ')} FROM daily_indicator WHERE etf_id = $1 AND adjusted = $2 AND date = $3`;

const columnList = PERSISTED_COLUMNS.join(', ');
const UPSERT = `
  INSERT INTO daily_indicator (etf_id, adjusted, date, ${columnList})
  SELECT $1, $2, * FROM unnest($3::date[], ${PERSISTED_COLUMNS.map((_, i) => `$${i + 4}::float8[]`).join(', ')})
  ON CONFLICT (etf_id, adjusted, date) DO UPDATE SET
    ${PERSISTED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

const DROP_ADJUSTED = 'DELETE FROM daily_indicator WHERE etf_id = $1 AND adjusted';

export type IndicatorChange = {
  /** The first date whose raw bar was inserted, changed or deleted; null when only actions changed. */
  pricesChangedFrom: IsoDate | null;
};

/** Runs inside the caller's transaction, after the prices or actions were written. */
export async function refreshPersistedIndicators(
  client: pg.ClientBase,
  etfId: number,
  { pricesChangedFrom }: IndicatorChange,
): Promise<void> {
  const adjustment = await refreshAdjustmentFactors(client, etfId);
  if (pricesChangedFrom !== null) await refreshSeries(client, etfId, false, pricesChangedFrom);
  if (adjustment.latestAction === null) {
    // Without actions the adjusted series is the raw one, served from the raw rows.
    if (pricesChangedFrom === null) await client.query(DROP_ADJUSTED, [etfId]);
    return;
  }
  const adjustedFrom = adjustment.factorsChanged || pricesChangedFrom === null ? null : pricesChangedFrom;
  await refreshSeries(client, etfId, true, adjustedFrom);
}

/** Recomputes one series (raw or adjusted) from `changedFrom` on, or whole when it is null. */
export async function refreshSeries(
  client: pg.ClientBase,
  etfId: number,
  adjusted: boolean,
  changedFrom: IsoDate | null,
): Promise<void> {
  const which = adjusted ? 1 : 0;
  let rows = changedFrom
    ? (await client.query<PriceBar>(QUERIES.tail[which], [etfId, changedFrom])).rows
    : (await client.query<PriceBar>(QUERIES.all[which], [etfId])).rows;
  let from = changedFrom ? rows.findIndex((row) => row.date >= changedFrom) : 0;
  if (from === -1 || rows.length === 0) return;

  let state: StoredRow | undefined;
  if (from >= LOOKBACK) {
    const stored = await client.query<StoredRow>(STATE, [etfId, adjusted, (rows[from - 1] as PriceBar).date]);
    state = stored.rows[0];
    if (!state || STATE_COLUMNS.some((column) => state?.[column] == null)) {
      // No usable state before the change (rows missing, or written before
      // this series existed): recompute and rewrite the whole history.
      state = undefined;
      rows = (await client.query<PriceBar>(QUERIES.all[which], [etfId])).rows;
      from = 0;
    }
  }

  const { dates, bars } = toHistory(rows);
  const columns = computePersistedColumns(bars, from, state);
  // NaN (warm-up, 0/0) is stored as NULL.
  const values = PERSISTED_COLUMNS.map((column) =>
    Array.from((columns.get(column) as Float64Array).subarray(from), (v) => (Number.isFinite(v) ? v : null)),
  );
  await client.query(UPSERT, [etfId, adjusted, dates.slice(from), ...values]);
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
    await withTransaction(pool, (client) =>
      refreshPersistedIndicators(client, row.etf_id, { pricesChangedFrom: row.from_date }),
    );
  }
  return rows.length;
}

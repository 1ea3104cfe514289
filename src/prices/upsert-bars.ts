// Writes daily bars for one ETF in one statement: unnest() turns the column
// arrays into rows, and ON CONFLICT makes the load idempotent. Rows whose
// values did not change are left alone (no dead tuples, no false "updated").
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import type { ValidBars } from './validate-bars.js';

export type UpsertResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  /** The earliest and latest dates that were inserted or changed, or null. */
  changedFrom: IsoDate | null;
  changedTo: IsoDate | null;
};

const UPSERT = `
  INSERT INTO daily_price AS p (etf_id, date, open, high, low, close, volume)
  SELECT $1, * FROM unnest($2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int8[])
  ON CONFLICT (etf_id, date) DO UPDATE
    SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
        close = EXCLUDED.close, volume = EXCLUDED.volume
    WHERE (p.open, p.high, p.low, p.close, p.volume)
          IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume)
  RETURNING date::text AS date, (xmax = 0) AS inserted`;

/** Runs inside the caller's transaction (a pg client that has said BEGIN). */
export async function upsertBars(client: pg.ClientBase, etfId: number, bars: ValidBars): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, changedFrom: null, changedTo: null };
  if (bars.dates.length === 0) return result;
  const { rows } = await client.query<{ date: IsoDate; inserted: boolean }>(UPSERT, [
    etfId,
    bars.dates,
    bars.open,
    bars.high,
    bars.low,
    bars.close,
    bars.volume,
  ]);
  for (const row of rows) {
    if (row.inserted) result.inserted++;
    else result.updated++;
    if (result.changedFrom === null || row.date < result.changedFrom) result.changedFrom = row.date;
    if (result.changedTo === null || row.date > result.changedTo) result.changedTo = row.date;
  }
  result.unchanged = bars.dates.length - rows.length;
  return result;
}

// What the nightly update's cross-check found, kept for admins: each date a
// provider's adjusted close disagrees with etfql's, replaced by each later
// check of that ETF and date (a date that agrees again is removed), so the
// report shows what is wrong now, not every alarm ever raised.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';

export type AdjustmentCheck = {
  etfId: number;
  date: IsoDate;
  providerClose: number;
  adjustedClose: number;
  differs: boolean;
};

const RECORD_CHECKS = `/* record-adjustment-checks */
  WITH checked AS (
    SELECT * FROM unnest($1::int[], $2::date[], $3::float8[], $4::float8[], $5::bool[])
      AS c(etf_id, date, provider_close, adjusted_close, differs)
  ), cleared AS (
    DELETE FROM adjustment_difference d USING checked c
    WHERE d.etf_id = c.etf_id AND d.date = c.date AND NOT c.differs
  )
  INSERT INTO adjustment_difference (etf_id, date, provider, provider_close, adjusted_close)
  SELECT etf_id, date, $6, provider_close, adjusted_close FROM checked WHERE differs
  ON CONFLICT (etf_id, date) DO UPDATE
    SET provider = excluded.provider, provider_close = excluded.provider_close,
        adjusted_close = excluded.adjusted_close, checked_at = now()`;

/** Records one run's checks, all in one statement. */
export async function recordAdjustmentChecks(
  client: pg.ClientBase | pg.Pool,
  provider: string,
  checks: readonly AdjustmentCheck[],
): Promise<void> {
  if (checks.length === 0) return;
  await client.query(RECORD_CHECKS, [
    checks.map((check) => check.etfId),
    checks.map((check) => check.date),
    checks.map((check) => check.providerClose),
    checks.map((check) => check.adjustedClose),
    checks.map((check) => check.differs),
    provider,
  ]);
}

export type AdjustmentDifferenceRow = {
  ticker: string;
  date: IsoDate;
  provider: string;
  providerClose: number;
  adjustedClose: number;
  checkedAt: Date;
};

const DIFFERENCES = `/* adjustment-differences */
  SELECT e.ticker, d.date::text AS date, d.provider, d.provider_close, d.adjusted_close, d.checked_at
  FROM adjustment_difference d JOIN etf e ON e.id = d.etf_id
  ORDER BY d.checked_at DESC, e.ticker, d.date DESC
  LIMIT $1`;

/** The differences standing now, the most recently found first. */
export async function adjustmentDifferences(pool: pg.Pool, limit: number): Promise<AdjustmentDifferenceRow[]> {
  const { rows } = await pool.query<{
    ticker: string;
    date: IsoDate;
    provider: string;
    provider_close: number;
    adjusted_close: number;
    checked_at: Date;
  }>(DIFFERENCES, [limit]);
  return rows.map((row) => ({
    ticker: row.ticker,
    date: row.date,
    provider: row.provider,
    providerClose: Number(row.provider_close),
    adjustedClose: Number(row.adjusted_close),
    checkedAt: row.checked_at,
  }));
}

// The price rows that reads select from: daily_price itself, or the same rows
// back-adjusted. An adjusted bar takes the cumulative factors of the first
// action after its date (one probe of corporate_action's primary key); bars
// after the last action, and every bar of an ETF without actions, keep factor 1.
// Postgres pulls this subquery up into the caller's query, so the caller's
// LATERAL walk of the (etf_id, date) index is unchanged.
const ADJUSTED_DAILY_PRICE = `(
  SELECT p.etf_id, p.date,
         p.open * f.price AS open, p.high * f.price AS high, p.low * f.price AS low, p.close * f.price AS close,
         p.volume * f.volume AS volume
  FROM daily_price p
  CROSS JOIN LATERAL (
    SELECT coalesce(max(a.cumulative_price_factor), 1) AS price, coalesce(max(a.cumulative_volume_factor), 1) AS volume
    FROM (
      SELECT cumulative_price_factor, cumulative_volume_factor FROM corporate_action a
      WHERE a.etf_id = p.etf_id AND a.date > p.date ORDER BY a.date, a.kind LIMIT 1
    ) a
  ) f
) AS daily_price`;

/** A FROM item named daily_price, with the columns of the table (volume as float8 when adjusted). */
export function priceSource(adjusted: boolean): string {
  return adjusted ? ADJUSTED_DAILY_PRICE : 'daily_price';
}

/**
 * Which stored series an adjusted read of ETF `etfId` takes (SQL): stored rows
 * over adjusted prices exist only for ETFs with actions, since for the others
 * the adjusted series is the raw one. `adjusted` is an SQL boolean.
 */
export function storedAdjusted(adjusted: string, etfId: string): string {
  return `(${adjusted} AND EXISTS (SELECT FROM corporate_action a WHERE a.etf_id = ${etfId}))`;
}

// The price rows that reads select from: daily_price itself, or the same rows
// back-adjusted. An adjusted bar takes the cumulative factors of the first
// action after its date; bars after the last action, and every bar of an ETF
// without actions, keep factor 1. The ETF's actions are read once, as arrays
// in (date, kind) order (three probes of corporate_action's primary key per
// ETF, not one per bar: each bar then finds its action by a binary search,
// width_bucket, which counts the action dates on or before the bar's).
// Postgres pulls this subquery up into the caller's query, so the caller's
// LATERAL walk of the (etf_id, date) index is unchanged.
const actions = (etfId: string, column: string) =>
  `(SELECT array_agg(a.${column} ORDER BY a.date, a.kind) FROM corporate_action a WHERE a.etf_id = ${etfId})`;

const adjustedDailyPrice = (etfId: string) => `(
  SELECT p.etf_id, p.date,
         p.open * f.price AS open, p.high * f.price AS high, p.low * f.price AS low, p.close * f.price AS close,
         p.volume * f.volume AS volume
  FROM daily_price p
  CROSS JOIN LATERAL (SELECT width_bucket(p.date, ${actions(etfId, 'date')}) + 1 AS next) n
  CROSS JOIN LATERAL (
    SELECT coalesce((${actions(etfId, 'cumulative_price_factor')})[n.next], 1) AS price,
           coalesce((${actions(etfId, 'cumulative_volume_factor')})[n.next], 1) AS volume
  ) f
) AS daily_price`;

/**
 * A FROM item named daily_price, with the columns of the table (volume as
 * float8 when adjusted), for reads of the ETF `etfId` (an SQL expression that
 * the caller's WHERE also tests etf_id against).
 */
export function priceSource(adjusted: boolean, etfId: string): string {
  return adjusted ? adjustedDailyPrice(etfId) : 'daily_price';
}

/**
 * Which stored series an adjusted read of ETF `etfId` takes (SQL): stored rows
 * over adjusted prices exist only for ETFs with actions, since for the others
 * the adjusted series is the raw one. `adjusted` is an SQL boolean.
 */
export function storedAdjusted(adjusted: string, etfId: string): string {
  return `(${adjusted} AND EXISTS (SELECT FROM corporate_action a WHERE a.etf_id = ${etfId}))`;
}

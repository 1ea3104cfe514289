// The SQL that computes an ETF's performance and risk figures as of a date:
// the one definition behind Etf.performance, the screener and the
// latest_metrics rows that keep them ready for the latest bar. Each figure is
// read from a few index probes and one range scan of the (etf_id, date) key,
// so its cost does not grow with the history:
// - the last bar on or before the date (d), one backward probe;
// - each trailing return's base close, the last bar on or before the same
//   calendar date a period earlier, one backward probe each (PostgreSQL's
//   date − interval clamps to the month's end: 31 March − 1 month is 28/29
//   February, as the definition asks);
// - the risk figures and the 52-week range from one forward range scan of the
//   last 253 bars, widened to the whole year when it holds more (bars are not
//   limited to weekdays), in index order, so its window functions sort nothing.
import { priceSource, storedAdjusted } from '../corporate-actions/adjusted-source.js';

/** What a metrics row holds, in this order (latest_metrics has the same columns after etf_id and adjusted). */
export const METRIC_COLUMNS = [
  'date',
  'close',
  'volume',
  'avg_volume_20',
  'return_1d',
  'return_1w',
  'return_1m',
  'return_3m',
  'return_6m',
  'return_ytd',
  'return_1y',
  'return_3y',
  'return_5y',
  'volatility_1y',
  'mean_return_1y',
  'max_drawdown_1y',
  'high_52w',
  'low_52w',
] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** Bars whose daily log returns make the one-year risk figures: 252 returns need 253 closes. */
export const RISK_BARS = 253;

/** The date of the `n`th bar back from d (d is the first), or -infinity when the history is shorter. */
const barsBack = (n: number, etfId: string) =>
  `coalesce((SELECT q.date FROM daily_price q WHERE q.etf_id = ${etfId} AND q.date <= l.date ORDER BY q.date DESC OFFSET ${n - 1} LIMIT 1), '-infinity')`;

/**
 * A FROM item with one row of METRIC_COLUMNS for the ETF `etfId` (an SQL
 * expression, e.g. `e.id`) as of its last bar on or before `asOf` (an SQL
 * date expression), over raw or back-adjusted bars; no row when it has none.
 */
export function computedMetrics(adjusted: boolean, etfId: string, asOf: string): string {
  const source = priceSource(adjusted, etfId);
  // The close of the last bar on or before `date`: null when the history does not reach it.
  const base = (date: string) =>
    `(SELECT close FROM ${source} WHERE etf_id = ${etfId} AND date <= ${date} ORDER BY date DESC LIMIT 1)`;
  const back = (interval: string) => base(`(l.date - interval '${interval}')::date`);
  const annualized = (years: number) => `power(l.close / ${back(`${years} years`)}, 1::float8 / ${years}) - 1`;
  return `(
    SELECT l.date, l.close, l.volume, w.avg_volume_20,
           l.close / ${base('l.date - 1')} - 1 AS return_1d,
           l.close / ${base('l.date - 7')} - 1 AS return_1w,
           l.close / ${back('1 month')} - 1 AS return_1m,
           l.close / ${back('3 months')} - 1 AS return_3m,
           l.close / ${back('6 months')} - 1 AS return_6m,
           l.close / ${base('make_date(extract(year FROM l.date)::int - 1, 12, 31)')} - 1 AS return_ytd,
           l.close / ${back('1 year')} - 1 AS return_1y,
           ${annualized(3)} AS return_3y,
           ${annualized(5)} AS return_5y,
           w.volatility_1y, w.mean_return_1y, w.max_drawdown_1y, w.high_52w, w.low_52w
    FROM (
      SELECT date, close, volume::float8 AS volume, (date - interval '1 year')::date AS year_ago
      FROM ${source} WHERE etf_id = ${etfId} AND date <= ${asOf} ORDER BY date DESC LIMIT 1
    ) l
    CROSS JOIN LATERAL (
      -- The 20th and the 253rd bar back, or -infinity when there are fewer
      -- (index-only walks; dates are the same adjusted or not): the last 252
      -- bars are those after the 253rd, and their returns start from it.
      SELECT ${barsBack(20, etfId)} AS from_20, ${barsBack(RISK_BARS, etfId)} AS before_252
      OFFSET 0 -- computed once, not once per use: keeps the planner from inlining it
    ) n
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN isfinite(n.from_20) THEN avg(x.volume) FILTER (WHERE x.date >= n.from_20) END AS avg_volume_20,
        CASE WHEN isfinite(n.before_252)
          THEN stddev_samp(x.r) FILTER (WHERE x.date > n.before_252) * sqrt(252::float8) END AS volatility_1y,
        CASE WHEN isfinite(n.before_252) THEN avg(x.r) FILTER (WHERE x.date > n.before_252) * 252 END AS mean_return_1y,
        CASE WHEN count(*) FILTER (WHERE x.date > n.before_252) >= ${RISK_BARS - 1}
          THEN max(1 - x.close / x.peak) FILTER (WHERE x.date > n.before_252) END AS max_drawdown_1y,
        max(x.high) FILTER (WHERE x.date > l.year_ago) AS high_52w,
        min(x.low) FILTER (WHERE x.date > l.year_ago) AS low_52w
      FROM (
        -- r: the log return into the bar; peak: the highest close so far
        -- within the last 252 bars. One window, in index order: no sort.
        SELECT date, close, high, low, volume::float8 AS volume,
               ln(close / lag(close) OVER w) AS r,
               max(close) FILTER (WHERE date > n.before_252) OVER w AS peak
        FROM ${source}
        WHERE etf_id = ${etfId} AND date <= l.date AND date >= least(n.before_252, l.year_ago + 1)
        WINDOW w AS (ORDER BY date ROWS UNBOUNDED PRECEDING)
        ORDER BY date
      ) x
    ) w
  )`;
}

/**
 * FROM items, after one that names the ETF `etfId`, giving its row `m` of
 * METRIC_COLUMNS as of its last bar on or before `asOf`: the ETF's
 * latest_metrics row when that bar is its last (always, when asOf is
 * 'infinity'), else computed. Each branch runs only when its gate holds
 * (a one-time filter), so the usual read is one primary-key probe per ETF.
 */
export function metricsAsOf(adjusted: boolean, etfId: string, asOf: string): string {
  return `LEFT JOIN latest_metrics s
      ON s.etf_id = ${etfId} AND s.adjusted = ${storedAdjusted(String(adjusted), etfId)} AND s.date <= ${asOf}
    CROSS JOIN LATERAL (
      SELECT ${METRIC_COLUMNS.map((column) => `s.${column}`).join(', ')} WHERE s.etf_id IS NOT NULL
      UNION ALL
      SELECT * FROM ${computedMetrics(adjusted, etfId, asOf)} c WHERE s.etf_id IS NULL
    ) m`;
}

/**
 * The cheaper twin of metricsAsOf for a read as of the latest bars, when a
 * few ETFs may be read again: row `m` is the ETF's latest_metrics row alone
 * (all null when it has none on or before `asOf`), and `missing` is true for
 * an ETF that has a bar on or before `asOf` but no such row (written before
 * the table existed, or by hand), whose figures are then to be computed.
 * Planning the computation is a third of such a read's cost.
 */
export function storedMetrics(adjusted: boolean, etfId: string, asOf: string): { from: string; missing: string } {
  return {
    from: `LEFT JOIN latest_metrics m
      ON m.etf_id = ${etfId} AND m.adjusted = ${storedAdjusted(String(adjusted), etfId)} AND m.date <= ${asOf}`,
    missing: `(m.etf_id IS NULL AND EXISTS (SELECT FROM daily_price p WHERE p.etf_id = ${etfId} AND p.date <= ${asOf}))`,
  };
}

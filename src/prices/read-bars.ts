// The SQL behind `prices`: one statement for any number of ETFs. A LATERAL
// subquery per ETF walks the (etf_id, date) primary key backwards from `to`,
// so `last: N` reads N index entries per ETF however long the history is.
import type pg from 'pg';
import { priceSource } from '../corporate-actions/adjusted-source.js';
import type { IsoDate } from '../dates.js';
import type { BarWindow } from './bar-window.js';

export type PriceBar = {
  date: IsoDate;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

const dailyBars = (source: string) => `
  SELECT e.id AS etf_id, b.date, b.open, b.high, b.low, b.close, b.volume
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    SELECT date::text AS date, open, high, low, close, volume::float8 AS volume
    FROM ${source}
    WHERE etf_id = e.id AND date >= $2::date AND date <= $3::date
    ORDER BY date DESC
    LIMIT $4
  ) b`;

// A weekly or monthly bar aggregates every daily bar of its ISO week (Monday to
// Sunday) or calendar month up to `to`, and is dated on the last of them; it is
// in the window when that date is. So a window starting mid-week still gets that
// week whole, and its values never depend on where the window starts.
const aggregatedBars = (source: string) => `
  SELECT e.id AS etf_id, b.date, b.open, b.high, b.low, b.close, b.volume
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    SELECT max(date)::text AS date,
           (array_agg(open ORDER BY date))[1] AS open,
           max(high) AS high,
           min(low) AS low,
           (array_agg(close ORDER BY date DESC))[1] AS close,
           sum(volume)::float8 AS volume
    FROM ${source}
    WHERE etf_id = e.id
      AND date >= date_trunc($5, $2::date::timestamp)::date
      AND date <= $3::date
    GROUP BY date_trunc($5, date::timestamp)
    HAVING max(date) >= $2::date
    ORDER BY max(date) DESC
    LIMIT $4
  ) b`;

const QUERIES = {
  daily: [dailyBars(priceSource(false)), dailyBars(priceSource(true))],
  aggregated: [aggregatedBars(priceSource(false)), aggregatedBars(priceSource(true))],
} as const;

const UNIT = { WEEKLY: 'week', MONTHLY: 'month' } as const;

/** Bars per ETF id, ascending by date; ETFs without bars map to []. */
export async function readBars(
  pool: pg.Pool,
  etfIds: readonly number[],
  window: BarWindow,
): Promise<Map<number, PriceBar[]>> {
  const params: unknown[] = [etfIds, window.from ?? '-infinity', window.to ?? 'infinity', window.last];
  const sql = QUERIES[window.interval === 'DAILY' ? 'daily' : 'aggregated'][window.adjusted ? 1 : 0];
  if (window.interval !== 'DAILY') params.push(UNIT[window.interval]);
  const result = await pool.query<PriceBar & { etf_id: number }>(sql, params);

  const byEtf = new Map<number, PriceBar[]>(etfIds.map((id) => [id, []]));
  // Rows arrive newest first per ETF; walking them backwards yields ascending bars.
  for (let i = result.rows.length - 1; i >= 0; i--) {
    const { etf_id, ...bar } = result.rows[i] as PriceBar & { etf_id: number };
    byEtf.get(etf_id)?.push(bar);
  }
  return byEtf;
}

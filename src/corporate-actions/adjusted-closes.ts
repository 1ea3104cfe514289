// etfql's adjusted close of some ETFs on some dates, as the adjusted reads see
// it: for comparing with a provider's own adjustment.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { priceSource } from './adjusted-source.js';

export const ADJUSTED_CLOSES = `/* adjusted-closes */
  SELECT daily_price.etf_id, daily_price.date::text AS date, daily_price.close
  FROM ${priceSource(true, 'p.etf_id')}
  JOIN unnest($1::int[], $2::date[]) AS wanted(etf_id, date)
    ON wanted.etf_id = daily_price.etf_id AND wanted.date = daily_price.date`;

/** The adjusted close per ETF id and date asked for; a date without a bar is absent. */
export async function adjustedCloses(
  client: pg.ClientBase | pg.Pool,
  wanted: readonly { etfId: number; date: IsoDate }[],
): Promise<Map<number, Map<IsoDate, number>>> {
  const found = new Map<number, Map<IsoDate, number>>();
  if (wanted.length === 0) return found;
  const { rows } = await client.query<{ etf_id: number; date: IsoDate; close: number }>(ADJUSTED_CLOSES, [
    wanted.map((entry) => entry.etfId),
    wanted.map((entry) => entry.date),
  ]);
  for (const row of rows) {
    const dates = found.get(row.etf_id) ?? new Map<IsoDate, number>();
    found.set(row.etf_id, dates);
    dates.set(row.date, Number(row.close));
  }
  return found;
}

// Writes daily bars of any number of ETFs in one statement: unnest() turns the
// column arrays into rows, and ON CONFLICT makes the load idempotent. Rows
// whose values did not change are left alone (no dead tuples, no false
// "updated"). The stored indicators of every changed ETF follow in the same
// transaction, batched across ETFs, and so does the word to subscribers.
import type pg from 'pg';
import { queueAlertEvaluation } from '../alerts/evaluate-alerts.js';
import type { IsoDate } from '../dates.js';
import { afterBarsChanged, INLINE_REFRESH_MAX_BARS } from '../indicators/stored/keep-current.js';
import { dropLatestMetrics, refreshLatestMetrics } from '../performance/latest-metrics.js';
import { notifyPricesUpdated } from './prices-updated-notice.js';
import type { ValidBars } from './validate-bars.js';

export type UpsertResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  /** The earliest and latest dates that were inserted or changed, or null. */
  changedFrom: IsoDate | null;
  changedTo: IsoDate | null;
};

/** Per ETF: what a write changed. */
export type WrittenRow = {
  etf_id: number;
  ticker: string;
  from_date: IsoDate;
  to_date: IsoDate;
  inserted: number;
  updated: number;
};

/** The upsert of the rows a SELECT gives as (etf_id, date, open, high, low, close, volume), summed up per ETF. */
export const upsertFrom = (name: string, source: string) => `/* ${name} */
  WITH written AS (
    INSERT INTO daily_price AS p (etf_id, date, open, high, low, close, volume)
    ${source}
    ON CONFLICT (etf_id, date) DO UPDATE
      SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
          close = EXCLUDED.close, volume = EXCLUDED.volume
      WHERE (p.open, p.high, p.low, p.close, p.volume)
            IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume)
    RETURNING p.etf_id, p.date, (xmax = 0) AS inserted
  )
  SELECT w.etf_id, e.ticker, min(w.date)::text AS from_date, max(w.date)::text AS to_date,
         count(*) FILTER (WHERE w.inserted)::int AS inserted, count(*) FILTER (WHERE NOT w.inserted)::int AS updated
  FROM written w JOIN etf e ON e.id = w.etf_id GROUP BY w.etf_id, e.ticker ORDER BY w.etf_id`;

const UPSERT = upsertFrom(
  'upsert-bars',
  'SELECT * FROM unnest($1::int[], $2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::int8[])',
);

/** Bars of one ETF that changed (written or deleted) from one date to another, and how many when known. */
type ChangedRange = Pick<WrittenRow, 'etf_id' | 'ticker' | 'from_date' | 'to_date'> &
  Partial<Pick<WrittenRow, 'inserted' | 'updated'>>;

const changedBars = (row: ChangedRange) => (row.inserted ?? 0) + (row.updated ?? 0);

/**
 * What follows every change of bars (a load, an import, a deletion), in its
 * transaction: the stored indicators from the first changed date on (now, or
 * by a job for a large change: indicators/stored/keep-current.ts), the ETFs'
 * latest figures (performance/latest-metrics.ts: now, or by the same job), and
 * the word to subscribers.
 */
export async function afterWrite(client: pg.ClientBase, written: readonly ChangedRange[]): Promise<void> {
  await afterBarsChanged(
    client,
    written.map((row) => ({ etfId: row.etf_id, from: row.from_date, bars: changedBars(row) })),
  );
  // A large change's figures wait for its job, as its stored indicators do: until
  // then its row is gone and reads compute the figures (the same SQL).
  const large = written.filter((row) => changedBars(row) > INLINE_REFRESH_MAX_BARS).map((row) => row.etf_id);
  await dropLatestMetrics(client, large);
  await refreshLatestMetrics(
    client,
    written.filter((row) => changedBars(row) <= INLINE_REFRESH_MAX_BARS).map((row) => row.etf_id),
  );
  await notifyPricesUpdated(
    client,
    written.map((row) => ({ ticker: row.ticker, from: row.from_date, to: row.to_date })),
  );
  await queueAlertEvaluation(
    client,
    written.map((row) => ({ etfId: row.etf_id, from: row.from_date, to: row.to_date })),
  );
}

/**
 * Runs inside the caller's transaction (a pg client that has said BEGIN), with
 * each ETF locked by lockEtfId. Returns one result per entry, in entry order.
 */
export async function upsertBars(
  client: pg.ClientBase,
  entries: readonly { etfId: number; bars: ValidBars }[],
): Promise<UpsertResult[]> {
  const etfIds: number[] = [];
  const merged: ValidBars = { dates: [], open: [], high: [], low: [], close: [], volume: [] };
  for (const { etfId, bars } of entries) {
    for (let i = 0; i < bars.dates.length; i++) {
      etfIds.push(etfId);
      merged.dates.push(bars.dates[i] as IsoDate);
      merged.open.push(bars.open[i] as number);
      merged.high.push(bars.high[i] as number);
      merged.low.push(bars.low[i] as number);
      merged.close.push(bars.close[i] as number);
      merged.volume.push(bars.volume[i] as number);
    }
  }
  const written = new Map<number, WrittenRow>();
  if (etfIds.length > 0) {
    const { dates, open, high, low, close, volume } = merged;
    const { rows } = await client.query<WrittenRow>(UPSERT, [etfIds, dates, open, high, low, close, volume]);
    for (const row of rows) written.set(row.etf_id, row);
    await afterWrite(client, rows);
  }
  return entries.map(({ etfId, bars }) => {
    const row = written.get(etfId);
    const inserted = row?.inserted ?? 0;
    const updated = row?.updated ?? 0;
    return {
      inserted,
      updated,
      unchanged: bars.dates.length - inserted - updated,
      changedFrom: row?.from_date ?? null,
      changedTo: row?.to_date ?? null,
    };
  });
}

// The nightly update: for every ETF, fetch the provider's bars, append the
// dates not stored yet (indicators carried on incrementally by the load path),
// and report per ticker. A session advisory lock keeps two runs from
// overlapping; each ticker loads in its own transaction, so one failing
// provider answer costs that ticker only.
import type { IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { loadPrices } from '../prices/load-prices.js';
import { FetchFailure, fetchNewBars } from './fetch-bars.js';

/** The advisory lock key: any constant that no other code takes. */
const UPDATE_LOCK = "hashtext('etfql:daily-update')";

export type TickerOutcome =
  | { ticker: string; status: 'loaded'; bars: number; from: IsoDate; to: IsoDate }
  | { ticker: string; status: 'current' }
  | { ticker: string; status: 'failed'; reason: string };

export type UpdateResult = { locked: false } | { locked: true; outcomes: TickerOutcome[] };

export type UpdateOptions = {
  urlTemplate: string;
  timeoutMs: number;
  concurrency: number;
  onOutcome?: (outcome: TickerOutcome) => void;
};

const LAST_DATES = `
  SELECT e.ticker, (SELECT max(date)::text FROM daily_price p WHERE p.etf_id = e.id) AS last
  FROM etf e ORDER BY e.ticker`;

export async function runDailyUpdate(db: Database, options: UpdateOptions): Promise<UpdateResult> {
  const lockClient = await db.pool.connect();
  try {
    const lock = await lockClient.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${UPDATE_LOCK}) AS ok`);
    if (!lock.rows[0]?.ok) return { locked: false };
    try {
      const { rows } = await db.pool.query<{ ticker: string; last: IsoDate | null }>(LAST_DATES);
      const outcomes: TickerOutcome[] = [];
      let next = 0;
      const worker = async () => {
        while (next < rows.length) {
          const etf = rows[next++] as { ticker: string; last: IsoDate | null };
          const outcome = await updateOne(db, etf.ticker, etf.last, options);
          outcomes.push(outcome);
          options.onOutcome?.(outcome);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));
      outcomes.sort((a, b) => (a.ticker < b.ticker ? -1 : 1));
      return { locked: true, outcomes };
    } finally {
      await lockClient.query(`SELECT pg_advisory_unlock(${UPDATE_LOCK})`);
    }
  } finally {
    lockClient.release();
  }
}

async function updateOne(
  db: Database,
  ticker: string,
  last: IsoDate | null,
  options: UpdateOptions,
): Promise<TickerOutcome> {
  try {
    const bars = await fetchNewBars(options.urlTemplate, ticker, last, options.timeoutMs);
    if (bars.length === 0) return { ticker, status: 'current' };
    await loadPrices(db, ticker, bars);
    return {
      ticker,
      status: 'loaded',
      bars: bars.length,
      from: bars[0]?.date as IsoDate,
      to: bars.at(-1)?.date as IsoDate,
    };
  } catch (error) {
    if (error instanceof FetchFailure) return { ticker, status: 'failed', reason: error.message };
    // A refused load (bad bars) fails this ticker; anything else (the database gone) ends the run.
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
      return { ticker, status: 'failed', reason: (error as Error).message };
    }
    throw error;
  }
}

// The nightly update: for every ETF, fetch the provider's bars, append the
// dates not stored yet (indicators carried on incrementally by the load path),
// and report per ticker. A session advisory lock keeps two runs from
// overlapping (on the direct connection: behind a transaction pooler, the
// unlock could reach another session than the lock). A provider answer that fails (timeout, error status, garbage,
// bad bars) costs that ticker only; the others load together.
import type { IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { isRefusedData, refusalReason } from '../db/prisma-errors.js';
import { withTransaction } from '../db/transaction.js';
import { DomainError } from '../errors.js';
import { lockEtfIds } from '../etfs/lock-etf.js';
import { lastBarDate } from '../prices/bar-dates.js';
import { loadPrices } from '../prices/load-prices.js';
import { upsertBars } from '../prices/upsert-bars.js';
import { type BarInput, type ValidBars, validateBars } from '../prices/validate-bars.js';
import { fetchNewBars } from './fetch-bars.js';
import { FetchFailure } from './provider-http.js';

/** The advisory lock key: any constant that no other code takes. */
const UPDATE_LOCK = "hashtext('etfql:daily-update')";

export type TickerOutcome =
  | { ticker: string; status: 'loaded'; bars: number; from: IsoDate; to: IsoDate }
  | { ticker: string; status: 'current' }
  | { ticker: string; status: 'failed'; reason: string };

type UpdateResult =
  | { locked: false }
  | {
      locked: true;
      outcomes: TickerOutcome[] /** Wall-clock time of each phase. */;
      seconds: { fetch: number; write: number };
    };

type UpdateOptions = {
  urlTemplate: string;
  timeoutMs: number;
  concurrency: number;
  /** The provider's symbol per ticker where it differs (PRICE_SOURCE_SYMBOLS). */
  symbols?: Record<string, string>;
  onOutcome?: (outcome: TickerOutcome) => void;
};

const LAST_DATES = `/* last-bar-dates */
  SELECT e.id, e.ticker, ${lastBarDate('e.id')}::text AS last
  FROM etf e ORDER BY e.ticker`;

export async function runDailyUpdate(db: Database, options: UpdateOptions): Promise<UpdateResult> {
  const lockClient = await db.direct.connect();
  try {
    const lock = await lockClient.query<{ ok: boolean }>(
      `/* try-update-lock */ SELECT pg_try_advisory_lock(${UPDATE_LOCK}) AS ok`,
    );
    if (!lock.rows[0]?.ok) return { locked: false };
    try {
      const { rows } = await db.pool.query<{ id: number; ticker: string; last: IsoDate | null }>(LAST_DATES);
      const started = performance.now();
      const fetched = await fetchAll(rows, options);
      const fetchedAt = performance.now();
      const outcomes = await appendAll(db, fetched);
      const seconds = { fetch: (fetchedAt - started) / 1000, write: (performance.now() - fetchedAt) / 1000 };
      for (const outcome of outcomes) options.onOutcome?.(outcome);
      return { locked: true, outcomes, seconds };
    } finally {
      await lockClient.query(`/* update-unlock */ SELECT pg_advisory_unlock(${UPDATE_LOCK})`);
    }
  } finally {
    lockClient.release();
  }
}

type Fetched = { id: number; ticker: string; bars: BarInput[] } | TickerOutcome;

/** Every ETF's new bars, `concurrency` requests at a time; a failed request is that ticker's outcome. */
async function fetchAll(etfs: { id: number; ticker: string; last: IsoDate | null }[], options: UpdateOptions) {
  const fetched: Fetched[] = new Array(etfs.length);
  let next = 0;
  const worker = async () => {
    while (next < etfs.length) {
      const index = next++;
      const { id, ticker, last } = etfs[index] as (typeof etfs)[number];
      try {
        const symbol = options.symbols?.[ticker] ?? ticker;
        const bars = await fetchNewBars(options.urlTemplate, ticker, last, options.timeoutMs, symbol);
        fetched[index] = { id, ticker, bars };
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        fetched[index] = { ticker, status: 'failed', reason: error.message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, etfs.length) }, worker));
  return fetched;
}

/**
 * Appends the new bars of every ticker in one transaction: one upsert and a few
 * batched statements for the indicators, whatever the number of ETFs. If the
 * database refuses the batch (a bar that breaks a recorded dividend, a value
 * a constraint or a later statement cannot carry), each ticker is loaded on
 * its own, so that only the offending one fails, with the database's reason.
 */
async function appendAll(db: Database, fetched: Fetched[]): Promise<TickerOutcome[]> {
  const outcomes: TickerOutcome[] = [];
  const pending: { id: number; ticker: string; bars: ValidBars; input: BarInput[] }[] = [];
  for (const item of fetched) {
    if ('status' in item) outcomes.push(item);
    else if (item.bars.length === 0) outcomes.push({ ticker: item.ticker, status: 'current' });
    else {
      try {
        pending.push({ id: item.id, ticker: item.ticker, bars: validateBars(item.bars), input: item.bars });
      } catch (error) {
        outcomes.push({ ticker: item.ticker, status: 'failed', reason: (error as Error).message });
      }
    }
  }
  const loaded = (entry: (typeof pending)[number]): TickerOutcome => ({
    ticker: entry.ticker,
    status: 'loaded',
    bars: entry.bars.dates.length,
    from: entry.bars.dates[0] as IsoDate,
    to: entry.bars.dates.at(-1) as IsoDate,
  });
  try {
    await withTransaction(db.pool, async (client) => {
      await lockEtfIds(
        client,
        pending.map((entry) => entry.id),
      );
      await upsertBars(
        client,
        pending.map((entry) => ({ etfId: entry.id, bars: entry.bars })),
      );
    });
    outcomes.push(...pending.map(loaded));
  } catch (error) {
    if (!isInputError(error) && !isRefusedData(error)) throw error;
    for (const entry of pending) {
      try {
        await loadPrices(db, entry.ticker, entry.input);
        outcomes.push(loaded(entry));
      } catch (single) {
        if (isInputError(single)) {
          outcomes.push({ ticker: entry.ticker, status: 'failed', reason: (single as Error).message });
        } else if (isRefusedData(single)) {
          outcomes.push({
            ticker: entry.ticker,
            status: 'failed',
            reason: `the database refused its bars: ${refusalReason(single)}`,
          });
        } else throw single;
      }
    }
  }
  return outcomes.sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
}

/** An error of the ticker's data (bad bars, an unknown ETF), not of the update or the database. */
const isInputError = (error: unknown) =>
  error instanceof DomainError && (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND');

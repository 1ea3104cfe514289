// The nightly update: for every ETF, fetch the provider's bars, append the
// dates not stored yet (indicators carried on incrementally by the load path),
// record the splits and dividends the provider states on them in the same
// transaction, compare the provider's adjusted close (where it gives one) with
// etfql's, and report per ticker. A session advisory lock keeps two runs from
// overlapping (on the direct connection: behind a transaction pooler, the
// unlock could reach another session than the lock). A provider answer that fails (timeout, error status, garbage,
// bad bars) costs that ticker only; the others load together.

import type pg from 'pg';
import { adjustedCloses } from '../corporate-actions/adjusted-closes.js';
import { type AdjustmentCheck, recordAdjustmentChecks } from '../corporate-actions/adjustment-report.js';
import { actionProblem, writeActionsOfMany } from '../corporate-actions/record-action.js';
import type { IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { isRefusedData, refusalReason } from '../db/prisma-errors.js';
import { withTransaction } from '../db/transaction.js';
import { badInput, DomainError } from '../errors.js';
import { lockEtfId, lockEtfIds } from '../etfs/lock-etf.js';
import { lastBarDate } from '../prices/bar-dates.js';
import { upsertBars } from '../prices/upsert-bars.js';
import { type ValidBars, validateBars } from '../prices/validate-bars.js';
import { genericProvider, type PriceProvider, type ProviderAnswer } from './price-provider.js';
import { FetchFailure } from './provider-http.js';

/** The advisory lock key: any constant that no other code takes. */
const UPDATE_LOCK = "hashtext('etfql:daily-update')";

/** A date where the provider's adjusted close and etfql's differ by more than this fraction. */
export const ADJUSTMENT_TOLERANCE = 0.005;
/** Differences listed per ticker; the rest are counted. */
const LISTED_DIFFERENCES = 5;

/** `differences`: where the provider's adjustment and etfql's disagree, one line each. */
export type TickerOutcome =
  | {
      ticker: string;
      status: 'loaded';
      bars: number;
      from: IsoDate;
      to: IsoDate;
      splits: number;
      dividends: number;
      differences: string[];
    }
  | { ticker: string; status: 'current'; differences: string[] }
  /** `retryLater`: the provider said "not now" (a rate limit); nothing is wrong with the ticker. */
  | { ticker: string; status: 'failed'; reason: string; retryLater?: boolean };

type UpdateResult =
  | { locked: false }
  | {
      locked: true;
      outcomes: TickerOutcome[] /** Wall-clock time of each phase. */;
      seconds: { fetch: number; write: number };
    };

type UpdateOptions = ({ urlTemplate: string } | { provider: PriceProvider }) & {
  timeoutMs: number;
  concurrency: number;
  /** The provider's symbol per ticker where it differs (PRICE_SOURCE_SYMBOLS). */
  symbols?: Record<string, string>;
  /**
   * Only these ETFs (upper-case tickers), each with its whole history fetched
   * again and written over what is stored (`npm run update -- --full`): what a
   * provider advises after a split or dividend changed its adjusted series.
   */
  full?: readonly string[];
  /** What the admins' report of adjustment differences names the provider (PRICE_SOURCE). */
  source?: string;
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
      const full = options.full && new Set(options.full);
      const etfs = full ? rows.filter((row) => full.has(row.ticker)).map((row) => ({ ...row, last: null })) : rows;
      const started = performance.now();
      const fetched = await fetchAll(etfs, options);
      const fetchedAt = performance.now();
      const outcomes = await compareAdjustments(db, fetched, await appendAll(db, fetched), options.source);
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

type Fetched = ({ id: number; ticker: string } & ProviderAnswer) | TickerOutcome;

/** Every ETF's new bars, `concurrency` requests at a time; a failed request is that ticker's outcome. */
async function fetchAll(etfs: { id: number; ticker: string; last: IsoDate | null }[], options: UpdateOptions) {
  const fetched: Fetched[] = new Array(etfs.length);
  const provider = 'provider' in options ? options.provider : genericProvider(options.urlTemplate);
  let next = 0;
  const worker = async () => {
    while (next < etfs.length) {
      const index = next++;
      const { id, ticker, last } = etfs[index] as (typeof etfs)[number];
      try {
        const symbol = options.symbols?.[ticker] ?? ticker;
        const answer = await provider.fetch(ticker, symbol, last, options.timeoutMs);
        fetched[index] = { id, ticker, ...answer };
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        fetched[index] = {
          ticker,
          status: 'failed',
          reason: error.message,
          ...(error.retryLater ? { retryLater: true } : {}),
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, etfs.length) }, worker));
  return fetched;
}

/**
 * Appends the new bars of every ticker in one transaction: one upsert and a few
 * batched statements for the indicators, whatever the number of ETFs; then
 * the splits and dividends of the tickers that have some, each checked as
 * recordSplit/recordDividend check them (against the bars just written). If
 * the database refuses the batch (a bar that breaks a recorded dividend, an
 * impossible action, a value a constraint or a later statement cannot carry),
 * each ticker is loaded on its own, so that only the offending one fails,
 * with the reason, and nothing of it is written.
 */
async function appendAll(db: Database, fetched: Fetched[]): Promise<TickerOutcome[]> {
  const outcomes: TickerOutcome[] = [];
  const pending: Pending[] = [];
  for (const item of fetched) {
    if ('status' in item) outcomes.push(item);
    else if (item.bars.length === 0) outcomes.push({ ticker: item.ticker, status: 'current', differences: [] });
    else {
      try {
        pending.push({ id: item.id, ticker: item.ticker, bars: validateBars(item.bars), actions: item.actions });
      } catch (error) {
        outcomes.push({ ticker: item.ticker, status: 'failed', reason: (error as Error).message });
      }
    }
  }
  const loaded = (entry: Pending): TickerOutcome => ({
    ticker: entry.ticker,
    status: 'loaded',
    bars: entry.bars.dates.length,
    from: entry.bars.dates[0] as IsoDate,
    to: entry.bars.dates.at(-1) as IsoDate,
    splits: entry.actions.filter((action) => action.kind === 'SPLIT').length,
    dividends: entry.actions.filter((action) => action.kind === 'DIVIDEND').length,
    differences: [],
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
      await recordActions(client, pending);
    });
    outcomes.push(...pending.map(loaded));
  } catch (error) {
    if (!isInputError(error) && !isRefusedData(error)) throw error;
    for (const entry of pending) {
      try {
        await appendOne(db, entry);
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

type Pending = { id: number; ticker: string; bars: ValidBars; actions: ProviderAnswer['actions'] };

/** One ticker's bars and actions, all or nothing. */
async function appendOne(db: Database, entry: Pending): Promise<void> {
  await withTransaction(db.pool, async (client) => {
    const etfId = await lockEtfId(client, entry.ticker);
    await upsertBars(client, [{ etfId, bars: entry.bars }]);
    await recordActions(client, [{ ...entry, id: etfId }]);
  });
}

/** The ticker's new splits and dividends, through the checks of recordSplit/recordDividend; throws on the first bad one. */
async function recordActions(client: pg.ClientBase, entries: readonly Pending[]): Promise<void> {
  for (const entry of entries) {
    for (const action of entry.actions) {
      const problem = await actionProblem(client, entry.id, action);
      if (problem) {
        const what = action.kind === 'SPLIT' ? 'split' : 'dividend';
        throw badInput([{ path: `${what} on ${action.date}`, message: `${problem.path} ${problem.message}` }]);
      }
    }
  }
  await writeActionsOfMany(
    client,
    entries.map((entry) => ({ etfId: entry.id, actions: entry.actions })),
  );
}

/**
 * Adds to each loaded or current ticker the dates where the provider's
 * adjusted close differs from etfql's (after the actions just recorded) by
 * more than ADJUSTMENT_TOLERANCE: a split or dividend one side has and the
 * other has not, or has otherwise. One read for every ticker.
 */
async function compareAdjustments(db: Database, fetched: Fetched[], outcomes: TickerOutcome[], source = 'provider') {
  const stated = new Map<string, { id: number; closes: ProviderAnswer['adjustedCloses'] }>();
  for (const item of fetched) {
    if (!('status' in item) && item.adjustedCloses.length > 0) {
      stated.set(item.ticker, { id: item.id, closes: item.adjustedCloses });
    }
  }
  if (stated.size === 0) return outcomes;
  const wanted = [...outcomes]
    .filter((outcome) => outcome.status !== 'failed' && stated.has(outcome.ticker))
    .flatMap((outcome) => {
      const { id, closes } = stated.get(outcome.ticker) as { id: number; closes: ProviderAnswer['adjustedCloses'] };
      return closes.map(({ date }) => ({ etfId: id, date }));
    });
  const ours = await adjustedCloses(db.pool, wanted);
  const checks: AdjustmentCheck[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') continue;
    const entry = stated.get(outcome.ticker);
    if (!entry) continue;
    const mine = ours.get(entry.id);
    let more = 0;
    for (const { date, close } of entry.closes) {
      const own = mine?.get(date);
      if (own === undefined) continue;
      const differs = Math.abs(own - close) > ADJUSTMENT_TOLERANCE * Math.abs(close);
      checks.push({ etfId: entry.id, date, providerClose: close, adjustedClose: own, differs });
      if (!differs) continue;
      if (outcome.differences.length < LISTED_DIFFERENCES) {
        outcome.differences.push(`adjustment differs from the provider's on ${date}: ${shown(own)} vs ${shown(close)}`);
      } else more++;
    }
    if (more > 0) outcome.differences.push(`(and ${more} more dates where the adjustment differs)`);
  }
  await recordAdjustmentChecks(db.pool, source, checks);
  return outcomes;
}

/** A price as people write it: no float noise (612.3, not 612.2999999999). */
const shown = (value: number) => String(Number(value.toPrecision(10)));

/** An error of the ticker's data (bad bars, an unknown ETF), not of the update or the database. */
const isInputError = (error: unknown) =>
  error instanceof DomainError && (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND');

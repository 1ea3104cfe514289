// Arguments that name many ETFs (etfsByTicker, correlation, pricesUpdated):
// each ticker checked and upper-cased as a single one is, and the list bounded
// before anything is looked up.
import { badInput, type InputProblem, queryTooLarge } from '../errors.js';
import { parseTicker } from './ticker.js';

/** Refuses a list of more tickers than one request may name. */
export function checkTickerCount(count: number, max: number): void {
  if (count > max) {
    throw queryTooLarge(`The query asks for ${count} tickers at once; the limit is ${max}.`, {
      tickers: count,
      limit: max,
    });
  }
}

export type TickerListRules = {
  /** The most tickers one request may name (QUERY_TOO_LARGE above it). */
  max: number;
  /** The fewest the argument needs. */
  min?: number;
  /** Whether a ticker may appear only once (in any case). */
  distinct?: boolean;
  /** The argument's name, for the problems. */
  path?: string;
};

/**
 * The tickers of a list argument, upper-case, in the order given. Refuses more
 * than `max` first, then every other problem at once (BAD_USER_INPUT): fewer
 * than `min`, and each malformed or repeated ticker by its index (`tickers[2]`).
 */
export function parseTickerList(raw: readonly string[], rules: TickerListRules): string[] {
  const { max, min = 0, distinct = false, path = 'tickers' } = rules;
  checkTickerCount(raw.length, max);
  const problems: InputProblem[] = [];
  if (raw.length < min) problems.push({ path, message: `needs at least ${min} tickers, got ${raw.length}` });
  const tickers: string[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const parsed = parseTicker(item);
    if ('problem' in parsed) {
      problems.push({ path: `${path}[${i}]`, message: parsed.problem });
    } else if (distinct && seen.has(parsed.ticker)) {
      problems.push({ path: `${path}[${i}]`, message: `${parsed.ticker} is already in the list` });
    } else {
      seen.add(parsed.ticker);
      tickers.push(parsed.ticker);
    }
  });
  if (problems.length > 0) throw badInput(problems);
  return tickers;
}

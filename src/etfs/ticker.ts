// Tickers are case-insensitive for users and stored upper-case.
import { badInput } from '../errors.js';

const MAX_TICKER_LENGTH = 16;
// Letters and digits, with the dots and dashes of share classes (BRK.B, BF-B).
const TICKER = /^[A-Z0-9][A-Z0-9.-]*$/;

/** The problem with a ticker, or null when it is well formed. */
export function tickerProblem(raw: string): string | null {
  const ticker = raw.trim();
  if (ticker === '') return 'must not be empty';
  if (ticker.length > MAX_TICKER_LENGTH) return `must be at most ${MAX_TICKER_LENGTH} characters`;
  if (!TICKER.test(ticker.toUpperCase())) {
    return 'may contain only letters, digits, "." and "-", starting with a letter or digit';
  }
  return null;
}

/** A well-formed ticker as stored (trimmed, upper-case), or the problem with it. */
export function parseTicker(raw: string): { ticker: string } | { problem: string } {
  const problem = tickerProblem(raw);
  return problem === null ? { ticker: raw.trim().toUpperCase() } : { problem };
}

/** Upper-cases a ticker, or throws BAD_USER_INPUT naming `path`. */
export function normalizeTicker(raw: string, path = 'ticker'): string {
  const parsed = parseTicker(raw);
  if ('problem' in parsed) throw badInput([{ path, message: parsed.problem }]);
  return parsed.ticker;
}

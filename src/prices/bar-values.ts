// The one home of what a stored price, volume, split ratio or dividend may be:
// every way in (loadPrices, the CSV importer, the provider, recordSplit and
// recordDividend) asks here, and the database's CHECK constraints
// (migration 20261206020000_value_bounds) hold the same bounds against plain SQL.
//
// Why these bounds: a price from 10^-6 to 10^9 covers every listed fund (the
// dearest share ever quoted is near 10^6, the cheapest traded near 10^-4) and
// keeps every derived figure finite in double precision: a return is at most
// 10^15, its logarithm about 35, a sum of squares of prices over a thousand
// bars about 10^21. Below 10^-6 lie subnormal values like 1e-320, which
// PostgreSQL stores but cannot divide by (close / 1e-320 overflows float8);
// above 10^9 only typing errors. Volumes up to 10^12 shares a day (the busiest
// funds trade about 10^9) keep sums of volumes exact below 2^53.

export const MIN_PRICE = 1e-6;
export const MAX_PRICE = 1e9;
export const MAX_VOLUME = 1e12;
/** Splits beyond 1:10⁶ either way are typing errors, not corporate actions. */
export const MAX_SPLIT_RATIO = 1e6;
/**
 * The combined factor of an ETF's actions on its earliest prices stays within
 * 10^±12 (decades of reverse splits of a leveraged fund come to about 10^7),
 * so adjusted prices, within 10^-18 to 10^21, keep every figure finite too.
 */
export const MAX_ADJUSTMENT_FACTOR = 1e12;

/** A value as a reason shows it: numbers are short, but keep any echo bounded. */
export const shown = (value: number): string => String(value).slice(0, 24);

/** What is wrong with a value that must lie in [min, max], or null. */
function rangeProblem(value: number, min: number, max: number): string | null {
  if (!Number.isFinite(value)) return `is not a finite number, got ${shown(value)}`;
  if (value <= 0 && min > 0) return `must be positive, got ${shown(value)}`;
  if (value < min) return `must be at least ${min.toExponential()}, got ${shown(value)}`;
  if (value > max) return `must be at most ${max.toExponential()}, got ${shown(value)}`;
  return null;
}

/** What is wrong with an open, high, low or close, or null. */
export const priceProblem = (value: number): string | null => rangeProblem(value, MIN_PRICE, MAX_PRICE);

/** What is wrong with a day's volume, or null. */
export function volumeProblem(value: number): string | null {
  if (!Number.isFinite(value)) return `is not a finite number, got ${shown(value)}`;
  if (value < 0) return `must not be negative, got ${shown(value)}`;
  if (!Number.isInteger(value)) return `must be a whole number, got ${shown(value)}`;
  if (value > MAX_VOLUME) return `must be at most ${MAX_VOLUME.toExponential()}, got ${shown(value)}`;
  return null;
}

/** What is wrong with a split ratio (2-for-1 is 2), or null. */
export function splitRatioProblem(value: number): string | null {
  if (value === 1) return 'a ratio of 1 is not a split';
  if (!Number.isFinite(value) || value <= 0) return `must be above 0, got ${shown(value)}`;
  if (value > MAX_SPLIT_RATIO || value < 1 / MAX_SPLIT_RATIO) {
    return `must be between 1/${MAX_SPLIT_RATIO} and ${MAX_SPLIT_RATIO}, got ${shown(value)}`;
  }
  return null;
}

/** What is wrong with a dividend per share on its own (its prior close is checked apart), or null. */
export function dividendProblem(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return `must be above 0, got ${shown(value)}`;
  return rangeProblem(value, MIN_PRICE, MAX_PRICE);
}

/** What is wrong with a cumulative adjustment factor, or null. */
export function adjustmentFactorProblem(value: number): string | null {
  return rangeProblem(value, 1 / MAX_ADJUSTMENT_FACTOR, MAX_ADJUSTMENT_FACTOR);
}

// `decimals`: values rounded for display, as Twelve Data's `dp` does, because a
// price stored as 538.8794 and adjusted by a factor comes out as
// 538.8793999999996. Half away from zero; full precision when not asked.
import { badInput } from '../errors.js';
import { emptyHistory, type History } from './history.js';

export const MAX_DECIMALS = 10;

/** The validated `decimals` argument: null (full precision) or 0 to MAX_DECIMALS. */
export function parseDecimals(decimals: number | null | undefined): number | null {
  if (decimals === null || decimals === undefined) return null;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw badInput([
      { path: 'decimals', message: `must be a whole number from 0 to ${MAX_DECIMALS}, got ${decimals}` },
    ]);
  }
  return decimals;
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
}

/** A list of values (null kept) rounded to `decimals`, or the list itself when null. */
export function roundList<T extends number | null>(values: T[], decimals: number | null): T[] {
  if (decimals === null) return values;
  return values.map((value) => (value === null ? value : roundTo(value, decimals))) as T[];
}

/** A rounded copy of a history (the loader's own is shared by every field of the batch). */
export function roundHistory(history: History, decimals: number | null): History {
  if (decimals === null) return history;
  const copy = emptyHistory(0);
  copy.dates = history.dates;
  for (const field of Object.keys(history.bars) as (keyof History['bars'])[]) {
    copy.bars[field] = history.bars[field].map((value) => roundTo(value, decimals));
  }
  return copy;
}

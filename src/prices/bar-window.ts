// Which bars a `prices(from, to, last, interval)` field asks for, validated once
// and reduced to a canonical key so that fields with the same window share one
// batched SQL statement.
import { type IsoDate, toIsoDate } from '../dates.js';
import { badInput, type InputProblem } from '../errors.js';

export type Interval = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export type BarWindow = {
  from: IsoDate | null;
  to: IsoDate | null;
  last: number | null;
  interval: Interval;
  /** Back-adjusted for splits and dividends. */
  adjusted: boolean;
};

/** More bars than any chart needs (about 80 years of trading days). */
export const MAX_LAST = 20_000;

export type BarWindowArgs = {
  from?: Date | string | null;
  to?: Date | string | null;
  last?: number | null;
  interval?: Interval | null;
  adjusted?: boolean | null;
  /** Not part of the window: how the values read through it are rounded (src/prices/rounding.ts). */
  decimals?: number | null;
};

export function parseBarWindow(args: BarWindowArgs): BarWindow {
  const window: BarWindow = {
    from: args.from ? toIsoDate(args.from) : null,
    to: args.to ? toIsoDate(args.to) : null,
    last: args.last ?? null,
    interval: args.interval ?? 'DAILY',
    adjusted: args.adjusted ?? false,
  };
  const problems: InputProblem[] = [];
  if (window.from && window.to && window.from > window.to) {
    problems.push({ path: 'from', message: `${window.from} is after to (${window.to})` });
  }
  if (window.last !== null && (window.last < 1 || window.last > MAX_LAST)) {
    problems.push({ path: 'last', message: `must be between 1 and ${MAX_LAST}, got ${window.last}` });
  }
  if (problems.length > 0) throw badInput(problems);
  return window;
}

export function barWindowKey(window: BarWindow): string {
  return `${window.interval}|${window.from ?? ''}|${window.to ?? ''}|${window.last ?? ''}|${window.adjusted}`;
}

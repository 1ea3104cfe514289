// Checks a batch of daily bars before anything is written. Every bad bar is
// reported with its index and reason, so a script can fix its input in one go.
import { addDays, type IsoDate, todayUtc, toIsoDate } from '../dates.js';
import { badInput, type InputProblem } from '../errors.js';
import { priceProblem, volumeProblem } from './bar-values.js';

export type BarInput = {
  date: Date | string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

export type ValidBars = {
  dates: IsoDate[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
};

export const MAX_BARS_PER_CALL = 100_000;
/** No bar may be older: what bounds the longest history a query can ask for. */
export const EARLIEST_DATE = '1900-01-01';

export function validateBars(bars: readonly BarInput[], path = 'bars'): ValidBars {
  const problems: InputProblem[] = [];
  if (bars.length > MAX_BARS_PER_CALL) {
    throw badInput([{ path, message: `at most ${MAX_BARS_PER_CALL} bars per call, got ${bars.length}` }]);
  }
  const latestAllowed = tomorrowUtc();
  const seen = new Map<IsoDate, number>();
  const valid: ValidBars = { dates: [], open: [], high: [], low: [], close: [], volume: [] };

  bars.forEach((bar, index) => {
    const at = (field: string, message: string) =>
      problems.push({ path: `${path}[${index}]${field ? `.${field}` : ''}`, message });
    const date = toIsoDate(bar.date);
    for (const [field, message] of barProblems(bar, date, latestAllowed)) at(field, message);
    const previous = seen.get(date);
    if (previous !== undefined) at('date', `duplicates bars[${previous}] (${date})`);
    else seen.set(date, index);

    valid.dates.push(date);
    valid.open.push(bar.open);
    valid.high.push(bar.high);
    valid.low.push(bar.low);
    valid.close.push(bar.close);
    valid.volume.push(bar.volume);
  });

  if (problems.length > 0) throw badInput(problems);
  return valid;
}

/** What is wrong with a date for a bar, a split or a dividend: null when nothing. */
export function dateProblem(date: IsoDate, latestAllowed = tomorrowUtc()): string | null {
  if (date < EARLIEST_DATE) return `is before ${EARLIEST_DATE}`;
  if (date > latestAllowed) return 'is in the future';
  return null;
}

/**
 * What is wrong with one bar on its own, as (field, reason) pairs: the checks
 * every load path applies, the API's and the CSV importer's alike.
 */
export function barProblems(
  bar: Omit<BarInput, 'date'>,
  date: IsoDate,
  latestAllowed = tomorrowUtc(),
): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const badDate = dateProblem(date, latestAllowed);
  if (badDate) problems.push(['date', badDate]);
  for (const field of ['open', 'high', 'low', 'close'] as const) {
    const problem = priceProblem(bar[field]);
    if (problem) problems.push([field, problem]);
  }
  const badVolume = volumeProblem(bar.volume);
  if (badVolume) problems.push(['volume', badVolume]);

  if (bar.high < bar.low) problems.push(['high', 'below low']);
  else {
    if (bar.high < Math.max(bar.open, bar.close)) problems.push(['high', 'below open or close']);
    if (bar.low > Math.min(bar.open, bar.close)) problems.push(['low', 'above open or close']);
  }
  return problems;
}

// A bar can be dated tomorrow in UTC for markets east of Greenwich; later is a mistake.
export function tomorrowUtc(): IsoDate {
  return addDays(todayUtc(), 1);
}

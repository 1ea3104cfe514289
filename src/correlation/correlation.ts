// Correlation of ETFs' log returns on the dates that all of them have a bar.
// Closes come from the price read path (one statement for every ETF, weekly
// and monthly bars aggregated in SQL as `prices` aggregates them); the join,
// the returns and Pearson's r are computed here.
//
// `last: N` asks for the N most recent returns, so N + 1 common periods. They
// are usually within each ETF's last N + 1 bars (ETFs that trade on the same
// days), which is what is read first; when the calendars differ enough that
// they are not, the whole window is read again, under the request's read
// budget, so the answer never depends on that shortcut.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import type { ReadBudget } from '../limits/read-budget.js';
import { type BarWindow, type Interval, MAX_LAST } from '../prices/bar-window.js';
import type { History } from '../prices/history.js';
import { readBars } from '../prices/read-bars.js';

export type CorrelationWindow = {
  from: IsoDate | null;
  to: IsoDate | null;
  /** The most recent returns to use; null: every return in from…to. */
  last: number | null;
  interval: Interval;
  adjusted: boolean;
};

export type Correlation = {
  /** Returns used: one fewer than the common periods. */
  observations: number;
  /** matrix[i][j]: Pearson's r of series i and j; null where either is constant or there are under 2 returns. */
  matrix: (number | null)[][];
  /** The first and last common period's date (the base close and the last close); null when none. */
  from: IsoDate | null;
  to: IsoDate | null;
};

/** Refuses a `last` that cannot make a correlation (two returns at least). */
export function checkCorrelationLast(last: number | null): void {
  if (last !== null && (last < 2 || last > MAX_LAST)) {
    throw badInput([{ path: 'last', message: `must be between 2 and ${MAX_LAST} returns, got ${last}` }]);
  }
}

const CLOSE = ['close'] as const;

/** The correlation matrix of the ETFs, in the order given (each id once). */
export async function correlate(
  pool: pg.Pool,
  reads: ReadBudget,
  etfIds: readonly number[],
  window: CorrelationWindow,
): Promise<Correlation> {
  const bars = (last: number | null) => ({ ...window, last }) satisfies BarWindow;
  let joined: Joined | null = null;
  if (window.last !== null && window.from === null) {
    const histories = await readBars(pool, etfIds, bars(window.last + 1), CLOSE);
    joined = joinPeriods(etfIds, histories, window.interval, window.last + 1);
  }
  if (joined === null) {
    const histories = await reads.read(async (maxRows) => {
      const read = await readBars(pool, etfIds, bars(null), CLOSE, maxRows);
      let rows = 0;
      for (const history of read.values()) rows += history.dates.length;
      return { value: read, rows };
    });
    joined = joinPeriods(etfIds, histories, window.interval, null) as Joined;
    if (window.last !== null) joined = keepLast(joined, window.last + 1);
  }
  return pearsonMatrix(joined, etfIds.length);
}

/** Closes on the common periods, oldest first: closes[t][i] is ETF i's close in period t, dated dates[t]. */
type Joined = { dates: IsoDate[]; closes: number[][] };

/** The period a bar belongs to: its date, its ISO week's Monday, or its month. */
function periodOf(date: IsoDate, interval: Interval): string {
  if (interval === 'MONTHLY') return date.slice(0, 7);
  if (interval === 'DAILY') return date;
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * The periods every ETF has a bar in. With `complete` (the rows per ETF that
 * were asked for), an ETF that returned that many may have older periods that
 * were not read: only the periods from the newest of those cut-offs on are
 * known to be common or not, and null means too few of them to decide.
 */
function joinPeriods(
  etfIds: readonly number[],
  histories: Map<number, History>,
  interval: Interval,
  complete: number | null,
): Joined | null {
  let cutoff = '';
  const byPeriod = new Map<string, { date: IsoDate; closes: number[] }>();
  etfIds.forEach((id, i) => {
    const { dates, bars } = histories.get(id) as History;
    if (complete !== null && dates.length === complete) {
      const oldest = periodOf(dates[0] as IsoDate, interval);
      if (oldest > cutoff) cutoff = oldest;
    }
    for (let t = 0; t < dates.length; t++) {
      const date = dates[t] as IsoDate;
      const key = periodOf(date, interval);
      let entry = byPeriod.get(key);
      if (!entry) {
        if (i > 0) continue; // not in the first ETF's periods: never common
        entry = { date, closes: [] };
        byPeriod.set(key, entry);
      }
      if (entry.closes.length !== i) continue;
      entry.closes.push(bars.close[t] as number);
      if (date > entry.date) entry.date = date;
    }
  });
  const common = [...byPeriod.entries()]
    .filter(([key, entry]) => entry.closes.length === etfIds.length && key >= cutoff)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Too few to decide, unless no ETF had more to give (then these are all there are).
  if (complete !== null && common.length < complete && cutoff !== '') return null;
  return keepLast({ dates: common.map(([, e]) => e.date), closes: common.map(([, e]) => e.closes) }, complete);
}

function keepLast(joined: Joined, periods: number | null): Joined {
  if (periods === null || joined.dates.length <= periods) return joined;
  return { dates: joined.dates.slice(-periods), closes: joined.closes.slice(-periods) };
}

/** Pearson's r of every pair of the series' log returns, from centred sums. */
function pearsonMatrix({ dates, closes }: Joined, n: number): Correlation {
  const observations = Math.max(dates.length - 1, 0);
  const returns = Array.from({ length: n }, (_, i) => {
    const series = new Float64Array(observations);
    for (let t = 1; t <= observations; t++) {
      series[t - 1] = Math.log((closes[t]?.[i] as number) / (closes[t - 1]?.[i] as number));
    }
    let mean = 0;
    for (const r of series) mean += r;
    mean /= observations || 1;
    for (let t = 0; t < observations; t++) series[t] = (series[t] as number) - mean;
    return series;
  });
  const dot = (a: Float64Array, b: Float64Array) => {
    let sum = 0;
    for (let t = 0; t < a.length; t++) sum += (a[t] as number) * (b[t] as number);
    return sum;
  };
  const norms = returns.map((series) => Math.sqrt(dot(series, series)));
  const matrix = returns.map((a, i) =>
    returns.map((b, j) => {
      const scale = (norms[i] as number) * (norms[j] as number);
      if (observations < 2 || scale === 0) return null;
      if (i === j) return 1;
      // Rounding can carry |r| a hair past 1.
      return Math.max(-1, Math.min(1, dot(a, b) / scale));
    }),
  );
  return { observations, matrix, from: dates[0] ?? null, to: dates.at(-1) ?? null };
}

// Query.correlation against Pearson's r computed in the test with the textbook
// sums (not the centred sums the server uses), on closes joined by hand:
// calendars that differ (a gap every tenth day, bars on weekends), weekly and
// monthly periods, a split, a flat price, too few returns, bad arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCorporateAction } from '../../src/corporate-actions/record-action.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { backAdjust } from '../helpers/back-adjust.js';
import { addCalendarDays, type Bar } from '../helpers/expected-metrics.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { execute, executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const series: Record<string, Bar[]> = {};
const WEEKDAYS = tradingDays('2021-01-04', '2025-12-31');
const SPLIT = { kind: 'SPLIT', date: '2024-03-01', value: 3 } as const;

async function withBars(ticker: string, bars: Bar[]) {
  await createEtf(t.db, ticker);
  if (bars.length > 0) await loadPrices(t.db, ticker, bars);
  series[ticker] = bars;
}
const synthetic = (ticker: string, days: string[], volatility = 0.2) =>
  syntheticBars(ticker, days, { start: 100, drift: 0.05, volatility, volume: 1e6 }) as Bar[];

beforeAll(async () => {
  t = await createTestDatabase();
  await withBars('AAA', synthetic('AAA', WEEKDAYS));
  await withBars('BBB', synthetic('BBB', WEEKDAYS, 0.3));
  await withBars(
    'GAPPY',
    synthetic(
      'GAPPY',
      WEEKDAYS.filter((_, i) => i % 10 !== 3),
    ),
  );
  const everyDay: string[] = [];
  for (let day = '2024-01-01'; day <= '2025-12-31'; day = addCalendarDays(day, 1)) everyDay.push(day);
  await withBars('WEEKEND', synthetic('WEEKEND', everyDay));
  await withBars(
    'FLATC',
    WEEKDAYS.map((date) => ({ date, open: 7, high: 7, low: 7, close: 7, volume: 1 })),
  );
  const split = synthetic('SPLITC', WEEKDAYS).map((bar) =>
    bar.date >= SPLIT.date
      ? { ...bar, open: bar.open / 3, high: bar.high / 3, low: bar.low / 3, close: bar.close / 3 }
      : bar,
  );
  await withBars('SPLITC', split);
  await recordCorporateAction(t.db, 'SPLIT', 'SPLITC', SPLIT.date, SPLIT.value);
  await runDueJobs(t.db.pool);
}, 120_000);
afterAll(() => t.close());

const Correlation = graphql(`
  query Correlation($tickers: [String!]!, $from: Date, $to: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {
    correlation(tickers: $tickers, from: $from, to: $to, last: $last, interval: $interval, adjusted: $adjusted) {
      tickers observations matrix from to
    }
  }
`);

type Interval = 'DAILY' | 'WEEKLY' | 'MONTHLY';

/** The period of a date the plain way: the date, its month, or the Monday of its week. */
function periodKey(date: string, interval: Interval): string {
  if (interval === 'DAILY') return date;
  if (interval === 'MONTHLY') return date.slice(0, 7);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addCalendarDays(date, -((weekday + 6) % 7));
}

/** Expected matrix: last close per period, periods every series has, log returns, textbook Pearson. */
function expected(bars: Bar[][], options: { from?: string; to?: string; last?: number; interval?: Interval } = {}) {
  const interval = options.interval ?? 'DAILY';
  const perSeries = bars.map((list) => {
    const byPeriod = new Map<string, { date: string; close: number }>();
    for (const bar of list) {
      if (options.to && bar.date > options.to) continue;
      byPeriod.set(periodKey(bar.date, interval), { date: bar.date, close: bar.close });
    }
    // A period is in the window when its date is.
    for (const [key, value] of byPeriod) if (options.from && value.date < options.from) byPeriod.delete(key);
    return byPeriod;
  });
  let keys = [...(perSeries[0] as Map<string, unknown>).keys()]
    .filter((key) => perSeries.every((map) => map.has(key)))
    .sort();
  if (options.last !== undefined) keys = keys.slice(-(options.last + 1));
  const returns = perSeries.map((map) =>
    keys
      .slice(1)
      .map((key, i) => Math.log((map.get(key)?.close as number) / (map.get(keys[i] as string)?.close as number))),
  );
  const n = Math.max(keys.length - 1, 0);
  const pearson = (x: number[], y: number[]) => {
    let sx = 0,
      sy = 0,
      sxx = 0,
      syy = 0,
      sxy = 0;
    for (let i = 0; i < n; i++) {
      const a = x[i] as number;
      const b = y[i] as number;
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    const vx = n * sxx - sx * sx;
    const vy = n * syy - sy * sy;
    if (n < 2 || vx <= 1e-300 || vy <= 1e-300) return null;
    return (n * sxy - sx * sy) / Math.sqrt(vx * vy);
  };
  const dates = keys.map((key) => Math.max(...perSeries.map((map) => Date.parse(map.get(key)?.date as string))));
  return {
    observations: n,
    matrix: returns.map((x) => returns.map((y) => pearson(x, y))),
    from: keys.length ? new Date(dates[0] as number).toISOString().slice(0, 10) : null,
    to: keys.length ? new Date(dates.at(-1) as number).toISOString().slice(0, 10) : null,
  };
}

function expectMatrix(actual: (number | null)[][], wanted: (number | null)[][]) {
  expect(actual).toHaveLength(wanted.length);
  wanted.forEach((row, i) => {
    row.forEach((value, j) => {
      const got = actual[i]?.[j];
      if (value === null) expect(got, `[${i}][${j}]`).toBeNull();
      else expect(Math.abs((got as number) - value), `[${i}][${j}] ${got} vs ${value}`).toBeLessThanOrEqual(1e-9);
    });
  });
}

const correlation = async (
  tickers: string[],
  args: { from?: string; to?: string; last?: number; interval?: Interval; adjusted?: boolean } = {},
) => (await executeOk(t.app, Correlation, { tickers, ...args })).correlation;

describe('correlation', () => {
  it('over a window, on the dates every ETF has a bar', async () => {
    const args = { from: '2023-01-01', to: '2024-12-31' };
    const actual = await correlation(['aaa', 'BBB', 'GAPPY'], { ...args, adjusted: false });
    const wanted = expected([series.AAA, series.BBB, series.GAPPY] as Bar[][], args);
    expect(actual.tickers).toEqual(['AAA', 'BBB', 'GAPPY']);
    expect(actual.observations).toBe(wanted.observations);
    expect(actual.observations).toBeLessThan(WEEKDAYS.filter((d) => d >= args.from && d <= args.to).length - 1);
    expect({ from: actual.from, to: actual.to }).toEqual({ from: wanted.from, to: wanted.to });
    expectMatrix(actual.matrix, wanted.matrix);
    actual.matrix.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((value, j) => {
        expect(value).toBe(actual.matrix[j]?.[i]);
      });
    });
  });

  it.each([
    ['the same calendar', ['AAA', 'GAPPY']],
    ['bars on weekends beside weekdays: more than the last N + 1 bars are read', ['WEEKEND', 'AAA']],
  ])('last: N returns, %s', async (_name, tickers) => {
    for (const last of [2, 50, 252]) {
      const actual = await correlation(tickers, { last, adjusted: false });
      const wanted = expected(
        tickers.map((ticker) => series[ticker] as Bar[]),
        { last },
      );
      expect(actual.observations).toBe(last);
      expect({ from: actual.from, to: actual.to }).toEqual({ from: wanted.from, to: wanted.to });
      expectMatrix(actual.matrix, wanted.matrix);
    }
  });

  it.each(['WEEKLY', 'MONTHLY'] as const)('%s returns join on the period, not its last date', async (interval) => {
    const tickers = ['AAA', 'BBB', 'GAPPY'];
    const args = { from: '2022-01-01', interval };
    const actual = await correlation(tickers, { ...args, adjusted: false });
    const wanted = expected(
      tickers.map((ticker) => series[ticker] as Bar[]),
      args,
    );
    expect(actual.observations).toBe(wanted.observations);
    expectMatrix(actual.matrix, wanted.matrix);
    const recent = await correlation(tickers, { last: 20, interval, adjusted: false });
    expectMatrix(
      recent.matrix,
      expected(
        tickers.map((ticker) => series[ticker] as Bar[]),
        { last: 20, interval },
      ).matrix,
    );
  });

  it('adjusted by default: a split is no return', async () => {
    const adjusted = backAdjust(series.SPLITC as Bar[], [SPLIT]);
    const total = await correlation(['SPLITC', 'AAA'], { from: '2024-01-01', to: '2024-06-30' });
    expectMatrix(
      total.matrix,
      expected([adjusted, series.AAA as Bar[]], { from: '2024-01-01', to: '2024-06-30' }).matrix,
    );
    const traded = await correlation(['SPLITC', 'AAA'], { from: '2024-01-01', to: '2024-06-30', adjusted: false });
    expectMatrix(
      traded.matrix,
      expected([series.SPLITC as Bar[], series.AAA as Bar[]], { from: '2024-01-01', to: '2024-06-30' }).matrix,
    );
    expect(traded.matrix[0]?.[1]).not.toBeCloseTo(total.matrix[0]?.[1] as number, 3);
  });

  it('a flat price has no correlation, not even with itself', async () => {
    const actual = await correlation(['AAA', 'FLATC', 'BBB'], { last: 100 });
    expect(actual.matrix[1]).toEqual([null, null, null]);
    expect(actual.matrix.map((row) => row[1])).toEqual([null, null, null]);
    expect(actual.matrix[0]?.[0]).toBe(1);
    expect(actual.matrix[0]?.[2]).toEqual(expect.any(Number));
  });

  it('under two returns: every coefficient is null', async () => {
    const one = await correlation(['AAA', 'BBB'], { from: '2025-12-30', to: '2025-12-31' });
    expect(one).toMatchObject({
      observations: 1,
      matrix: [
        [null, null],
        [null, null],
      ],
      from: '2025-12-30',
      to: '2025-12-31',
    });
    const none = await correlation(['AAA', 'WEEKEND'], { to: '2023-06-30' });
    expect(none).toMatchObject({
      observations: 0,
      matrix: [
        [null, null],
        [null, null],
      ],
      from: null,
      to: null,
    });
  });
});

describe('arguments', () => {
  const refused = async (variables: Parameters<typeof correlation>[1] & { tickers: string[] }, path: RegExp) => {
    const before = await snapshot(t.db);
    const result = await execute(t.app, Correlation, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(path);
    expect(await snapshot(t.db)).toEqual(before);
  };

  it('names every unknown ticker', async () => {
    const result = await execute(t.app, Correlation, { tickers: ['AAA', 'NOPE', 'BBB', 'ZZZ'], last: 10 });
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'tickers[1]', message: 'no ETF has the ticker NOPE' },
      { path: 'tickers[3]', message: 'no ETF has the ticker ZZZ' },
    ]);
  });

  it.each([
    [{ tickers: ['AAA'] }, /tickers: needs at least 2/],
    [{ tickers: ['AAA', 'aaa'] }, /tickers\[1\]: AAA is already/],
    [{ tickers: ['AAA', 'B B'] }, /tickers\[1\]/],
    [{ tickers: ['AAA', 'BBB'], last: 1 }, /last: must be between 2/],
    [{ tickers: ['AAA', 'BBB'], last: 0 }, /last/],
    [{ tickers: ['AAA', 'BBB'], from: '2025-01-02', to: '2025-01-01' }, /from: 2025-01-02 is after to/],
  ])('refuses %j, naming the argument, before any SQL', async (variables, message) => {
    t.statements.length = 0;
    await refused(variables, message);
  });

  it('refuses more tickers than a request may name, and whole histories of many', async () => {
    const tickers = Array.from({ length: 101 }, (_, i) => `T${i}`);
    const query = 'query($t: [String!]!, $last: Int) { correlation(tickers: $t, last: $last) { observations } }';
    const tooMany = await executeText(t.app, query, { t: tickers, last: 10 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
    // Without a window, each ticker may read its whole history: costed as such.
    const tooCostly = await executeText(t.app, query, { t: tickers.slice(0, 5) });
    expect(tooCostly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});

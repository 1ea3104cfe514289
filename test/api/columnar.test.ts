// The columnar forms: Etf.series and Indicators.columns give exactly the values
// of the object forms with the same arguments, read only the columns asked for,
// and batch across ETFs as the object forms do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, execute, executeOk } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'AAA', '2022-01-03', '2024-12-31');
  await createEtfWithBars(t.db, 'BBB', '2023-06-01', '2024-12-31');
});
afterAll(() => t.close());

const SeriesAndPrices = graphql(`
  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {
    etfsByTicker(tickers: $tickers) {
      ticker
      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }
      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }
    }
  }
`);

const ColumnarTwoColumns = graphql(`
  query ColumnarTwoColumns { etfsByTicker(tickers: ["AAA", "BBB"]) { series(last: 5) { dates close } } }
`);
const ColumnarEmptyWindow = graphql(`
  query ColumnarEmptyWindow { etf(ticker: "AAA") { series(to: "1999-01-01") { dates close } } }
`);
const ColumnarBadWindow = graphql(`
  query ColumnarBadWindow { etf(ticker: "AAA") { series(last: 0) { dates } } }
`);

describe('Etf.series', () => {
  it.each([
    ['daily, last 252', { last: 252 }],
    ['daily, from', { from: '2024-11-01' }],
    ['weekly', { interval: 'WEEKLY', last: 30 }],
    ['monthly, adjusted', { interval: 'MONTHLY', last: 12, adjusted: true }],
    ['the whole history', {}],
  ] as const)('%s: the same bars as prices, in columns', async (_name, args) => {
    // With a key: two whole histories cost more than a request without credentials may.
    const data = await executeOk(t.app, SeriesAndPrices, { tickers: ['AAA', 'BBB'], ...args }, bearer(ADMIN_KEY));
    for (const etf of data.etfsByTicker) {
      const prices = etf?.prices ?? [];
      expect(prices.length).toBeGreaterThan(0);
      expect(etf?.series).toEqual({
        dates: prices.map((bar) => bar.date),
        open: prices.map((bar) => bar.open),
        high: prices.map((bar) => bar.high),
        low: prices.map((bar) => bar.low),
        close: prices.map((bar) => bar.close),
        volume: prices.map((bar) => bar.volume),
      });
    }
  });

  it('reads only the columns asked for, in one statement for every ticker', async () => {
    t.statements.length = 0;
    const result = await execute(t.app, ColumnarTwoColumns);
    expect(result.errors).toBeUndefined();
    const reads = t.statements.filter((sql) => sql.includes('/* daily-bars */'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/SELECT date, close\s/);
    expect(reads[0]).not.toMatch(/open|high|low|volume/);
  });

  it('gives empty lists for an ETF without bars in the window', async () => {
    const result = await execute(t.app, ColumnarEmptyWindow);
    expect(result).toEqual({ data: { etf: { series: { dates: [], close: [] } } } });
  });

  it('refuses a bad window as prices does', async () => {
    const result = await execute(t.app, ColumnarBadWindow);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const PointsAndColumns = graphql(`
  query PointsAndColumns($interval: Interval, $last: Int) {
    etf(ticker: "AAA") {
      series(interval: $interval, last: $last) { dates }
      indicators(interval: $interval, last: $last) {
        sma(period: 50) { date value }
        ema(period: 7) { date value }
        macd { date macd signal histogram }
        bollinger { date upper middle lower }
        stochastic { date fastK fastD slowD }
        adx { date adx plusDI minusDI }
        columns {
          dates
          sma(period: 50) { value }
          ema(period: 7) { value }
          macd { macd signal histogram }
          bollinger { upper middle lower }
          stochastic { fastK fastD slowD }
          adx { adx plusDI minusDI }
        }
      }
    }
  }
`);

const ColumnarBadPeriod = graphql(`
  query ColumnarBadPeriod { etf(ticker: "AAA") { indicators(last: 5) { columns { sma(period: 0) { value } } } } }
`);
// 12 lists of 25 ETFs' whole histories.
const ColumnarHuge = graphql(`
  query ColumnarHuge {
    etfsByTicker(
      tickers: ["T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
                "T13", "T14", "T15", "T16", "T17", "T18", "T19", "T20", "T21", "T22", "T23", "T24"]
    ) {
      indicators {
        columns {
          dates
          s0: sma(period: 2) { value }
          s1: sma(period: 3) { value }
          s2: sma(period: 4) { value }
          s3: sma(period: 5) { value }
          s4: sma(period: 6) { value }
          s5: sma(period: 7) { value }
          s6: sma(period: 8) { value }
          s7: sma(period: 9) { value }
          s8: sma(period: 10) { value }
          s9: sma(period: 11) { value }
          s10: sma(period: 12) { value }
          s11: sma(period: 13) { value }
        }
      }
    }
  }
`);

describe('Indicators.columns', () => {
  it.each([
    ['daily (stored and computed on demand)', { last: 120 }],
    ['weekly (all computed on demand)', { interval: 'WEEKLY', last: 40 }],
  ] as const)('%s: the values of the point lists, with their dates once', async (_name, args) => {
    const data = await executeOk(t.app, PointsAndColumns, args);
    const indicators = data.etf?.indicators;
    const columns = indicators?.columns;
    expect(columns?.dates).toEqual(data.etf?.series.dates);
    expect(columns?.dates).toHaveLength(args.last);
    const pick = <P extends { date: string }>(points: P[] | undefined, fields: (keyof P)[]) =>
      Object.fromEntries(fields.map((field) => [field, (points ?? []).map((point) => point[field])]));
    for (const points of [indicators?.sma, indicators?.macd, indicators?.bollinger]) {
      expect((points ?? []).map((point) => point.date)).toEqual(columns?.dates);
    }
    expect(columns?.sma).toEqual(pick(indicators?.sma, ['value']));
    expect(columns?.ema).toEqual(pick(indicators?.ema, ['value']));
    expect(columns?.macd).toEqual(pick(indicators?.macd, ['macd', 'signal', 'histogram']));
    expect(columns?.bollinger).toEqual(pick(indicators?.bollinger, ['upper', 'middle', 'lower']));
    expect(columns?.stochastic).toEqual(pick(indicators?.stochastic, ['fastK', 'fastD', 'slowD']));
    expect(columns?.adx).toEqual(pick(indicators?.adx, ['adx', 'plusDI', 'minusDI']));
    // Not vacuous: the window holds real values.
    expect(columns?.macd?.macd.filter((value) => value !== null).length).toBeGreaterThan(10);
  });

  it('validates arguments as the point lists do', async () => {
    const result = await execute(t.app, ColumnarBadPeriod);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is costed per list, so a huge columnar request is refused before it runs', async () => {
    t.statements.length = 0;
    const result = await execute(t.app, ColumnarHuge);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(t.statements).toHaveLength(0);
  });
});

// Etf.performance against the figures computed bar by bar in the test
// (test/helpers/expected-metrics.ts), over histories chosen for their edges: a long
// weekday history, bars on every calendar day (so that month-end clamping
// decides which bar is the base), short ones either side of the 252/253-bar
// thresholds, a flat price, a split and a dividend, asOf before the first bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCorporateAction } from '../../src/corporate-actions/record-action.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { backAdjust } from '../helpers/back-adjust.js';
import {
  addCalendarDays,
  type Bar,
  expectClose,
  expectedPerformance,
  expectFigures,
  monthsEarlier,
} from '../helpers/expected-metrics.js';
import { createEtf } from '../helpers/fixtures.js';
import { execute, executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const histories: Record<string, Bar[]> = {};

const everyDay = (first: string, last: string) => {
  const days: string[] = [];
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) days.push(day);
  return days;
};
const PARAMS = { start: 80, drift: 0.06, volatility: 0.25, volume: 2e6 };
/** syntheticBars dates its bars with the strings it is given. */
const synthetic = (ticker: string, days: string[]) => syntheticBars(ticker, days, PARAMS) as Bar[];

async function withBars(ticker: string, bars: Bar[]) {
  await createEtf(t.db, ticker);
  if (bars.length > 0) await loadPrices(t.db, ticker, bars);
  histories[ticker] = bars;
}

// A 2:1 split on 2024-06-03 (raw prices halve from then on) and a dividend on 2025-03-03.
const SPLIT = { kind: 'SPLIT', date: '2024-06-03', value: 2 } as const;
const DIVIDEND = { kind: 'DIVIDEND', date: '2025-03-03', value: 1.5 } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  await withBars('WEEKDAYS', synthetic('WEEKDAYS', tradingDays('2018-01-02', '2026-03-31')));
  await withBars('EVERYDAY', synthetic('EVERYDAY', everyDay('2019-01-01', '2021-06-30')));
  const short = tradingDays('2025-01-02', '2026-03-31');
  await withBars('SHORT', synthetic('SHORT', short.slice(-100)));
  await withBars('EXACT252', synthetic('EXACT252', short.slice(-252)));
  await withBars('EXACT253', synthetic('EXACT253', short.slice(-253)));
  await withBars(
    'FLAT',
    short.slice(-300).map((date) => ({ date, open: 50, high: 50, low: 50, close: 50, volume: 1000 })),
  );
  const splitter = synthetic('SPLITTER', tradingDays('2023-01-02', '2025-12-31')).map((bar) =>
    bar.date >= SPLIT.date
      ? {
          ...bar,
          open: bar.open / 2,
          high: bar.high / 2,
          low: bar.low / 2,
          close: bar.close / 2,
          volume: bar.volume * 2,
        }
      : bar,
  );
  await withBars('SPLITTER', splitter);
  await recordCorporateAction(t.db, 'SPLIT', 'SPLITTER', SPLIT.date, SPLIT.value);
  await recordCorporateAction(t.db, 'DIVIDEND', 'SPLITTER', DIVIDEND.date, DIVIDEND.value);
  // Flat at 10 but for one bar exactly a year before 2025-03-15: the 52-week range starts after it.
  await withBars(
    'YEARAGO',
    everyDay('2024-01-01', '2025-03-20').map((date) =>
      date === '2024-03-15'
        ? { date, open: 10, high: 99, low: 1, close: 10, volume: 1 }
        : { date, open: 10, high: 10, low: 10, close: 10, volume: 1 },
    ),
  );
  await withBars('NOBARS', []);
  await runDueJobs(t.db.pool);
}, 120_000);
afterAll(() => t.close());

const PerformanceQuery = graphql(`
  query Performance($tickers: [String!]!, $asOf: Date, $adjusted: Boolean, $riskFreeRate: Float) {
    etfsByTicker(tickers: $tickers) {
      ticker
      performance(asOf: $asOf, adjusted: $adjusted) {
        asOf
        return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y
        volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: $riskFreeRate)
        high52W low52W
      }
    }
  }
`);

async function performanceOf(ticker: string, asOf?: string, adjusted?: boolean, riskFreeRate?: number) {
  const data = await executeOk(t.app, PerformanceQuery, { tickers: [ticker], asOf, adjusted, riskFreeRate });
  return data.etfsByTicker[0]?.performance ?? null;
}

function expectPerformance(ticker: string, bars: readonly Bar[], asOf?: string, riskFreeRate = 0) {
  return async (adjusted?: boolean) => {
    const actual = await performanceOf(ticker, asOf, adjusted, riskFreeRate);
    const expected = expectedPerformance(bars, asOf, riskFreeRate);
    if (expected === null) {
      expect(actual).toBeNull();
      return;
    }
    expect(actual).not.toBeNull();
    expectFigures(actual as Record<string, unknown>, expected, `${ticker} as of ${asOf ?? 'latest'}`);
  };
}

describe('a long weekday history', () => {
  it.each([
    [undefined, 'the latest bar'],
    ['2026-03-31', 'a 31 March that is the last bar'],
    ['2024-03-31', 'a Sunday: judged on Friday 29 March'],
    ['2023-03-31', '31 March of a year without 29 February'],
    ['2021-01-15', 'three years of history but not five'],
    ['2018-06-01', 'under a year of history'],
    ['2018-01-02', 'the first bar'],
    ['2017-12-31', 'before the first bar: null'],
  ] as const)('as of %s (%s) equals the bar-by-bar figures', async (asOf, _why) => {
    await expectPerformance('WEEKDAYS', histories.WEEKDAYS as Bar[], asOf)(false);
    // Without actions, the adjusted figures are the raw ones.
    await expectPerformance('WEEKDAYS', histories.WEEKDAYS as Bar[], asOf)(true);
  });

  it('takes the risk-free rate off the annualized mean before dividing by the volatility', async () => {
    await expectPerformance('WEEKDAYS', histories.WEEKDAYS as Bar[], undefined, 0.03)();
    await expectPerformance('WEEKDAYS', histories.WEEKDAYS as Bar[], '2024-03-31', -0.01)();
  });
});

describe('month ends', () => {
  // With a bar on every calendar day, the base bar is the clamped date itself.
  it.each([
    ['2020-03-31', 1, '2020-02-29'],
    ['2021-03-31', 1, '2021-02-28'],
    ['2020-05-31', 3, '2020-02-29'],
    ['2020-08-31', 6, '2020-02-29'],
    ['2021-02-28', 12, '2020-02-28'],
  ] as const)('as of %s, %s month(s) back is %s', async (asOf, months, base) => {
    expect(monthsEarlier(asOf, months)).toBe(base);
    const bars = histories.EVERYDAY as Bar[];
    const close = (date: string) => (bars.find((bar) => bar.date === date) as Bar).close;
    const actual = await performanceOf('EVERYDAY', asOf);
    const field = ({ 1: 'return1M', 3: 'return3M', 6: 'return6M', 12: 'return1Y' } as const)[months];
    expectClose(actual?.[field], close(asOf) / close(base) - 1, field);
    await expectPerformance('EVERYDAY', bars, asOf)();
  });

  it('YTD starts from the last bar of the previous year, and 1W from seven days before', async () => {
    const bars = histories.EVERYDAY as Bar[];
    const close = (date: string) => (bars.find((bar) => bar.date === date) as Bar).close;
    const actual = await performanceOf('EVERYDAY', '2021-01-05');
    expectClose(actual?.returnYTD, close('2021-01-05') / close('2020-12-31') - 1, 'returnYTD');
    expectClose(actual?.return1W, close('2021-01-05') / close('2020-12-29') - 1, 'return1W');
    expectClose(actual?.return1D, close('2021-01-05') / close('2021-01-04') - 1, 'return1D');
  });
});

describe('the 52-week range', () => {
  it('holds the bars after the same date a year earlier, up to asOf', async () => {
    expect(await performanceOf('YEARAGO', '2025-03-14')).toMatchObject({ high52W: 99, low52W: 1 });
    expect(await performanceOf('YEARAGO', '2025-03-15')).toMatchObject({ high52W: 10, low52W: 10 });
    await expectPerformance('YEARAGO', histories.YEARAGO as Bar[], '2025-03-14')();
  });
});

describe('short histories and thresholds', () => {
  it('under 252 bars: returns where the history reaches, no one-year risk', async () => {
    const actual = await performanceOf('SHORT');
    expect(actual?.volatility1Y).toBeNull();
    expect(actual?.maxDrawdown1Y).toBeNull();
    expect(actual?.sharpe1Y).toBeNull();
    expect(actual?.return1Y).toBeNull();
    expect(actual?.return1M).not.toBeNull();
    await expectPerformance('SHORT', histories.SHORT as Bar[])();
  });

  it('252 bars give a drawdown and no volatility; 253 give both', async () => {
    const at252 = await performanceOf('EXACT252');
    expect(at252?.maxDrawdown1Y).not.toBeNull();
    expect(at252?.volatility1Y).toBeNull();
    const at253 = await performanceOf('EXACT253');
    expect(at253?.volatility1Y).not.toBeNull();
    await expectPerformance('EXACT252', histories.EXACT252 as Bar[])();
    await expectPerformance('EXACT253', histories.EXACT253 as Bar[])();
  });

  it('a flat price: returns, volatility and drawdown 0, no Sharpe ratio', async () => {
    const actual = await performanceOf('FLAT');
    expect(actual).toMatchObject({ return1D: 0, return1M: 0, volatility1Y: 0, maxDrawdown1Y: 0, sharpe1Y: null });
    expect(actual).toMatchObject({ high52W: 50, low52W: 50 });
  });

  it('an ETF without bars has no performance', async () => {
    expect(await performanceOf('NOBARS')).toBeNull();
    expect(await performanceOf('NOBARS', '2026-01-01')).toBeNull();
  });
});

describe('adjusted for splits and dividends', () => {
  const raw = () => histories.SPLITTER as Bar[];
  const adjusted = () => backAdjust(raw(), [SPLIT, DIVIDEND]);

  it.each([undefined, '2025-06-30', '2024-12-31'] as const)(
    'as of %s: total return by default, traded prices with adjusted: false',
    async (asOf) => {
      await expectPerformance('SPLITTER', adjusted(), asOf)();
      await expectPerformance('SPLITTER', adjusted(), asOf)(true);
      await expectPerformance('SPLITTER', raw(), asOf)(false);
    },
  );

  it('the split halves the traded price but not the total return', async () => {
    const traded = await performanceOf('SPLITTER', '2024-12-31', false);
    const total = await performanceOf('SPLITTER', '2024-12-31', true);
    expect(traded?.returnYTD as number).toBeLessThan(-0.3);
    expect(Math.abs((total?.returnYTD as number) - (traded?.returnYTD as number))).toBeGreaterThan(0.3);
  });
});

describe('arguments', () => {
  it.each([
    ['5', 'a percentage sent as a fraction'],
    ['-1.5', 'below -1'],
    ['1e400', 'not finite'],
  ])('riskFreeRate: %s (%s) is refused, naming the argument', async (rate) => {
    const result = await executeText(
      t.app,
      `{ etf(ticker: "WEEKDAYS") { performance { return1D sharpe1Y(riskFreeRate: ${rate}) } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/riskFreeRate/);
  });

  it('a variable that is not a finite number is refused before anything runs', async () => {
    const result = await execute(t.app, PerformanceQuery, {
      tickers: ['WEEKDAYS'],
      riskFreeRate: 'high' as unknown as number,
    });
    expect(result.errors?.[0]?.message).toMatch(/riskFreeRate/);
    expect(result.data ?? null).toBeNull();
  });

  it('asOf must be a date', async () => {
    const result = await executeText(t.app, '{ etf(ticker: "WEEKDAYS") { performance(asOf: "2024-02-30") { asOf } } }');
    expect(result.errors?.[0]?.message).toMatch(/asOf|Date/);
  });
});

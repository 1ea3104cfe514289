// Query.screen against the answer worked out in the test (test/helpers/screen-oracle.ts):
// which ETFs pass, in which order, with which values on which date, paged
// through with cursors, over ETFs of every asset class and history length
// (too short for SMA 200, for 20 bars, none at all), as of the latest bar and
// of earlier dates, on prices as traded and back-adjusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCorporateAction } from '../../src/corporate-actions/record-action.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import type { AssetClass, ScreenFilter, ScreenMetric, ScreenOrder } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { backAdjust } from '../helpers/back-adjust.js';
import { type Bar, expectClose } from '../helpers/expected-metrics.js';
import { createEtf } from '../helpers/fixtures.js';
import { executeOk } from '../helpers/graphql-client.js';
import { type Judged, judge, passes, type StoredValues, sortJudged } from '../helpers/screen-oracle.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
type Fund = {
  ticker: string;
  assetClass: AssetClass | null;
  issuer: string | null;
  currency: string;
  expenseRatio: number | null;
};
const funds: Fund[] = [];
const bars: Record<string, Bar[]> = {};
const SPLIT = { kind: 'SPLIT', date: '2025-05-01', value: 2 } as const;

const CLASSES: (AssetClass | null)[] = ['EQUITY', 'FIXED_INCOME', 'COMMODITY', null];
const ISSUERS = ['iShares', 'Vanguard', 'State Street', null];

beforeAll(async () => {
  t = await createTestDatabase();
  const days = tradingDays('2022-01-03', '2025-12-31');
  for (let i = 0; i < 24; i++) {
    const fund: Fund = {
      ticker: `S${String(i).padStart(2, '0')}`,
      assetClass: CLASSES[i % 4] ?? null,
      issuer: ISSUERS[i % 3] ?? null,
      currency: i % 5 === 0 ? 'EUR' : 'USD',
      expenseRatio: i % 6 === 0 ? null : 0.0005 * (1 + (i % 7)),
    };
    // Histories of every length: four years, one year, 150 bars (no SMA 200), 15 bars (no 20-day volume).
    const length = [days.length, 260, 150, 15][i % 4 === 3 ? 3 : i % 3] as number;
    const end = i % 7 === 0 ? days.length - 3 : days.length; // some stop a few days early
    const series = syntheticBars(fund.ticker, days.slice(Math.max(0, end - length), end), {
      start: 20 + 7 * i,
      drift: -0.1 + 0.02 * i,
      volatility: 0.1 + 0.02 * i,
      volume: 1e5 * (1 + i),
    }) as Bar[];
    await createEtf(t.db, fund.ticker, {
      assetClass: fund.assetClass,
      issuer: fund.issuer,
      currency: fund.currency,
      expenseRatio: fund.expenseRatio,
    });
    await loadPrices(t.db, fund.ticker, series);
    funds.push(fund);
    bars[fund.ticker] = series;
  }
  // Raw prices halve at a 2:1 split: a -50 % return as traded, none adjusted.
  const split = (bars.S06 as Bar[]).map((bar) =>
    bar.date >= SPLIT.date
      ? { ...bar, open: bar.open / 2, high: bar.high / 2, low: bar.low / 2, close: bar.close / 2 }
      : bar,
  );
  await loadPrices(t.db, 'S06', split);
  bars.S06 = split;
  await recordCorporateAction(t.db, 'SPLIT', 'S06', SPLIT.date, SPLIT.value);
  await createEtf(t.db, 'NOBARS', { assetClass: 'EQUITY' });
  await runDueJobs(t.db.pool);
}, 180_000);
afterAll(() => t.close());

const Screen = graphql(`
  query Screen($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String, $asOf: Date, $adjusted: Boolean) {
    screen(where: $where, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf, adjusted: $adjusted) {
      totalCount
      edges { cursor date node { ticker assetClass } values { metric value } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const StoredIndicators = graphql(`
  query ScreenStoredIndicators($tickers: [String!]!, $to: Date, $adjusted: Boolean) {
    etfsByTicker(tickers: $tickers) {
      ticker
      indicators(to: $to, last: 1, adjusted: $adjusted) {
        sma20: sma(period: 20) { date value }
        sma50: sma(period: 50) { value }
        sma200: sma(period: 200) { value }
        ema12: ema(period: 12) { value }
        ema26: ema(period: 26) { value }
        rsi { value }
        macd { macd signal histogram }
        bollinger { upper lower }
        atr { value }
      }
    }
  }
`);

/** Every ETF judged as of asOf, with the stored indicators the API reports on its judged bar. */
async function judgedAll(asOf: string | undefined, adjusted: boolean): Promise<Judged[]> {
  const tickers = funds.map((fund) => fund.ticker);
  const data = await executeOk(t.app, StoredIndicators, { tickers, to: asOf, adjusted });
  return funds.flatMap((fund, i) => {
    const s = data.etfsByTicker[i]?.indicators;
    const stored: StoredValues = {
      SMA_20: s?.sma20[0]?.value ?? null,
      SMA_50: s?.sma50[0]?.value ?? null,
      SMA_200: s?.sma200[0]?.value ?? null,
      EMA_12: s?.ema12[0]?.value ?? null,
      EMA_26: s?.ema26[0]?.value ?? null,
      RSI_14: s?.rsi[0]?.value ?? null,
      MACD: s?.macd[0]?.macd ?? null,
      MACD_SIGNAL: s?.macd[0]?.signal ?? null,
      MACD_HISTOGRAM: s?.macd[0]?.histogram ?? null,
      BOLLINGER_UPPER: s?.bollinger[0]?.upper ?? null,
      BOLLINGER_LOWER: s?.bollinger[0]?.lower ?? null,
      ATR_14: s?.atr[0]?.value ?? null,
    };
    const series =
      adjusted && fund.ticker === 'S06' ? backAdjust(bars.S06 as Bar[], [SPLIT]) : (bars[fund.ticker] as Bar[]);
    const judged = judge(fund, series, asOf, stored);
    return judged ? [judged] : [];
  });
}

type Case = { where: ScreenFilter; orderBy?: ScreenOrder[]; asOf?: string; adjusted?: boolean };

/** Every page of the screen, five edges at a time, following the cursors. */
async function allPages(screen: Case) {
  const edges = [];
  let after: string | undefined;
  let totalCount = -1;
  for (let page = 0; page < 20; page++) {
    const data = await executeOk(t.app, Screen, { ...screen, first: 5, after });
    totalCount = data.screen.totalCount;
    edges.push(...data.screen.edges);
    expect(data.screen.pageInfo.hasPreviousPage).toBe(after !== undefined);
    if (!data.screen.pageInfo.hasNextPage) return { edges, totalCount };
    after = data.screen.pageInfo.endCursor ?? undefined;
  }
  throw new Error('more than 20 pages');
}

const CASES: [string, Case][] = [
  ['RSI under 50, lowest first', { where: { metric: 'RSI_14', lt: 50 }, orderBy: [{ metric: 'RSI_14' }] }],
  [
    'bond or equity funds above their 200-day average with a positive year, best first',
    {
      where: {
        and: [
          { assetClass: ['EQUITY', 'FIXED_INCOME'] },
          { metric: 'CLOSE', gtMetric: 'SMA_200' },
          { metric: 'RETURN_1Y', gt: 0 },
        ],
      },
      orderBy: [{ metric: 'RETURN_1Y', direction: 'DESC' }],
    },
  ],
  [
    'iShares, or not calm (a null volatility is no match, so its negation is)',
    {
      where: { or: [{ issuer: ['ISHARES'] }, { not: { metric: 'VOLATILITY_1Y', lte: 0.3 } }] },
      orderBy: [{ metric: 'VOLATILITY_1Y', direction: 'DESC' }, { metric: 'CLOSE' }],
    },
  ],
  ['everything, by SMA 200 (short histories last)', { where: {}, orderBy: [{ metric: 'SMA_200' }] }],
  [
    'near the 52-week high, in dollars, by expense ratio',
    {
      where: { metric: 'FROM_HIGH_52W', between: { min: -0.15, max: 0 }, currency: ['usd'] },
      orderBy: [{ metric: 'EXPENSE_RATIO', direction: 'DESC' }],
    },
  ],
  [
    'as of mid-2025: rising MACD outside commodities, liquid',
    {
      where: {
        and: [
          { metric: 'MACD_HISTOGRAM', gt: 0 },
          { not: { assetClass: ['COMMODITY'] } },
          { metric: 'AVERAGE_VOLUME_20', gte: 3e5 },
        ],
      },
      orderBy: [{ metric: 'SHARPE_1Y', direction: 'DESC' }],
      asOf: '2025-06-30',
    },
  ],
  [
    'adjusted: the split is no loss',
    { where: { metric: 'RETURN_1Y', gt: -0.3 }, orderBy: [{ metric: 'MAX_DRAWDOWN_1Y' }], adjusted: true },
  ],
  ['as traded: the split is a loss', { where: { metric: 'RETURN_1Y', lte: -0.3 }, adjusted: false }],
  ['before every first bar: nothing', { where: {}, asOf: '2020-01-01' }],
];

describe('screen', () => {
  it.each(CASES)('%s', async (_name, screen) => {
    const judged = await judgedAll(screen.asOf, screen.adjusted ?? false);
    const expected = sortJudged(
      judged.filter((etf) => passes(etf, screen.where)),
      screen.orderBy,
    );
    const { edges, totalCount } = await allPages(screen);
    expect(edges.map((edge) => edge.node.ticker)).toEqual(expected.map((etf) => etf.ticker));
    expect(totalCount).toBe(expected.length);
    edges.forEach((edge, i) => {
      const wanted = expected[i] as Judged;
      expect(edge.date).toBe(wanted.date);
      for (const { metric, value } of edge.values) {
        expectClose(value, wanted.values[metric as ScreenMetric] ?? null, `${wanted.ticker} ${metric}`);
      }
    });
  });

  it('the split ETF passes adjusted and fails as traded', async () => {
    const adjusted = await allPages({ where: { metric: 'RETURN_1Y', gt: -0.3 }, adjusted: true });
    const traded = await allPages({ where: { metric: 'RETURN_1Y', lte: -0.3 } });
    expect(adjusted.edges.map((edge) => edge.node.ticker)).toContain('S06');
    expect(traded.edges.map((edge) => edge.node.ticker)).toContain('S06');
  });

  it('an edge reports the metrics the filter and the order use, in order of first use', async () => {
    const data = await executeOk(t.app, Screen, {
      where: { metric: 'CLOSE', gtMetric: 'SMA_50', and: [{ metric: 'RSI_14', gt: 0 }] },
      orderBy: [{ metric: 'RETURN_1M' }, { metric: 'CLOSE' }],
      first: 1,
    });
    expect(data.screen.edges[0]?.values.map((value) => value.metric)).toEqual([
      'RSI_14',
      'CLOSE',
      'SMA_50',
      'RETURN_1M',
    ]);
  });

  it('cursors are stable: a new ETF between two pages neither repeats nor hides the others', async () => {
    const screen = { where: {}, orderBy: [{ metric: 'CLOSE' as const, direction: 'DESC' as const }] };
    const first = await executeOk(t.app, Screen, { ...screen, first: 4 });
    const before = (await allPages(screen)).edges.map((edge) => edge.node.ticker);
    // A new fund priced above the first page's last close: it sorts before the cursor.
    await createEtf(t.db, 'ZNEW');
    await loadPrices(t.db, 'ZNEW', [{ date: '2025-12-31', open: 1e4, high: 1e4, low: 1e4, close: 1e4, volume: 1 }]);
    const rest = await executeOk(t.app, Screen, { ...screen, first: 100, after: first.screen.pageInfo.endCursor });
    expect(rest.screen.edges.map((edge) => edge.node.ticker)).toEqual(before.slice(4));
    expect(rest.screen.totalCount).toBe(before.length + 1);
  });
});

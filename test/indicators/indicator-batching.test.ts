// N tickers × K indicators cost a number of SQL statements that does not grow
// with N: one per distinct window for stored indicators, one per distinct
// (interval, to) history for computed ones.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const TICKERS = Array.from({ length: 25 }, (_, i) => `B${i}`);

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TICKERS) await createEtfWithBars(t.db, ticker, '2024-01-01', '2024-12-31');
});
afterAll(() => t.close());

const CHART = `query($tickers: [String!]!) {
  etfsByTicker(tickers: $tickers) {
    ticker
    prices(last: 60) { date close }
    indicators(last: 60) {
      sma(period: 50) { value }
      rsi { value }
      macd { macd signal histogram }
      bollinger { upper lower }
      wma(period: 10) { value }
      stochastic { fastK slowD }
      adx { adx }
    }
    weekly: indicators(interval: WEEKLY, last: 10) { ema(period: 5) { value } }
  }
}`;

async function statementsFor(tickers: string[]) {
  t.statements.length = 0;
  const result = await executeText(t.app, CHART, { tickers });
  expect(result.errors).toBeUndefined();
  const etfs = (result.data as { etfsByTicker: { indicators: { sma: unknown[] } }[] }).etfsByTicker;
  expect(etfs).toHaveLength(tickers.length);
  for (const etf of etfs) expect(etf.indicators.sma).toHaveLength(60);
  return t.statements.length;
}

it('issues as many statements for 25 tickers as for 1', async () => {
  const one = await statementsFor(TICKERS.slice(0, 1));
  const many = await statementsFor(TICKERS);
  // ETFs (1) + prices (1) + stored indicators (1) + daily history (1) + weekly history (1).
  expect(one).toBe(5);
  expect(many).toBe(one);
});

it('reads the stored indicators of all fields in one statement, and only their columns', async () => {
  t.statements.length = 0;
  const result = await executeText(
    t.app,
    `{ etfsByTicker(tickers: ["B1", "B2"]) { indicators(last: 5) { sma(period: 50) { value } macd { histogram } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const reads = t.statements.filter((sql) => sql.includes('/* stored-indicators */'));
  expect(reads).toHaveLength(1);
  const selected = reads[0]?.match(/SELECT e\.id, b\.date::text, et\.stored_indicators_through::text(.*)\n/)?.[1];
  expect(selected).toBe(', b.sma_50, b.macd_12_26, b.macd_12_26_9_signal');
});

// beta reads its benchmark through the same batched history loader as the
// ETFs' own bars: after the one lookup of the benchmark's id, its bars come in
// one more statement per history, whatever the number of ETFs.
const WithBeta = graphql(`
  query IndicatorBatchingWithBeta($tickers: [String!]!) {
    etfsByTicker(tickers: $tickers) {
      ticker
      indicators(last: 60) {
        sma(period: 50) { value }
        aroon { up down }
        kst { value signal }
        volatility(estimator: YANG_ZHANG) { value }
        beta(benchmark: "BM") { alpha beta rSquared }
        againstItself: beta(benchmark: "B0", period: 20) { beta }
      }
      weekly: indicators(interval: WEEKLY, last: 10) {
        beta(benchmark: "bm", period: 10) { beta }
        cti(period: 5) { value }
      }
    }
  }
`);

async function betaStatementsFor(tickers: string[]) {
  t.statements.length = 0;
  const { etfsByTicker: etfs } = await executeOk(t.app, WithBeta, { tickers });
  expect(etfs).toHaveLength(tickers.length);
  // Real regressions, not all-null points: the benchmark's bars did arrive.
  for (const etf of etfs) expect(etf?.indicators.beta.some((point) => point.beta !== null)).toBe(true);
  return [...t.statements];
}

it('issues as many statements for 25 tickers with beta against one benchmark as for 1', async () => {
  await createEtfWithBars(t.db, 'BM', '2023-06-01', '2024-12-31');
  const one = await betaStatementsFor(TICKERS.slice(0, 1));
  const many = await betaStatementsFor(TICKERS);
  // ETFs, stored indicators, the daily and the weekly history of the ETFs, the
  // benchmarks' ids (BM and B0 in one lookup), then the daily and the weekly
  // history of the benchmarks not read yet.
  expect(one).toHaveLength(7);
  expect(many).toHaveLength(one.length);
  expect(many.filter((sql) => sql.includes('/* etfs-by-ticker */'))).toHaveLength(2);

  // The control: the other 24 tickers one request each (B0's request was just
  // answered, and would come from the response cache) cost 24 times the
  // statements, so a count that does not grow is batching, not a counter that
  // misses statements.
  let separate = 0;
  for (const ticker of TICKERS.slice(1)) separate += (await betaStatementsFor([ticker])).length;
  expect(separate).toBe((TICKERS.length - 1) * one.length);
});

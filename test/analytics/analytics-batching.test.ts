// Performance for many ETFs costs a fixed number of SQL statements, whatever
// their number and whether the figures are read from latest_metrics or
// computed for an earlier date; a control shows the count would catch one
// statement per ETF.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { createEtf } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const TICKERS = Array.from({ length: 100 }, (_, i) => `P${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  t = await createTestDatabase();
  const days = tradingDays('2024-10-01', '2025-12-31');
  for (const ticker of TICKERS) {
    await createEtf(t.db, ticker);
    await loadPrices(
      t.db,
      ticker,
      syntheticBars(ticker, days, { start: 50, drift: 0.05, volatility: 0.2, volume: 1e6 }),
    );
  }
}, 180_000);
afterAll(() => t.close());

const Performance = graphql(`
  query BatchPerformance($tickers: [String!]!, $asOf: Date) {
    etfsByTicker(tickers: $tickers) {
      ticker
      performance(asOf: $asOf) { asOf return1M return1Y volatility1Y maxDrawdown1Y sharpe1Y high52W }
      raw: performance(asOf: $asOf, adjusted: false) { return1M }
    }
  }
`);

async function statementsFor(tickers: string[], asOf?: string) {
  t.statements.length = 0;
  const data = await executeOk(t.app, Performance, { tickers, asOf });
  for (const etf of data.etfsByTicker) expect(etf?.performance?.volatility1Y).toEqual(expect.any(Number));
  return t.statements.length;
}

it.each([
  ['read from latest_metrics', undefined],
  ['computed as of an earlier date', '2025-11-14'],
])('performance %s: as many statements for 100 ETFs as for 1', async (_name, asOf) => {
  const one = await statementsFor(TICKERS.slice(0, 1), asOf);
  const hundred = await statementsFor(TICKERS, asOf);
  // etfsByTicker (1) + one per (asOf, adjusted): adjusted and raw (2).
  expect(one).toBe(3);
  expect(hundred).toBe(one);
});

it('would catch an N+1: one asOf per ETF costs one statement per ETF (control)', async () => {
  const fields = TICKERS.slice(0, 5)
    .map((ticker, i) => `e${i}: etf(ticker: "${ticker}") { performance(asOf: "2025-12-1${i}") { return1D } }`)
    .join('\n');
  t.statements.length = 0;
  const result = await executeText(t.app, `{ ${fields} }`);
  expect(result.errors).toBeUndefined();
  // Prisma batches the five findUnique calls into one statement; five dates cost five.
  expect(t.statements.length).toBe(6);
});

// Prices for N tickers must cost the same number of SQL statements for N = 1
// and N = 50: one for the ETFs, one per distinct `prices` window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const TICKERS = Array.from({ length: 50 }, (_, i) => `T${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TICKERS) await createEtfWithBars(t.db, ticker, '2024-10-01', '2024-12-31');
});
afterAll(() => t.close());

const Chart = graphql(`
  query BatchChart($tickers: [String!]!) {
    etfsByTicker(tickers: $tickers) {
      ticker
      prices(last: 20) { date close volume }
      weekly: prices(interval: WEEKLY, last: 4) { date close }
      latestPrice { close }
    }
  }
`);

async function statementsFor(tickers: string[]) {
  t.statements.length = 0;
  const data = await executeOk(t.app, Chart, { tickers });
  expect(data.etfsByTicker).toHaveLength(tickers.length);
  for (const etf of data.etfsByTicker) expect(etf?.prices).toHaveLength(20);
  return t.statements.length;
}

it('issues as many statements for 50 tickers as for 1', async () => {
  const one = await statementsFor(TICKERS.slice(0, 1));
  const fifty = await statementsFor(TICKERS);
  // etfsByTicker (1) + one per distinct window: daily last 20, weekly last 4, latest (3).
  expect(one).toBe(4);
  expect(fifty).toBe(one);
});

it('would catch an N+1: one window per ETF costs one statement per ETF (control)', async () => {
  // Each alias asks for a different window, so no two can share a batch: this is
  // what a resolver that queried per ETF would cost, and the count sees it.
  const fields = TICKERS.slice(0, 5)
    .map((ticker, i) => `e${i}: etf(ticker: "${ticker}") { prices(last: ${i + 1}) { close } }`)
    .join('\n');
  t.statements.length = 0;
  const result = await executeText(t.app, `{ ${fields} }`);
  expect(result.errors).toBeUndefined();
  // Prisma batches the five findUnique calls of one tick into one statement;
  // the five distinct price windows cost five.
  expect(t.statements.length).toBe(6);
});

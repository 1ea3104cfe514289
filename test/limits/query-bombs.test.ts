// No single query takes the server down: bombs are refused while the query is
// parsed, validated or costed, before any SQL runs; what the defaults let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullHistoryBars } from '../../src/limits/query-cost.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { TEN_TICKERS } from '../helpers/ten-etfs.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TEN_TICKERS) {
    await createEtfWithBars(t.db, ticker, '2020-01-01', '2024-12-31');
  }
});
afterAll(() => t.close());

/** Sends a hostile query; checks it was refused with `message` before any SQL ran. */
async function expectRefusedEarly(query: string, message: RegExp, variables?: Record<string, unknown>) {
  t.statements.length = 0;
  const started = performance.now();
  const result = await executeText(t.app, query, variables);
  const elapsed = performance.now() - started;
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(result.data ?? null).toBeNull();
  expect(t.statements).toEqual([]);
  // Refused while parsing and validating: far below what any real work takes.
  expect(elapsed).toBeLessThan(500);
  return result;
}

describe('query bombs', () => {
  it('refuses deep nesting', async () => {
    const deep = `{ etf(ticker: "SPY") { ${'... on Etf { '.repeat(1)}${Array.from({ length: 20 }, () => 'node(id: "x") { ... on Etf { ').join('')} ticker ${'} } '.repeat(20)} } } }`;
    const result = await expectRefusedEarly(deep, /depth/i);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 12 });
  });

  it('refuses 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await expectRefusedEarly(`{ ${aliases} }`, /aliases/i);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 50 });
  });

  it('refuses a huge `last` with the computed cost and the limit', async () => {
    // 100 ETFs × (the longest history there can be + 2 indicator series of 20,000 bars),
    // both of the stored set: read, not computed.
    const cost = 100 * (fullHistoryBars() + 2 * 20_000);
    const result = await expectRefusedEarly(
      'query($t: [String!]!) { etfsByTicker(tickers: $t) { prices(last: 999999999) { close } indicators(last: 20000) { sma(period: 20) { value } ema(period: 12) { value } } } }',
      new RegExp(
        `estimated cost is ${cost} .* above the limit of 100000 for requests without credentials \\(1000000 with`,
      ),
      { t: Array.from({ length: 100 }, (_, i) => `T${i}`) },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost, limit: 100_000 });
  });

  it('gives requests without credentials a tenth of the cost limit', async () => {
    // 20 ETFs × 10,000 bars: 200,000, above the anonymous limit, within a key's.
    const query = 'query($t: [String!]!) { etfsByTicker(tickers: $t) { prices(last: 10000) { close } } }';
    const variables = { t: Array.from({ length: 20 }, (_, i) => `T${i}`) };
    const anonymous = await executeText(t.app, query, variables);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 200_000,
      limit: 100_000,
    });
    const withKey = await executeText(t.app, query, variables, bearer(ADMIN_KEY));
    expect(withKey.errors).toBeUndefined();
  });

  // Reproductions from an outside hostile probe: each once ran out of memory.
  it('costs nodes(ids:) by its ids: 4,000 Etf ids with whole histories are refused', async () => {
    const ids = Array.from({ length: 4000 }, (_, i) => Buffer.from(`Etf:${i + 1}`).toString('base64'));
    const result = await expectRefusedEarly(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Etf { ticker prices { date open high low close volume } } } }',
      /estimated cost/,
      { ids },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('costs list arguments given as default values of variables, as if sent in variables', async () => {
    const tickers = JSON.stringify(Array.from({ length: 100 }, (_, i) => `T${i}`));
    const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: etfsByTicker(tickers: $t) { prices { close } }`);
    const result = await expectRefusedEarly(
      `query($t: [String!]! = ${tickers}) { ${aliases.join(' ')} }`,
      /estimated cost/,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('costs a window without last or from at the longest history there can be (back to 1900)', async () => {
    const tickers = Array.from({ length: 25 }, (_, i) => `T${i}`);
    const result = await expectRefusedEarly(
      'query($t: [String!]!) { etfsByTicker(tickers: $t) { prices { close } } }',
      /estimated cost/,
      { t: tickers },
    );
    expect(result.errors?.[0]?.extensions?.cost).toBe(25 * fullHistoryBars());
    // The same with a window of a few years is fine.
    const windowed = await executeText(
      t.app,
      'query($t: [String!]!, $from: Date) { etfsByTicker(tickers: $t) { prices(from: $from) { close } } }',
      { t: tickers, from: '2022-01-01' },
    );
    expect(windowed.errors).toBeUndefined();
  });

  it('costs what the fields declare: bars per list, indicators per bar, nothing for __typename', async () => {
    const costOf = async (query: string) => {
      const result = await executeText(t.app, query);
      return result.errors?.[0]?.extensions?.cost;
    };
    const tickers = JSON.stringify(Array.from({ length: 100 }, (_, i) => `T${i}`));
    // 100 ETFs × 2,000 bars, whatever else each selection set holds.
    expect(
      await costOf(
        `{ etfsByTicker(tickers: ${tickers}) { __typename ticker prices(last: 2000) { __typename close } } }`,
      ),
    ).toBe(200_000);
    expect(await costOf(`{ etfsByTicker(tickers: ${tickers}) { series(last: 2000) { dates close volume } } }`)).toBe(
      200_000,
    );
    // Three lists per bar: two indicators (stored: nothing computed) and the columns' dates.
    expect(
      await costOf(
        `{ etfsByTicker(tickers: ${tickers}) { indicators(last: 2000) { __typename sma(period: 20) { value } columns { dates rsi(period: 14) { value } } } } }`,
      ),
    ).toBe(600_000);
    // A fragment spread twice is costed twice; weekly bars of 7,000 days are 1,001.
    expect(
      await costOf(
        `query { etfsByTicker(tickers: ${tickers}) { ...p ...p } } fragment p on Etf { prices(from: "2000-01-01", to: "2019-02-28", interval: WEEKLY) { close } }`,
      ),
    ).toBe(200 * Math.ceil((Date.parse('2019-02-28') - Date.parse('2000-01-01')) / 86_400_000 / 7 + 1));
  });

  it('refuses 10,000 tickers', async () => {
    const result = await expectRefusedEarly(
      'query($t: [String!]!) { etfsByTicker(tickers: $t) { ticker } }',
      /asks for 10000 tickers at once; the limit is 100/,
      { t: Array.from({ length: 10_000 }, (_, i) => `T${i}`) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
  });

  it('refuses a query of a million tokens', async () => {
    await expectRefusedEarly(`{ etf(ticker: "SPY") { ${'ticker '.repeat(20_000)} } }`, /token/i);
  });
});

describe('what the defaults let through', () => {
  it('a 10-ticker, 5-year daily chart with five indicators', async () => {
    const result = await executeText(
      t.app,
      `query($t: [String!]!) { etfsByTicker(tickers: $t) {
        prices(last: 1260) { date close volume }
        indicators(last: 1260) { sma(period: 50) { value } ema(period: 20) { value } rsi { value } macd { macd } bollinger { upper } }
      } }`,
      { t: ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK'] },
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { etfsByTicker: { prices: unknown[] }[] }).etfsByTicker[0]?.prices).toHaveLength(1260);
  });

  it("GraphiQL's introspection query", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await executeText(t.app, getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
  });
});

// No single query or client takes the server down: bombs are refused while the
// query is parsed, validated or costed, before any SQL runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { fullHistoryBars } from '../src/limits/query-cost.js';
import { createApp } from '../src/yoga.js';
import { createUser, signIn } from './accounts.js';
import { createEtfWithBars } from './fixtures.js';
import { bearer, executeText } from './graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from './test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK']) {
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
    // 100 ETFs × (the longest history there can be + 2 indicator series of 20,000 bars).
    const cost = 100 * (fullHistoryBars() + 2 * 20_000);
    const result = await expectRefusedEarly(
      'query($t: [String!]!) { etfsByTicker(tickers: $t) { prices(last: 999999999) { close } indicators(last: 20000) { sma(period: 5) { value } ema(period: 5) { value } } } }',
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
    // Three lists per bar: two indicators and the columns' dates.
    expect(
      await costOf(
        `{ etfsByTicker(tickers: ${tickers}) { indicators(last: 2000) { __typename sma(period: 5) { value } columns { dates rsi(period: 14) { value } } } } }`,
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

describe('configurable limits', () => {
  it('rate-limits a caller with a retry-after hint, per key and per address', async () => {
    const limited = await createTestDatabase({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' } });
    try {
      const send = (headers: Record<string, string> = {}, address = '10.1.1.1') =>
        limited.app.fetch(
          'http://etfql.test/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: '{"query":"{ me { id } }"}',
          },
          { req: { socket: { remoteAddress: address } } },
        );
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await send();
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }],
      });
      // Another address, or a valid key, has a bucket of its own.
      expect((await send({}, '10.2.2.2')).status).toBe(200);
      expect((await send(bearer(ADMIN_KEY))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('keys buckets by the principal a credential proves, never by the header text', async () => {
    const limited = await createTestDatabase({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' } });
    try {
      const send = (authorization: string, address: string) =>
        limited.app.fetch(
          'http://etfql.test/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: '{"query":"{ etfs(first: 1) { edges { cursor } } }"}',
          },
          { req: { socket: { remoteAddress: address } } },
        );
      // Junk tokens count against the address they come from, not a bucket each.
      const junk = [];
      for (let i = 0; i < 5; i++) junk.push((await send(`Bearer junk-${i}`, '10.3.3.3')).status);
      expect(junk.slice(3)).toEqual([429, 429]);
      // One key spelled three ways is one caller, from any address.
      const spellings = [`Bearer ${ADMIN_KEY}`, `Bearer  ${ADMIN_KEY} `, `bearer ${ADMIN_KEY}`, `Bearer ${ADMIN_KEY}`];
      const statuses = [];
      for (const [i, header] of spellings.entries()) statuses.push((await send(header, `10.4.4.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('serves GraphQL on /graphql only: no other spelling skips the gate', async () => {
    for (const path of ['/graphql/', '//graphql', '/graphql//', '///graphql/']) {
      const response = await t.app.fetch(`http://etfql.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(response.status, path).toBe(404);
    }
  });

  it('has one body limit, MAX_BODY_BYTES: 26 MB (past a framework default of 25) is taken at 32 MiB', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(26_000_000)}` });
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body over MAX_BODY_BYTES before reading it', async () => {
    const small = await createTestDatabase({ env: { MAX_BODY_BYTES: '2048' } });
    try {
      const body = JSON.stringify({ query: `{ etf(ticker: "SPY") { ticker } } # ${'x'.repeat(4000)}` });
      const response = await small.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        body,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2048 } }],
      });
    } finally {
      await small.close();
    }
  });

  it('turns introspection off with INTROSPECTION=false', async () => {
    const closed = await createTestDatabase({ env: { INTROSPECTION: 'false' } });
    try {
      const result = await executeText(closed.app, '{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await closed.close();
    }
  });

  it('makes reads need a sign-in with PUBLIC_READ=false', async () => {
    const privateApp = await createTestDatabase({ env: { PUBLIC_READ: 'false' } });
    try {
      await createUser(privateApp.db, 'reader@example.com');
      const query = '{ etfsByTicker(tickers: ["SPY"]) { ticker } }';
      const anonymous = await executeText(privateApp.app, query);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const token = await signIn(privateApp.app, 'reader@example.com');
      expect((await executeText(privateApp.app, query, undefined, bearer(token))).data).toEqual({
        etfsByTicker: [null],
      });
    } finally {
      await privateApp.close();
    }
  });
});

it('masks unexpected errors: no SQL, stack or internal message reaches the client', async () => {
  const broken = await createTestDatabase();
  await broken.db.pool.query('DROP TABLE daily_price CASCADE');
  try {
    const response = await broken.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ etfsByTicker(tickers: ["SPY"]) { ticker } etfs { edges { node { prices(last: 1) { close } } } } }',
      }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/daily_price|relation|SELECT|at .*\.ts/);
    await broken.db.prisma.etf.create({ data: { ticker: 'X', name: 'X' } });
    const failing = await executeText(broken.app, '{ etf(ticker: "X") { prices(last: 1) { close } } }');
    expect(failing.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(failing)).not.toMatch(/daily_price|does not exist/);
  } finally {
    await broken.close();
  }
});

describe('the response ceiling', () => {
  const small = () =>
    createApp({
      db: t.db,
      config: loadConfig({
        MAX_RESPONSE_VALUES_ANONYMOUS: '2000',
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      }),
    });

  it.each([
    ['prices', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 600) { date close } } }'],
    ['series', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { series(last: 600) { dates close } } }'],
    ['stored indicators', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { rsi { value } } } }'],
    [
      'computed indicators',
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { wma(period: 3) { value } } } }',
    ],
    [
      'indicator columns',
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { columns { dates rsi { value } } } } }',
    ],
  ])('aborts a response past it (%s): one error, no partial data', async (_name, query) => {
    // 2 ETFs × 600 bars × 2 values = 2,400 > 2,000, though the estimate (1,200) passes.
    const result = await executeText(small(), query);
    expect(result).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: 2000 } })],
    });
  });

  it('answers one within it', async () => {
    const result = await executeText(
      small(),
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 400) { date close } } }',
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('the read ceiling of indicators computed on demand', () => {
  // Each of the ten ETFs holds 1,305 bars. A computed indicator reads whole
  // histories however short its window: 3 × 1,305 = 3,915 bars read for a
  // response of 30 points, whose estimate (30) passes any limit.
  const app = () =>
    createApp({
      db: t.db,
      config: loadConfig({
        MAX_QUERY_COST_ANONYMOUS: '3000',
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      }),
    });
  const query = (tickers: string[]) =>
    `{ etfsByTicker(tickers: ${JSON.stringify(tickers)}) { ticker indicators(last: 10) { wma(period: 3) { value } sma(period: 7) { value } } } }`;

  it('refuses a request past it, whole, having read at most the limit and one row', async () => {
    const result = await executeText(app(), query(['SPY', 'QQQ', 'IWM']));
    expect(result).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 3000 } })],
    });
    expect(result.errors?.[0]?.message).toMatch(/would read more than 3000 bars of history/);
  });

  it('answers one within it, and the general limit applies with a credential', async () => {
    const within = await executeText(app(), query(['SPY', 'QQQ']));
    expect(within.errors).toBeUndefined();
    expect(within.data?.etfsByTicker).toHaveLength(2);
    const keyed = await executeText(app(), query(['SPY', 'QQQ', 'IWM']), undefined, bearer(ADMIN_KEY));
    expect(keyed.errors).toBeUndefined();
  });

  it('counts every history read of a request: two intervals of 2 ETFs pass alone, not together', async () => {
    const both = `{ etfsByTicker(tickers: ["SPY", "QQQ"]) { d: indicators(last: 10) { wma(period: 3) { value } } w: indicators(last: 10, interval: WEEKLY) { wma(period: 3) { value } } a: indicators(last: 10, adjusted: true) { wma(period: 3) { value } } } }`;
    const result = await executeText(app(), both);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});

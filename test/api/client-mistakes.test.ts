// Mistakes a client can make get a clear, coded answer, never
// INTERNAL_SERVER_ERROR, and change nothing. Each case is a reproduction from
// an outside probe of the API, tried as a hostile client would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'AAA');
});
afterAll(() => t.close());

const codes = (result: Awaited<ReturnType<typeof executeText>>) =>
  (result.errors ?? []).map((error) => error.extensions?.code);

describe('a NUL character in a string', () => {
  it.each([
    ['a variable', 'query($s: String) { etfs(search: $s) { edges { cursor } } }', { s: 'a\u0000b' }],
    ['a literal', '{ etf(ticker: "A\u0000") { ticker } }', undefined],
    ['an escaped literal', '{ etfs(search: "a\\u0000b") { edges { cursor } } }', undefined],
    ['a mutation input', 'mutation { upsertEtf(input: { ticker: "BBB", name: "x\\u0000y" }) { ticker } }', undefined],
  ])('in %s is BAD_USER_INPUT, and nothing changes', async (_name, query, variables) => {
    const before = await snapshot(t.db);
    const result = await executeText(t.app, query, variables, bearer(ADMIN_KEY));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/NUL/);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('node ids and cursors', () => {
  const id = (text: string) => Buffer.from(text).toString('base64');

  it.each([
    ['an unknown ETF', id('Etf:999999')],
    ['an ETF id that is no number', id('Etf:abc')],
    ['an ETF id too large for an int', id('Etf:99999999999999')],
  ])('node(id:) of %s is null', async (_name, nodeId) => {
    expect(await executeText(t.app, `{ node(id: "${nodeId}") { id } }`)).toEqual({ data: { node: null } });
  });

  it.each([
    ['a malformed id', '{ node(id: "garbage") { id } }'],
    ['an unknown type', `{ node(id: "${id('Nope:1')}") { id } }`],
    ['a forged cursor', '{ etfs(after: "forged") { edges { cursor } } }'],
  ])('%s is BAD_USER_INPUT', async (_name, query) => {
    expect(codes(await executeText(t.app, query))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('races the database decides', () => {
  it('20 concurrent follows of one ticker all succeed, and follow it once', async () => {
    await createUser(t.db, 'racer@example.com');
    const token = bearer(await signIn(t.app, 'racer@example.com'));
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        executeText(t.app, 'mutation { follow(ticker: "AAA") { etf { ticker } } }', undefined, token),
      ),
    );
    expect(results.flatMap(codes)).toEqual([]);
    const count = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM watchlist_entry w JOIN app_user u ON u.id = w.user_id WHERE u.email = 'racer@example.com'`,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it('20 concurrent createUser with one email: one account, the others a clear error', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        executeText(
          t.app,
          'mutation { createUser(input: { email: "same@example.com", name: "Same", password: "correct horse battery" }) { id } }',
          undefined,
          bearer(ADMIN_KEY),
        ),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) {
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toMatch(/email: is already registered/);
    }
  });
});

describe('variables', () => {
  it('takes the default of a non-null variable that is not sent', async () => {
    const result = await executeText(
      t.app,
      'query($n: Int! = 2, $t: [String!]! = ["AAA"]) { etfsByTicker(tickers: $t) { prices(last: $n) { date } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.etfsByTicker).toHaveLength(1);
  });
});

describe('values out of any sane range', () => {
  const load = (close: string) =>
    executeText(
      t.app,
      `mutation { loadPrices(ticker: "AAA", bars: [{ date: "2024-01-02", open: 1, high: ${close}, low: 1, close: ${close}, volume: 1 }]) { inserted } }`,
      undefined,
      bearer(ADMIN_KEY),
    );

  it('refuses a price above 1e9 (sums over it would overflow), and loads nothing', async () => {
    const before = await snapshot(t.db);
    const result = await load('1e308');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/close: must be at most 1e\+9/);
    expect(await snapshot(t.db)).toEqual(before);
    expect(codes(await load('123.45'))).toEqual([]);
  });

  it.each([
    [
      'a split',
      'mutation { recordSplit(ticker: "AAA", date: "2099-01-02", ratio: 2) { ratio } }',
      /date: 2099-01-02 is in the future/,
    ],
    [
      'a dividend',
      'mutation { recordDividend(ticker: "AAA", exDate: "2099-01-02", amount: 0.1) { amount } }',
      /exDate: 2099-01-02 is in the future/,
    ],
  ])('refuses %s dated in the future, as bars are', async (_name, mutation, message) => {
    const before = await snapshot(t.db);
    const result = await executeText(t.app, mutation, undefined, bearer(ADMIN_KEY));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('names an infinite argument for what it is', async () => {
    const result = await executeText(
      t.app,
      '{ etf(ticker: "AAA") { indicators { bollinger(stdDev: 1e999) { upper } } } }',
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/stdDev: must be a finite number/);
  });

  it('caps the tickers of a subscription as of a query', async () => {
    const tickers = JSON.stringify(Array.from({ length: 101 }, (_, i) => `T${i}`));
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: `subscription { pricesUpdated(tickers: ${tickers}) { ticker } }` }),
    });
    const body = await response.text();
    expect(body).toContain('QUERY_TOO_LARGE');
    expect(body).toContain('asks for 101 tickers at once; the limit is 100');
  });

  it('names the malformed ticker of a subscription by its place in the list, as queries do', async () => {
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { pricesUpdated(tickers: ["SPY", "B B"]) { ticker } }' }),
    });
    const body = await response.text();
    expect(body).toContain('BAD_USER_INPUT');
    expect(body).toContain('tickers[1]: may contain only letters, digits');
  });
});

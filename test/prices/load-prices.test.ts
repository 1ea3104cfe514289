import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKeySecret, hashSecret, visiblePrefix } from '../../src/auth/api-keys.js';
import { graphql } from '../gql/index.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { bearer, execute, executeOk, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let editorKey: string;
let viewerKey: string;

async function createKey(role: 'EDITOR' | 'VIEWER', extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const secret = generateApiKeySecret();
  await t.db.prisma.apiKey.create({
    data: { name: `${role} test key`, prefix: visiblePrefix(secret), hash: hashSecret(secret), role, ...extra },
  });
  return secret;
}

beforeAll(async () => {
  t = await createTestDatabase();
  editorKey = await createKey('EDITOR');
  viewerKey = await createKey('VIEWER');
});
afterAll(() => t.close());

const LoadPrices = graphql(`
  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {
    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }
  }
`);

const bar = (date: string, close = 100, extra: Record<string, number> = {}) => ({
  date,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1000,
  ...extra,
});

describe('loadPrices', () => {
  beforeEach(async () => {
    await t.db.pool.query('TRUNCATE etf CASCADE');
    await createEtf(t.db, 'LOAD');
  });

  it('inserts, then updates only what changed, then reports an identical reload as unchanged', async () => {
    const first = await executeOk(
      t.app,
      LoadPrices,
      { ticker: 'load', bars: [bar('2024-01-02'), bar('2024-01-03')] },
      bearer(editorKey),
    );
    expect(first.loadPrices).toEqual({ ticker: 'LOAD', inserted: 2, updated: 0, unchanged: 0 });

    const second = await executeOk(
      t.app,
      LoadPrices,
      { ticker: 'LOAD', bars: [bar('2024-01-02'), bar('2024-01-03', 101), bar('2024-01-04')] },
      bearer(editorKey),
    );
    expect(second.loadPrices).toEqual({ ticker: 'LOAD', inserted: 1, updated: 1, unchanged: 1 });

    const rows = await t.db.pool.query('SELECT date::text, close FROM daily_price ORDER BY date');
    expect(rows.rows).toEqual([
      { date: '2024-01-02', close: 100 },
      { date: '2024-01-03', close: 101 },
      { date: '2024-01-04', close: 100 },
    ]);
  });

  it('stores volumes above 2^31 exactly', async () => {
    const volume = 2 ** 31 + 12_345;
    await executeOk(
      t.app,
      LoadPrices,
      { ticker: 'LOAD', bars: [bar('2024-01-02', 100, { volume })] },
      bearer(ADMIN_KEY),
    );
    const data = await executeOk(t.app, graphql(`query BigVolume { etf(ticker: "LOAD") { prices { volume } } }`));
    expect(data.etf?.prices[0]?.volume).toBe(volume);
  });

  it('accepts an empty list as a no-op', async () => {
    const data = await executeOk(t.app, LoadPrices, { ticker: 'LOAD', bars: [] }, bearer(editorKey));
    expect(data.loadPrices).toEqual({ ticker: 'LOAD', inserted: 0, updated: 0, unchanged: 0 });
  });

  describe('rejects bad input with every problem named, and writes nothing', () => {
    beforeEach(async () => {
      await executeOk(t.app, LoadPrices, { ticker: 'LOAD', bars: [bar('2024-01-02')] }, bearer(editorKey));
    });

    const cases: Array<[string, { ticker?: string; bars: unknown[] }, RegExp | string]> = [
      ['an unknown ticker', { ticker: 'NOPE', bars: [bar('2024-01-03')] }, /No ETF with ticker NOPE/],
      ['an empty ticker', { ticker: '', bars: [bar('2024-01-03')] }, 'ticker: must not be empty'],
      ['an over-long ticker', { ticker: 'ABCDEFGHIJKLMNOPQ', bars: [bar('2024-01-03')] }, 'ticker: must be at most 16'],
      [
        'high below low',
        { bars: [bar('2024-01-03'), bar('2024-01-04', 100, { high: 98 })] },
        'bars[1].high: below low',
      ],
      [
        'high below open',
        { bars: [bar('2024-01-03', 100, { open: 102, high: 101 })] },
        'bars[0].high: below open or close',
      ],
      ['low above close', { bars: [bar('2024-01-03', 100, { low: 100.5 })] }, 'bars[0].low: above open or close'],
      ['a negative price', { bars: [bar('2024-01-03', 100, { low: -1 })] }, 'bars[0].low: must be positive'],
      ['a zero price', { bars: [bar('2024-01-03', 100, { open: 0 })] }, 'bars[0].open: must be positive'],
      ['a negative volume', { bars: [bar('2024-01-03', 100, { volume: -5 })] }, 'bars[0].volume: must not be negative'],
      [
        'a fractional volume',
        { bars: [bar('2024-01-03', 100, { volume: 1.5 })] },
        'bars[0].volume: must be a whole number',
      ],
      [
        'duplicate dates',
        { bars: [bar('2024-01-03'), bar('2024-01-04'), bar('2024-01-03')] },
        'bars[2].date: duplicates bars[0]',
      ],
      ['a future date', { bars: [bar('2999-01-01')] }, 'bars[0].date: is in the future'],
      ['an ancient date', { bars: [bar('1800-01-01')] }, 'bars[0].date: is before 1900-01-01'],
      ['a malformed date', { bars: [bar('2024-02-30')] }, /Date cannot represent an invalid date-string/],
      [
        'a number as text',
        { bars: [{ ...bar('2024-01-03'), close: '100' }] },
        /Float cannot represent non numeric value/,
      ],
      [
        'a missing field',
        { bars: [{ date: '2024-01-03', open: 1, high: 1, low: 1, volume: 1 }] },
        /Field "close" of required type "Float!" was not provided/,
      ],
    ];

    it.each(cases)('%s', async (_name, input, message) => {
      const before = await snapshot(t.db);
      const result = await executeText(
        t.app,
        'mutation($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }',
        { ticker: input.ticker ?? 'LOAD', bars: input.bars },
        bearer(editorKey),
      );
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('non-finite numbers never reach the resolver (JSON cannot carry them; 1e999 parses to Infinity)', async () => {
      const before = await snapshot(t.db);
      const response = await t.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(editorKey) },
        body: `{"query":"mutation($b: [PriceBarInput!]!) { loadPrices(ticker: \\"LOAD\\", bars: $b) { inserted } }","variables":{"b":[{"date":"2024-01-03","open":1e999,"high":1e999,"low":1,"close":1,"volume":1}]}}`,
      });
      const result = (await response.json()) as { errors?: { message: string }[] };
      expect(result.errors?.[0]?.message).toMatch(/Float cannot represent non numeric value: Infinity/);
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('lists every bad bar of a call at once', async () => {
      const result = await execute(
        t.app,
        LoadPrices,
        {
          ticker: 'LOAD',
          bars: [bar('2024-01-03', 100, { high: 1 }), bar('2024-01-04'), bar('2024-01-05', 100, { volume: -1 })],
        },
        bearer(editorKey),
      );
      const problems = result.errors?.[0]?.extensions?.problems as { path: string }[];
      expect(problems.map((problem) => problem.path)).toEqual(['bars[0].high', 'bars[2].volume']);
    });

    it('writes nothing when the database rejects part of a batch', async () => {
      const before = await snapshot(t.db);
      // A bar that passes validation but not the database: volume above int8.
      const result = await execute(
        t.app,
        LoadPrices,
        { ticker: 'LOAD', bars: [bar('2024-01-05'), bar('2024-01-06', 100, { volume: 2 ** 63 })] },
        bearer(editorKey),
      );
      expect(result.errors?.length).toBe(1);
      expect(await snapshot(t.db)).toEqual(before);
    });
  });
});

describe('authentication of mutations', () => {
  const attempt = (headers: Record<string, string>) =>
    execute(t.app, LoadPrices, { ticker: 'LOAD', bars: [bar('2024-02-01')] }, headers);

  beforeAll(async () => {
    await t.db.pool.query('TRUNCATE etf CASCADE');
    await createEtf(t.db, 'LOAD');
  });

  it.each([
    ['no key', {}, 'UNAUTHENTICATED'],
    ['a key that does not exist', bearer('etfql_not-a-real-key'), 'UNAUTHENTICATED'],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }, 'UNAUTHENTICATED'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'UNAUTHENTICATED'],
  ])('refuses %s and changes nothing', async (_name, headers, code) => {
    const before = await snapshot(t.db);
    const result = await attempt(headers);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a VIEWER key with FORBIDDEN', async () => {
    const result = await attempt(bearer(viewerKey));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses revoked and expired keys', async () => {
    const revoked = await createKey('EDITOR', { revokedAt: new Date() });
    const expired = await createKey('EDITOR', { expiresAt: new Date(Date.now() - 1000) });
    expect((await attempt(bearer(revoked))).errors?.[0]?.message).toMatch(/revoked/);
    expect((await attempt(bearer(expired))).errors?.[0]?.message).toMatch(/expired/);
    expect(await t.db.pool.query('SELECT count(*)::int AS n FROM daily_price')).toMatchObject({ rows: [{ n: 0 }] });
  });

  it('lets reads through without a key', async () => {
    const result = await executeText(t.app, '{ etf(ticker: "LOAD") { ticker } }');
    expect(result).toEqual({ data: { etf: { ticker: 'LOAD' } } });
  });

  it('never echoes the key in an error', async () => {
    const secret = 'etfql_super-secret-value-123';
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(secret) },
      body: JSON.stringify({ query: 'mutation { loadPrices(ticker: "LOAD", bars: []) { inserted } }' }),
    });
    expect(await response.text()).not.toContain('super-secret');
  });
});

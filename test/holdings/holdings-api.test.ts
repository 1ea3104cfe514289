// The holdings API against calculations written here from the positions the
// test stores: pages of Etf.holdings, exposure (plain and seen through a fund
// of funds, and a cycle), overlap (Σ of the smaller weight), holders by any
// identifier, linking across files, look-through of a portfolio and of a
// watchlist, and every argument refused with its path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/transaction.js';
import type { Position } from '../../src/holdings/position.js';
import { writeSnapshot } from '../../src/holdings/write-snapshot.js';
import type { HoldingsQuery } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, execute, executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

type Spec = Partial<Position> & { name: string; weight: number };
const position = (spec: Spec, line: number): Position => ({
  line,
  ticker: null,
  cusip: null,
  isin: null,
  assetCategory: 'EC',
  assetClass: 'EQUITY',
  sector: null,
  country: 'US',
  currency: 'USD',
  shares: null,
  units: 'NS',
  marketValue: null,
  payoff: 'LONG',
  ...spec,
});

// Real identifiers (their check digits hold).
const APPLE = { name: 'Apple Inc', ticker: 'AAPL', cusip: '037833100', isin: 'US0378331005' };
const MICROSOFT = { name: 'Microsoft Corp', ticker: 'MSFT', cusip: '594918104', isin: 'US5949181045' };
const NVIDIA = { name: 'NVIDIA Corp', ticker: 'NVDA', cusip: '67066G104', isin: 'US67066G1040' };
const JPMORGAN = { name: 'JPMorgan Chase & Co', ticker: 'JPM', cusip: '46625H100', isin: 'US46625H1005' };
const EXXON = { name: 'Exxon Mobil Corp', ticker: 'XOM', cusip: '30231G102', isin: 'US30231G1022' };
const TOYOTA = { name: 'Toyota Motor Corp', ticker: '7203.JP', isin: 'JP3633400001', country: 'JP', currency: 'JPY' };

/** Every snapshot written, as the test knows it: ticker → date → positions. */
const written = new Map<string, Map<string, Position[]>>();

async function hold(ticker: string, asOf: string, specs: Spec[]) {
  const positions = specs.map(position);
  const { rows } = await t.db.pool.query<{ id: number }>('SELECT id FROM etf WHERE ticker = $1', [ticker]);
  await withTransaction(t.db.pool, (client) =>
    writeSnapshot(client, {
      etfId: (rows[0] as { id: number }).id,
      ticker,
      asOf,
      source: 'ISSUER_CSV',
      fileName: `${ticker}.csv`,
      netAssets: null,
      positions,
    }),
  );
  const dates = written.get(ticker) ?? new Map<string, Position[]>();
  dates.set(asOf, positions);
  written.set(ticker, dates);
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['BIG', 'TECH', 'WORLD', 'MIX', 'LOOPA', 'LOOPB', 'EMPTY']) await createEtf(t.db, ticker);
  // BIG knows Apple only by ticker (an issuer's file); TECH by all three identifiers.
  await hold('BIG', '2025-06-30', [
    { name: 'APPLE INC', ticker: 'AAPL', weight: 7, sector: 'Information Technology' },
    { ...MICROSOFT, weight: 6, sector: 'Information Technology' },
    { ...JPMORGAN, weight: 3, sector: 'Financials' },
    { ...EXXON, weight: 2, sector: 'Energy' },
    { name: 'OTHER LARGE CAPS', weight: 81.5, sector: 'Other' },
    { name: 'USD CASH', weight: 0.5, assetClass: 'CASH', assetCategory: 'Cash', sector: null },
  ]);
  await hold('BIG', '2025-12-31', [
    { name: 'APPLE INC', ticker: 'AAPL', weight: 7.5, sector: 'Information Technology' },
    { ...MICROSOFT, weight: 6.5, sector: 'Information Technology' },
    { ...NVIDIA, weight: 6, sector: 'Information Technology' },
    { ...JPMORGAN, weight: 3, sector: 'Financials' },
    { ...EXXON, weight: 2, sector: 'Energy' },
    { name: 'OTHER LARGE CAPS', weight: 74.5, sector: 'Other' },
    { name: 'USD CASH', weight: 0.5, assetClass: 'CASH', assetCategory: 'Cash', sector: null },
  ]);
  await hold('TECH', '2025-12-31', [
    { ...APPLE, weight: 22, sector: 'Information Technology' },
    { ...MICROSOFT, weight: 21, sector: 'Information Technology' },
    { ...NVIDIA, weight: 20, sector: 'Information Technology' },
    { name: 'OTHER TECH', ticker: 'ZZTECH', weight: 37, sector: 'Information Technology' },
  ]);
  await hold('WORLD', '2025-12-31', [
    { ...TOYOTA, weight: 40, sector: 'Consumer Discretionary' },
    { ...APPLE, weight: 35, sector: 'Information Technology' },
    { name: 'EUROPE BASKET', weight: 25, country: 'FR', currency: 'EUR', sector: 'Industrials' },
  ]);
  // A fund of funds: 60 % BIG, 30 % WORLD, 10 % cash.
  await hold('MIX', '2025-12-31', [
    { name: 'Big Fund', ticker: 'BIG', weight: 60, assetClass: 'FUND', assetCategory: 'RF' },
    { name: 'World Fund', ticker: 'WORLD', weight: 30, assetClass: 'FUND', assetCategory: 'RF' },
    { name: 'USD CASH', weight: 10, assetClass: 'CASH', assetCategory: 'Cash' },
  ]);
  // Two funds that hold each other: look-through must stop.
  await hold('LOOPA', '2025-12-31', [
    { name: 'Loop B', ticker: 'LOOPB', weight: 50, assetClass: 'FUND' },
    { ...APPLE, weight: 50, sector: 'Information Technology' },
  ]);
  await hold('LOOPB', '2025-12-31', [
    { name: 'Loop A', ticker: 'LOOPA', weight: 50, assetClass: 'FUND' },
    { ...EXXON, weight: 50, sector: 'Energy' },
  ]);
}, 60_000);
afterAll(() => t.close());

const latest = (ticker: string) => {
  const dates = written.get(ticker) as Map<string, Position[]>;
  return dates.get([...dates.keys()].sort().at(-1) as string) as Position[];
};
const byWeight = (positions: Position[]) => [...positions].sort((a, b) => b.weight - a.weight);

const Holdings = graphql(`
  query Holdings($ticker: String!, $asOf: Date, $first: Int, $after: String) {
    etf(ticker: $ticker) {
      holdingsAsOf(asOf: $asOf)
      holdings(asOf: $asOf, first: $first, after: $after) {
        totalCount
        totalWeight
        asOf
        pageInfo { hasNextPage endCursor }
        edges { cursor node { position name ticker cusip isin weight sector country assetClass security { name ticker isin cusip } etf { ticker } } }
      }
    }
  }
`);

describe('Etf.holdings', () => {
  it('pages the latest snapshot, largest weight first, every position once', async () => {
    const expected = byWeight(latest('BIG'));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: HoldingsQuery = await executeOk(t.app, Holdings, { ticker: 'BIG', first: 3, after });
      const holdings = data.etf?.holdings;
      expect(holdings?.totalCount).toBe(expected.length);
      expect(holdings?.asOf).toBe('2025-12-31');
      expect(data.etf?.holdingsAsOf).toBe('2025-12-31');
      expect(holdings?.totalWeight).toBeCloseTo(100, 9);
      for (const edge of holdings?.edges ?? [])
        seen.push(`${edge.node.position}:${edge.node.name}:${edge.node.weight}`);
      if (!holdings?.pageInfo.hasNextPage) break;
      after = holdings.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(expected.map((p, i) => `${i + 1}:${p.name}:${p.weight}`));
  });

  it('answers as of a date with the snapshot on or before it, and empty before the first', async () => {
    const mid = await executeOk(t.app, Holdings, { ticker: 'BIG', asOf: '2025-09-15', first: 50 });
    expect(mid.etf?.holdings.asOf).toBe('2025-06-30');
    expect(mid.etf?.holdings.edges.map((edge) => edge.node.name)).toEqual(
      byWeight(written.get('BIG')?.get('2025-06-30') as Position[]).map((p) => p.name),
    );
    const before = await executeOk(t.app, Holdings, { ticker: 'BIG', asOf: '2024-01-01' });
    expect(before.etf?.holdings).toMatchObject({ totalCount: 0, asOf: null, edges: [] });
    expect(before.etf?.holdingsAsOf).toBeNull();
    const none = await executeOk(t.app, Holdings, { ticker: 'EMPTY' });
    expect(none.etf?.holdings.totalCount).toBe(0);
  });

  it('links a position known only by ticker to the security other files name by ISIN and CUSIP', async () => {
    const data = await executeOk(t.app, Holdings, { ticker: 'BIG', first: 10 });
    const apple = data.etf?.holdings.edges.find((edge) => edge.node.name === 'APPLE INC')?.node;
    expect(apple).toMatchObject({ name: 'APPLE INC', ticker: 'AAPL', isin: APPLE.isin, cusip: APPLE.cusip });
    expect(apple?.security).toMatchObject({ ticker: 'AAPL', isin: APPLE.isin, cusip: APPLE.cusip });
  });

  it('links a holding that is an ETF of the database to it', async () => {
    const data = await executeOk(t.app, Holdings, { ticker: 'MIX' });
    expect(data.etf?.holdings.edges.map((edge) => edge.node.etf?.ticker ?? null)).toEqual(['BIG', 'WORLD', null]);
    expect(data.etf?.holdings.edges[0]?.node.assetClass).toBe('FUND');
  });

  it('refuses a page size out of range and a cursor of another snapshot', async () => {
    const big = await execute(t.app, Holdings, { ticker: 'BIG', first: 501 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const zero = await execute(t.app, Holdings, { ticker: 'BIG', first: 0 });
    expect(zero.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'first', message: 'must be from 1 to 500, got 0' },
    ]);
    const old = await executeOk(t.app, Holdings, { ticker: 'BIG', asOf: '2025-07-01', first: 1 });
    const stale = await execute(t.app, Holdings, {
      ticker: 'BIG',
      first: 1,
      after: old.etf?.holdings.pageInfo.endCursor,
    });
    expect(JSON.stringify(stale.errors)).toMatch(/replaced since: start from the first page/);
    const garbage = await execute(t.app, Holdings, { ticker: 'BIG', after: 'bm90IGEgY3Vyc29y' });
    expect(JSON.stringify(garbage.errors)).toMatch(/is not a cursor of a holdings page/);
  });
});

/** Weights per key, computed here from what was stored (null: not given). */
function groupBy(positions: Position[], key: (p: Position) => string | null, scale = 1): Map<string | null, number> {
  const groups = new Map<string | null, number>();
  for (const p of positions) groups.set(key(p), (groups.get(key(p)) ?? 0) + p.weight * scale);
  return groups;
}
const asMap = (slices: readonly { key: string | null; weight: number }[]) =>
  new Map(slices.map((slice) => [slice.key, slice.weight]));
function expectSameWeights(actual: Map<string | null, number>, expected: Map<string | null, number>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, weight] of expected) expect(actual.get(key)).toBeCloseTo(weight, 9);
}

const Exposure = graphql(`
  query Exposure($ticker: String!, $by: ExposureKey!, $lookThrough: Boolean) {
    etf(ticker: $ticker) { exposure(by: $by, lookThrough: $lookThrough) { key label weight holdings } }
  }
`);

describe('Etf.exposure', () => {
  it('groups the weights by sector, country, asset class and currency, summing to the total', async () => {
    for (const [by, key] of [
      ['SECTOR', (p: Position) => p.sector],
      ['COUNTRY', (p: Position) => p.country],
      ['ASSET_CLASS', (p: Position) => p.assetClass],
      ['CURRENCY', (p: Position) => p.currency],
    ] as const) {
      const data = await executeOk(t.app, Exposure, { ticker: 'WORLD', by });
      expectSameWeights(asMap(data.etf?.exposure ?? []), groupBy(latest('WORLD'), key));
      const weights = data.etf?.exposure.map((slice) => slice.weight) ?? [];
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
    const countries = await executeOk(t.app, Exposure, { ticker: 'WORLD', by: 'COUNTRY' });
    expect(countries.etf?.exposure.map((slice) => slice.label)).toEqual(['Japan', 'United States', 'France']);
  });

  it('sees through a fund of funds: each fund replaced by its holdings, scaled', async () => {
    const expected = groupBy(latest('BIG'), (p) => p.sector, 0.6);
    for (const [key, weight] of groupBy(latest('WORLD'), (p) => p.sector, 0.3)) {
      expected.set(key, (expected.get(key) ?? 0) + weight);
    }
    expected.set(null, (expected.get(null) ?? 0) + 10);
    const data = await executeOk(t.app, Exposure, { ticker: 'MIX', by: 'SECTOR', lookThrough: true });
    expectSameWeights(asMap(data.etf?.exposure ?? []), expected);
    const plain = await executeOk(t.app, Exposure, { ticker: 'MIX', by: 'ASSET_CLASS' });
    expectSameWeights(
      asMap(plain.etf?.exposure ?? []),
      new Map([
        ['FUND', 90],
        ['CASH', 10],
      ]),
    );
  });

  it('stops at a cycle: a fund met again on its own path stays a holding', async () => {
    // LOOPA = 50 % Apple + 50 % LOOPB; LOOPB = 50 % Exxon + 50 % LOOPA, which stays a fund.
    const data = await executeOk(t.app, Exposure, { ticker: 'LOOPA', by: 'ASSET_CLASS', lookThrough: true });
    expectSameWeights(
      asMap(data.etf?.exposure ?? []),
      new Map([
        ['EQUITY', 75],
        ['FUND', 25],
      ]),
    );
  });
});

const Overlap = graphql(`
  query Overlap($tickers: [String!]!, $largest: Int) {
    overlap(tickers: $tickers, largest: $largest) {
      a { ticker } b { ticker } overlap commonHoldings
      largest { security { ticker isin } weightA weightB weight }
    }
  }
`);

/** Σ over common securities (by ISIN, else ticker, else name) of the smaller weight, written here. */
function expectedOverlap(a: Position[], b: Position[]) {
  const key = (p: Position) => p.isin ?? (p.ticker === 'AAPL' ? APPLE.isin : null) ?? p.ticker ?? p.name;
  const weightsB = groupBy(b, key);
  let overlap = 0;
  let common = 0;
  for (const [security, weight] of groupBy(a, key)) {
    const other = weightsB.get(security);
    if (other === undefined) continue;
    overlap += Math.min(weight, other);
    common++;
  }
  return { overlap, common };
}

describe('Query.overlap', () => {
  it('gives every pair the sum of the smaller weights of what both hold, and the largest in common', async () => {
    const tickers = ['BIG', 'TECH', 'WORLD'];
    const data = await executeOk(t.app, Overlap, { tickers, largest: 2 });
    expect(data.overlap.map((pair) => `${pair.a.ticker}-${pair.b.ticker}`)).toEqual([
      'BIG-TECH',
      'BIG-WORLD',
      'TECH-WORLD',
    ]);
    for (const pair of data.overlap) {
      const expected = expectedOverlap(latest(pair.a.ticker), latest(pair.b.ticker));
      expect(pair.overlap).toBeCloseTo(expected.overlap, 9);
      expect(pair.commonHoldings).toBe(expected.common);
      expect(pair.largest.length).toBe(Math.min(2, expected.common));
      for (const common of pair.largest) expect(common.weight).toBe(Math.min(common.weightA, common.weightB));
    }
    // BIG and TECH share Apple (7.5 / 22), Microsoft (6.5 / 21) and NVIDIA (6 / 20).
    expect(data.overlap[0]?.overlap).toBeCloseTo(20, 9);
    expect(data.overlap[0]?.largest.map((common) => common.security.ticker)).toEqual(['AAPL', 'MSFT']);
  });

  it('says null for a pair with a fund that has no holdings, and refuses bad arguments', async () => {
    const data = await executeOk(t.app, Overlap, { tickers: ['BIG', 'EMPTY'] });
    expect(data.overlap[0]).toMatchObject({ overlap: null, commonHoldings: null, largest: [] });
    const one = await execute(t.app, Overlap, { tickers: ['BIG'] });
    expect(one.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await execute(t.app, Overlap, { tickers: ['BIG', 'NOPE'] });
    expect(unknown.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'tickers[1]', message: 'no ETF has the ticker NOPE' },
    ]);
    const many = await execute(t.app, Overlap, { tickers: ['BIG', 'TECH'], largest: 51 });
    expect(many.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'largest', message: 'must be from 0 to 50, got 51' },
    ]);
  });
});

const Holders = graphql(`
  query Holders($security: String!, $asOf: Date) {
    holders(security: $security, asOf: $asOf) { etf { ticker } asOf weight security { ticker isin cusip } }
  }
`);

describe('Query.holders', () => {
  it('finds every fund holding a security by its ticker, ISIN or CUSIP, largest weight first', async () => {
    const expected = [
      ['WORLD', 35],
      ['LOOPA', 50],
      ['TECH', 22],
      ['BIG', 7.5],
    ]
      .sort((a, b) => (b[1] as number) - (a[1] as number))
      .map(([ticker, weight]) => ({ ticker, weight }));
    for (const name of ['AAPL', 'aapl', APPLE.isin, APPLE.cusip]) {
      const data = await executeOk(t.app, Holders, { security: name });
      expect(data.holders.map((h) => ({ ticker: h.etf.ticker, weight: h.weight }))).toEqual(expected);
      for (const holder of data.holders)
        expect(holder.security).toEqual({ ticker: 'AAPL', isin: APPLE.isin, cusip: APPLE.cusip });
    }
  });

  it('answers as of a date from each fund snapshot on or before it', async () => {
    const data = await executeOk(t.app, Holders, { security: 'NVDA', asOf: '2025-09-30' });
    expect(data.holders).toEqual([]);
    const later = await executeOk(t.app, Holders, { security: 'JPM', asOf: '2025-09-30' });
    expect(later.holders).toEqual([
      {
        etf: { ticker: 'BIG' },
        asOf: '2025-06-30',
        weight: 3,
        security: { ticker: 'JPM', isin: JPMORGAN.isin, cusip: JPMORGAN.cusip },
      },
    ]);
  });

  it('is empty for a security nobody holds, and refuses what is no identifier', async () => {
    expect((await executeOk(t.app, Holders, { security: 'NOBODY' })).holders).toEqual([]);
    for (const bad of ['', ' ', 'x'.repeat(33), "'; DROP TABLE holding; --", '<script>']) {
      const result = await execute(t.app, Holders, { security: bad });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

const LookThrough = graphql(`
  query LookThrough($portfolio: [PortfolioWeight!], $by: ExposureKey, $first: Int) {
    lookThrough(portfolio: $portfolio, by: $by, first: $first) {
      asOf
      holdings { security { ticker isin name } weight }
      exposure { key weight }
      withoutHoldings { ticker }
    }
  }
`);

describe('Query.lookThrough', () => {
  it('sees a portfolio through to its securities, a fund of funds included', async () => {
    // 50 % MIX (= 30 % BIG + 15 % WORLD + 5 % cash underneath) + 50 % TECH.
    const data = await executeOk(t.app, LookThrough, {
      portfolio: [
        { ticker: 'MIX', weight: 50 },
        { ticker: 'tech', weight: 50 },
      ],
      by: 'COUNTRY',
      first: 1000,
    });
    const apple = 0.3 * 7.5 + 0.15 * 35 + 0.5 * 22;
    const found = data.lookThrough.holdings.find((holding) => holding.security.isin === APPLE.isin);
    expect(found?.weight).toBeCloseTo(apple, 9);
    const weights = data.lookThrough.holdings.map((holding) => holding.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const total = data.lookThrough.holdings.reduce((sum, holding) => sum + holding.weight, 0);
    expect(total).toBeCloseTo(100, 9);
    const expected = groupBy(latest('BIG'), (p) => p.country, 0.3);
    for (const [key, weight] of groupBy(latest('WORLD'), (p) => p.country, 0.15)) {
      expected.set(key, (expected.get(key) ?? 0) + weight);
    }
    for (const [key, weight] of groupBy(latest('TECH'), (p) => p.country, 0.5)) {
      expected.set(key, (expected.get(key) ?? 0) + weight);
    }
    expected.set('US', (expected.get('US') ?? 0) + 5);
    expectSameWeights(asMap(data.lookThrough.exposure), expected);
    expect(data.lookThrough.asOf).toBe('2025-12-31');
  });

  it('puts a fund without holdings in the Unknown slice and names it', async () => {
    const data = await executeOk(t.app, LookThrough, {
      portfolio: [
        { ticker: 'EMPTY', weight: 40 },
        { ticker: 'TECH', weight: 60 },
      ],
    });
    expect(data.lookThrough.withoutHoldings).toEqual([{ ticker: 'EMPTY' }]);
    expect(asMap(data.lookThrough.exposure).get(null)).toBeCloseTo(40, 9);
  });

  it('defaults to the signed-in user’s watchlist, equally weighted', async () => {
    const user = await createUser(t.db, 'looker@example.com');
    for (const ticker of ['TECH', 'WORLD']) {
      await t.db.pool.query('INSERT INTO watchlist_entry (user_id, etf_id) SELECT $1, id FROM etf WHERE ticker = $2', [
        user.id,
        ticker,
      ]);
    }
    const token = await signIn(t.app, 'looker@example.com');
    const mine = await executeOk(t.app, LookThrough, { by: 'COUNTRY', first: 100 }, bearer(token));
    const apple = mine.lookThrough.holdings.find((holding) => holding.security.isin === APPLE.isin);
    expect(apple?.weight).toBeCloseTo(0.5 * 22 + 0.5 * 35, 9);
    expect(asMap(mine.lookThrough.exposure).get('JP')).toBeCloseTo(0.5 * 40, 9);
    const empty = await createUser(t.db, 'nobody@example.com');
    const none = await execute(t.app, LookThrough, {}, bearer(await signIn(t.app, empty.email)));
    expect(JSON.stringify(none.errors)).toMatch(/the watchlist is empty: give a portfolio/);
  });

  it('refuses a missing or bad portfolio, with every problem', async () => {
    const anonymous = await execute(t.app, LookThrough, {});
    expect(anonymous.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'portfolio', message: 'is needed without a signed-in user (whose watchlist it defaults to)' },
    ]);
    const bad = await execute(t.app, LookThrough, {
      portfolio: [
        { ticker: 'BIG', weight: 0.5 },
        { ticker: 'big', weight: 0.5 },
        { ticker: 'TECH', weight: Number.NaN as unknown as number },
      ],
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fractions = await execute(t.app, LookThrough, {
      portfolio: [
        { ticker: 'BIG', weight: 0.5 },
        { ticker: 'TECH', weight: 0.5 },
      ],
    });
    expect(JSON.stringify(fractions.errors)).toMatch(/weights are percent and must add up to 100, got 1/);
    const text = await executeText(
      t.app,
      '{ lookThrough(portfolio: [{ ticker: "BIG", weight: 100 }], first: 1001) { asOf } }',
    );
    expect(text.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

it('reads the holdings of many ETFs in a constant number of statements', async () => {
  const query = `query Batch($tickers: [String!]!) {
    etfsByTicker(tickers: $tickers) {
      holdings(first: 5) { edges { node { name etf { ticker } } } }
      exposure(by: SECTOR, lookThrough: true) { key weight }
    }
  }`;
  const count = async (tickers: string[]) => {
    t.statements.length = 0;
    const result = await executeText(t.app, query, { tickers });
    expect(result.errors).toBeUndefined();
    return t.statements.length;
  };
  // Both sets nest two levels deep (MIX → BIG and WORLD; LOOPA → LOOPB → LOOPA, which stops).
  await count(['MIX']); // the first request also reads the data's extent, for costs
  const two = await count(['MIX', 'LOOPA']);
  const six = await count(['BIG', 'TECH', 'WORLD', 'MIX', 'LOOPA', 'LOOPB']);
  // ETFs, snapshots, pages, columns, the named funds; then one more level of snapshots and columns.
  expect(two).toBe(7);
  // The six include the nested funds themselves: their snapshots are already in the batch.
  expect(six).toBeLessThanOrEqual(two);
  // Control: a snapshot read per ETF (a date each) shows up as a statement per ETF.
  const tickers = ['BIG', 'TECH', 'WORLD', 'MIX', 'LOOPA', 'LOOPB'];
  const separate = `{ ${tickers.map((ticker, i) => `e${i}: etf(ticker: "${ticker}") { holdings(asOf: "2025-12-${20 + i}") { totalCount } }`).join(' ')} }`;
  t.statements.length = 0;
  await executeText(t.app, separate);
  expect(t.statements.filter((statement) => statement.includes('holding-snapshots'))).toHaveLength(tickers.length);
});

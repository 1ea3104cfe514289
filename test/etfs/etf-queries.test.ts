import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createEtf } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'SPY', {
    name: 'SPDR S&P 500 ETF Trust',
    issuer: 'State Street',
    assetClass: 'EQUITY',
    expenseRatio: 0.000945,
  });
  await createEtf(t.db, 'QQQ', { name: 'Invesco QQQ Trust', issuer: 'Invesco', assetClass: 'EQUITY' });
  await createEtf(t.db, 'TLT', {
    name: 'iShares 20+ Year Treasury Bond ETF',
    issuer: 'BlackRock',
    assetClass: 'FIXED_INCOME',
  });
  await createEtf(t.db, 'GLD', {
    name: 'SPDR Gold Shares',
    assetClass: 'COMMODITY',
    inceptionDate: new Date('2004-11-18T00:00:00Z'),
  });
  await createEtf(t.db, 'BRK.B', { name: 'Not an ETF, but a ticker with a dot' });
});
afterAll(() => t.close());

const EtfByTicker = graphql(`
  query EtfByTicker($ticker: String!) {
    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }
  }
`);

describe('etf(ticker)', () => {
  it('finds an ETF whatever the case of the ticker', async () => {
    for (const ticker of ['SPY', 'spy', ' Spy ']) {
      const data = await executeOk(t.app, EtfByTicker, { ticker });
      expect(data.etf?.ticker).toBe('SPY');
      expect(data.etf?.expenseRatio).toBe(0.000945);
      expect(data.etf?.currency).toBe('USD');
    }
  });

  it('returns null for an unknown ticker', async () => {
    const data = await executeOk(t.app, EtfByTicker, { ticker: 'NOPE' });
    expect(data.etf).toBeNull();
  });

  it('serializes dates as YYYY-MM-DD', async () => {
    const data = await executeOk(t.app, EtfByTicker, { ticker: 'gld' });
    expect(data.etf?.inceptionDate).toBe('2004-11-18');
  });

  it('rejects an empty or over-long ticker with BAD_USER_INPUT', async () => {
    for (const ticker of ['', 'X'.repeat(17), 'SP Y', "'; DROP TABLE etf; --"]) {
      const result = await executeText(t.app, 'query($t: String!) { etf(ticker: $t) { id } }', { t: ticker });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await t.db.prisma.etf.count()).toBe(5);
  });
});

const EtfsByTicker = graphql(`
  query EtfsByTicker($tickers: [String!]!) {
    etfsByTicker(tickers: $tickers) { ticker }
  }
`);

describe('etfsByTicker', () => {
  it('answers in request order with null for unknown tickers, duplicates kept', async () => {
    const data = await executeOk(t.app, EtfsByTicker, { tickers: ['tlt', 'NOPE', 'SPY', 'brk.b', 'tlt'] });
    expect(data.etfsByTicker.map((etf) => etf?.ticker ?? null)).toEqual(['TLT', null, 'SPY', 'BRK.B', 'TLT']);
  });

  it('answers [] for no tickers', async () => {
    expect((await executeOk(t.app, EtfsByTicker, { tickers: [] })).etfsByTicker).toEqual([]);
  });

  it('names each malformed ticker by its index', async () => {
    const result = await executeText(t.app, 'query($t: [String!]!) { etfsByTicker(tickers: $t) { ticker } }', {
      t: ['SPY', '', 'Q'.repeat(40)],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('tickers[1]');
    expect(result.errors?.[0]?.message).toContain('tickers[2]');
  });

  it('refuses more than 100 tickers', async () => {
    const tickers = Array.from({ length: 101 }, (_, i) => `T${i}`);
    const result = await executeText(t.app, 'query($t: [String!]!) { etfsByTicker(tickers: $t) { ticker } }', {
      t: tickers,
    });
    expect(result.errors?.[0]?.message).toMatch(/asks for 101 tickers at once; the limit is 100/);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
  });
});

const EtfsPage = graphql(`
  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {
    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {
      edges { cursor node { ticker } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

describe('etfs connection', () => {
  it('pages through all ETFs in ticker order', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 10; page++) {
      const data = await executeOk(t.app, EtfsPage, { first: 2, after });
      seen.push(...data.etfs.edges.map((edge) => edge.node.ticker));
      if (!data.etfs.pageInfo.hasNextPage) break;
      after = data.etfs.pageInfo.endCursor;
    }
    expect(seen).toEqual(['BRK.B', 'GLD', 'QQQ', 'SPY', 'TLT']);
  });

  it('searches ticker, name and issuer ignoring case', async () => {
    const byName = await executeOk(t.app, EtfsPage, { search: 'treasury' });
    expect(byName.etfs.edges.map((edge) => edge.node.ticker)).toEqual(['TLT']);
    const byIssuer = await executeOk(t.app, EtfsPage, { search: 'INVESCO' });
    expect(byIssuer.etfs.edges.map((edge) => edge.node.ticker)).toEqual(['QQQ']);
    // "sp" is in SPY's ticker and in GLD's name (SPDR Gold Shares).
    const byTicker = await executeOk(t.app, EtfsPage, { search: 'sp' });
    expect(byTicker.etfs.edges.map((edge) => edge.node.ticker)).toEqual(['GLD', 'SPY']);
  });

  it('finds words by their stems, in the name, issuer, asset class or description', async () => {
    const tickers = async (search: string) =>
      (await executeOk(t.app, EtfsPage, { search })).etfs.edges.map((edge) => edge.node.ticker);
    expect(await tickers('bonds')).toEqual(['TLT']);
    expect(await tickers('fixed income')).toEqual(['TLT']);
    expect(await tickers('Golds')).toEqual(['GLD']);
    expect(await tickers('commodity')).toEqual(['GLD']);
    // Words of a query syntax are text like any other, never an error.
    for (const search of ["'!&|:*()", 'or', '-', '"', 'a & !b', '\\']) {
      const result = await executeText(t.app, 'query($s: String) { etfs(search: $s) { totalCount } }', { s: search });
      expect(result.errors).toBeUndefined();
    }
  });

  it('counts what the filter finds, whatever the page', async () => {
    const all = await executeOk(t.app, EtfsPage, { first: 1 });
    expect(all.etfs.totalCount).toBe(5);
    expect(all.etfs.edges).toHaveLength(1);
    const equity = await executeOk(t.app, EtfsPage, { first: 1, assetClass: 'EQUITY' });
    expect(equity.etfs.totalCount).toBe(2);
    t.statements.length = 0;
    const found = await executeOk(t.app, EtfsPage, { search: 'spdr' });
    expect(found.etfs.totalCount).toBe(2);
    // The count and the page share one search.
    expect(t.statements.filter((text) => text.includes('/* etf-search */'))).toHaveLength(1);
  });

  it('refuses a page above its cap instead of clamping it', async () => {
    const result = await executeText(t.app, '{ etfs(first: 101) { edges { node { ticker } } } }');
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/first: must be from 0 to 100, got 101/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const within = await executeOk(t.app, EtfsPage, { first: 100 });
    expect(within.etfs.edges).toHaveLength(5);
  });

  it('treats search text literally, not as a LIKE pattern', async () => {
    const data = await executeOk(t.app, EtfsPage, { search: '%' });
    expect(data.etfs.edges).toEqual([]);
  });

  it('filters by asset class', async () => {
    const data = await executeOk(t.app, EtfsPage, { assetClass: 'EQUITY' });
    expect(data.etfs.edges.map((edge) => edge.node.ticker)).toEqual(['QQQ', 'SPY']);
  });

  it('rejects a malformed cursor', async () => {
    const cursor = await executeText(t.app, '{ etfs(after: "garbage") { edges { node { ticker } } } }');
    expect(cursor.errors?.length).toBeGreaterThan(0);
  });
});

const NodeQuery = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) { id ... on Etf { ticker } }
  }
`);

describe('node(id)', () => {
  it('refetches an ETF by its global id', async () => {
    const etf = await executeOk(t.app, EtfByTicker, { ticker: 'QQQ' });
    const id = etf.etf?.id ?? '';
    const data = await executeOk(t.app, NodeQuery, { id });
    expect(data.node).toMatchObject({ id, ticker: 'QQQ' });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, execute } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let token: string;
const TICKERS = Array.from({ length: 20 }, (_, i) => `W${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  t = await createTestDatabase();
  // Each ETF moves by (i − 10) % on its last day: W00 −10 %, W19 +9 %.
  for (const [i, ticker] of TICKERS.entries()) {
    await createEtf(t.db, ticker);
    const last = 100 * (1 + (i - 10) / 100);
    await loadPrices(t.db, ticker, [
      { date: '2024-06-03', open: 100, high: 100, low: 100, close: 100, volume: 1 },
      { date: '2024-06-04', open: last, high: last, low: last, close: last, volume: 1 },
    ]);
  }
  await createEtf(t.db, 'NOBARS');
  await createUser(t.db, 'fan@example.com');
  token = await signIn(t.app, 'fan@example.com');
});
afterAll(() => t.close());

const WatchlistFollow = graphql(`
  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }
`);
const WatchlistUnfollow = graphql(`
  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }
`);
const WatchlistMine = graphql(`
  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }
`);
const WatchlistMovers = graphql(`
  query WatchlistMovers {
    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }
  }
`);
const WatchlistUsers = graphql(`
  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }
`);

const follow = (ticker: string) => execute(t.app, WatchlistFollow, { ticker }, bearer(token));

it('follows and unfollows, in order, ignoring case and repeats', async () => {
  expect((await follow('w03')).data).toEqual({ follow: { etf: { ticker: 'W03' } } });
  await follow('W01');
  await follow('W03');
  const list = await execute(t.app, WatchlistMine, {}, bearer(token));
  expect(list.data).toEqual({
    me: {
      watchlist: [
        { etf: { ticker: 'W03', latestPrice: { close: 93 } }, change1d: expect.closeTo(-0.07, 12) },
        { etf: { ticker: 'W01', latestPrice: { close: 91 } }, change1d: expect.closeTo(-0.09, 12) },
      ],
    },
  });
  const unfollow = () => execute(t.app, WatchlistUnfollow, { ticker: 'W03' }, bearer(token));
  expect((await unfollow()).data).toEqual({ unfollow: true });
  expect((await unfollow()).data).toEqual({ unfollow: false });
});

it('refuses an unknown ticker', async () => {
  const result = await follow('NOPE');
  expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

it('orders movers by the size of their last daily move, and costs the same for 2 or 20 ETFs', async () => {
  await follow('W10');
  await follow('W11');
  t.statements.length = 0;
  await execute(t.app, WatchlistMovers, {}, bearer(token));
  const small = t.statements.length;

  for (const ticker of [...TICKERS, 'NOBARS']) await follow(ticker);
  t.statements.length = 0;
  const result = await execute(t.app, WatchlistMovers, {}, bearer(token));
  expect(t.statements.length).toBe(small);

  const movers = result.data?.me?.movers ?? [];
  // W00 moved −10 %; W01 (−9 %) and W19 (+9 %) tie up to rounding.
  expect(movers[0]?.etf.ticker).toBe('W00');
  expect(new Set(movers.slice(1).map((m) => m.etf.ticker))).toEqual(new Set(['W01', 'W19']));
  const watchlist = result.data?.me?.watchlist ?? [];
  expect(watchlist).toHaveLength(21);
  expect(watchlist.find((w) => w.etf.ticker === 'NOBARS')?.change1d).toBeNull();
});

it('keeps a watchlist private to its user and admins', async () => {
  await createUser(t.db, 'admin@example.com', 'ADMIN');
  await createUser(t.db, 'other@example.com');
  const admin = await signIn(t.app, 'admin@example.com');
  const other = await signIn(t.app, 'other@example.com');
  const asAdmin = await execute(t.app, WatchlistUsers, {}, bearer(admin));
  expect(asAdmin.errors).toBeUndefined();
  const asOther = await execute(t.app, WatchlistUsers, {}, bearer(other));
  expect(asOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

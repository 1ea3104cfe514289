// Watchlists in the schema: the entries of a user, its movers, follow and
// unfollow. The logic is in src/watchlist/.
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { listCost } from '../limits/query-cost.js';
import { follow, lastDailyMove, MAX_WATCHLIST, movers, unfollow } from '../watchlist/watchlist.js';

const WatchlistEntry = builder.prismaObject('WatchlistEntry', {
  description: 'An ETF on a watchlist.',
  fields: (t) => ({
    etf: t.relation('etf'),
    followedAt: t.expose('followedAt', { type: 'DateTime' }),
    change1d: t.float({
      nullable: true,
      description: 'The last daily move as a fraction: close / previous close − 1 (0.012 means +1.2 %).',
      resolve: (entry, _args, ctx) => lastDailyMove(ctx.loaders.priceBars, entry.etfId),
    }),
  }),
});

async function ownWatchlistOrAdmin(user: { id: number }, ctx: Context) {
  const principal = await ctx.caller.principal();
  return principal?.kind === 'user' && principal.userId === user.id ? true : { admin: true };
}

builder.prismaObjectFields('User', (t) => ({
  watchlist: t.relation('watchlist', {
    cacheScope: 'caller',
    description: 'Followed ETFs, in the order they were followed. Visible to the user and to admins.',
    authScopes: (user, _args, ctx) => ownWatchlistOrAdmin(user, ctx),
    query: { orderBy: { followedAt: 'asc' } },
    complexity: listCost(MAX_WATCHLIST),
  }),
  movers: t.prismaField({
    cacheScope: 'caller',
    type: [WatchlistEntry],
    description: 'Followed ETFs ordered by the size of their last daily move, largest first.',
    authScopes: (user, _args, ctx) => ownWatchlistOrAdmin(user, ctx),
    args: { limit: t.arg.int({ defaultValue: 5 }) },
    complexity: (args) => listCost(args.limit ?? 5),
    resolve: (query, user, args, ctx) => movers(ctx.db.prisma, ctx.loaders.priceBars, user.id, args.limit ?? 5, query),
  }),
}));

async function signedInUserId(ctx: Context): Promise<number> {
  const principal = await ctx.caller.principal();
  if (principal?.kind !== 'user') throw notFound('Only a signed-in user has a watchlist.');
  return principal.userId;
}

builder.mutationFields((t) => ({
  follow: t.prismaField({
    type: WatchlistEntry,
    authScopes: { user: true },
    description: 'Adds an ETF to your watchlist (again following one is harmless).',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => follow(ctx.db.prisma, await signedInUserId(ctx), args.ticker, query),
  }),
  unfollow: t.boolean({
    authScopes: { user: true },
    description: 'Removes an ETF from your watchlist; false when it was not on it.',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => unfollow(ctx.db.prisma, await signedInUserId(ctx), args.ticker),
  }),
}));

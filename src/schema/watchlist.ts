// Watchlists: the ETFs a user follows, with their last daily move. Batched: the
// entries and their ETFs come with the user, the moves from one price statement
// for all of them, so a long watchlist costs what a short one does.
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { badInput, notFound } from '../errors.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { listCost } from '../limits/query-cost.js';
import { parseBarWindow } from '../prices/bar-window.js';

const LAST_TWO = parseBarWindow({ last: 2 });
const CLOSE = ['close'] as const;
const MAX_WATCHLIST = 500;

/** close / previous close − 1 of the last two daily bars, or null. */
async function change1d(ctx: Context, etfId: number): Promise<number | null> {
  const { close } = (await ctx.loaders.priceBars(LAST_TWO, CLOSE).load(etfId)).bars;
  return close.length === 2 ? (close[1] as number) / (close[0] as number) - 1 : null;
}

const WatchlistEntry = builder.prismaObject('WatchlistEntry', {
  description: 'An ETF on a watchlist.',
  fields: (t) => ({
    etf: t.relation('etf'),
    followedAt: t.expose('followedAt', { type: 'DateTime' }),
    change1d: t.float({
      nullable: true,
      description: 'The last daily move as a fraction: close / previous close − 1 (0.012 means +1.2 %).',
      resolve: (entry, _args, ctx) => change1d(ctx, entry.etfId),
    }),
  }),
});

async function ownWatchlistOrAdmin(user: { id: number }, ctx: Context) {
  const principal = await ctx.principal();
  return principal?.kind === 'user' && principal.userId === user.id ? true : { admin: true };
}

builder.prismaObjectFields('User', (t) => ({
  watchlist: t.relation('watchlist', {
    description: 'Followed ETFs, in the order they were followed. Visible to the user and to admins.',
    authScopes: (user, _args, ctx) => ownWatchlistOrAdmin(user, ctx),
    query: { orderBy: { followedAt: 'asc' } },
    complexity: listCost(MAX_WATCHLIST),
  }),
  movers: t.prismaField({
    type: [WatchlistEntry],
    description: 'Followed ETFs ordered by the size of their last daily move, largest first.',
    authScopes: (user, _args, ctx) => ownWatchlistOrAdmin(user, ctx),
    args: { limit: t.arg.int({ defaultValue: 5 }) },
    complexity: (args) => listCost(args.limit ?? 5),
    resolve: async (query, user, args, ctx) => {
      const limit = args.limit ?? 5;
      if (limit < 1 || limit > MAX_WATCHLIST) {
        throw badInput([{ path: 'limit', message: `must be from 1 to ${MAX_WATCHLIST}, got ${limit}` }]);
      }
      const entries = await ctx.db.prisma.watchlistEntry.findMany({ ...query, where: { userId: user.id } });
      const moves = await Promise.all(entries.map((entry) => change1d(ctx, entry.etfId)));
      return entries
        .map((entry, i) => ({ entry, size: Math.abs(moves[i] ?? Number.NaN) }))
        .sort((a, b) => (Number.isNaN(a.size) ? 1 : Number.isNaN(b.size) ? -1 : b.size - a.size))
        .slice(0, limit)
        .map(({ entry }) => entry);
    },
  }),
}));

async function signedInUserId(ctx: Context): Promise<number> {
  const principal = await ctx.principal();
  if (principal?.kind !== 'user') throw notFound('Only a signed-in user has a watchlist.');
  return principal.userId;
}

builder.mutationFields((t) => ({
  follow: t.prismaField({
    type: WatchlistEntry,
    authScopes: { user: true },
    description: 'Adds an ETF to your watchlist (again following one is harmless).',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const userId = await signedInUserId(ctx);
      const ticker = normalizeTicker(args.ticker);
      const etf = await ctx.db.prisma.etf.findUnique({ where: { ticker }, select: { id: true } });
      if (!etf) throw notFound(`No ETF with ticker ${ticker}.`);
      const count = await ctx.db.prisma.watchlistEntry.count({ where: { userId } });
      if (count >= MAX_WATCHLIST)
        throw badInput([{ path: 'ticker', message: `a watchlist holds at most ${MAX_WATCHLIST} ETFs` }]);
      const where = { userId_etfId: { userId, etfId: etf.id } };
      try {
        return await ctx.db.prisma.watchlistEntry.upsert({
          ...query,
          where,
          create: { userId, etfId: etf.id },
          update: {},
        });
      } catch (error) {
        // A concurrent follow of the same ETF inserted it first: following twice is harmless.
        if (!isUniqueViolation(error)) throw error;
        return ctx.db.prisma.watchlistEntry.findUniqueOrThrow({ ...query, where });
      }
    },
  }),
  unfollow: t.boolean({
    authScopes: { user: true },
    description: 'Removes an ETF from your watchlist; false when it was not on it.',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const userId = await signedInUserId(ctx);
      const ticker = normalizeTicker(args.ticker);
      const removed = await ctx.db.prisma.watchlistEntry.deleteMany({ where: { userId, etf: { ticker } } });
      return removed.count > 0;
    },
  }),
}));

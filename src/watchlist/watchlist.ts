// Watchlists: the ETFs a user follows, and how far each moved on its last day.
// The moves come from the request's bar loaders, so the closes of every entry
// of a watchlist (or of several) are one statement.

import { isUniqueViolation } from '../db/prisma-errors.js';
import { badInput, notFound } from '../errors.js';
import { normalizeTicker } from '../etfs/ticker.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { parseBarWindow } from '../prices/bar-window.js';
import type { PriceBarLoaders } from '../prices/loaders.js';

export const MAX_WATCHLIST = 500;

const LAST_TWO = parseBarWindow({ last: 2 });
const CLOSE = ['close'] as const;

type EntryQuery = Omit<Prisma.WatchlistEntryFindUniqueArgs, 'where'>;

/** close / previous close − 1 of the ETF's last two daily bars, or null. */
export async function lastDailyMove(priceBars: PriceBarLoaders, etfId: number): Promise<number | null> {
  const { close } = (await priceBars(LAST_TWO, CLOSE).load(etfId)).bars;
  return close.length === 2 ? (close[1] as number) / (close[0] as number) - 1 : null;
}

/** The user's entries ordered by the size of their last move, largest first; entries without one last. */
export async function movers(
  prisma: PrismaClient,
  priceBars: PriceBarLoaders,
  userId: number,
  limit: number,
  query: Omit<Prisma.WatchlistEntryFindManyArgs, 'where'> = {},
) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WATCHLIST) {
    throw badInput([{ path: 'limit', message: `must be from 1 to ${MAX_WATCHLIST}, got ${limit}` }]);
  }
  const entries = await prisma.watchlistEntry.findMany({ ...query, where: { userId } });
  const moves = await Promise.all(entries.map((entry) => lastDailyMove(priceBars, entry.etfId)));
  return entries
    .map((entry, i) => ({ entry, size: Math.abs(moves[i] ?? Number.NaN) }))
    .sort((a, b) => (Number.isNaN(a.size) ? 1 : Number.isNaN(b.size) ? -1 : b.size - a.size))
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/** Adds the ETF to the user's watchlist; following it again is harmless. */
export async function follow(prisma: PrismaClient, userId: number, rawTicker: string, query: EntryQuery = {}) {
  const ticker = normalizeTicker(rawTicker);
  const etf = await prisma.etf.findUnique({ where: { ticker }, select: { id: true } });
  if (!etf) throw notFound(`No ETF with ticker ${ticker}.`);
  const count = await prisma.watchlistEntry.count({ where: { userId } });
  if (count >= MAX_WATCHLIST) {
    throw badInput([{ path: 'ticker', message: `a watchlist holds at most ${MAX_WATCHLIST} ETFs` }]);
  }
  const where = { userId_etfId: { userId, etfId: etf.id } };
  try {
    return await prisma.watchlistEntry.upsert({ ...query, where, create: { userId, etfId: etf.id }, update: {} });
  } catch (error) {
    // A concurrent follow of the same ETF inserted it first: following twice is harmless.
    if (!isUniqueViolation(error)) throw error;
    return prisma.watchlistEntry.findUniqueOrThrow({ ...query, where });
  }
}

/** Removes the ETF from the user's watchlist; false when it was not on it. */
export async function unfollow(prisma: PrismaClient, userId: number, rawTicker: string): Promise<boolean> {
  const ticker = normalizeTicker(rawTicker);
  const removed = await prisma.watchlistEntry.deleteMany({ where: { userId, etf: { ticker } } });
  return removed.count > 0;
}

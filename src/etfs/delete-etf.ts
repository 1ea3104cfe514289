import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';
import { normalizeTicker } from './ticker.js';

/** Deletes an ETF with its prices, indicators and watchlist entries (foreign keys cascade). */
export async function deleteEtf(db: Database, rawTicker: string): Promise<{ ticker: string; deletedPrices: number }> {
  const ticker = normalizeTicker(rawTicker);
  return db.prisma.$transaction(async (tx) => {
    const etf = await tx.etf.findUnique({ where: { ticker }, select: { id: true } });
    if (!etf) throw notFound(`No ETF with ticker ${ticker}.`);
    const deletedPrices = await tx.dailyPrice.count({ where: { etfId: etf.id } });
    await tx.etf.delete({ where: { id: etf.id } });
    return { ticker, deletedPrices };
  });
}

// The load path for one ETF's bars: validate everything, then write all bars or
// none in one transaction, stored indicators included, so that every way of
// loading prices keeps derived data current.
import type { DatabaseView } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { lockEtfId } from '../etfs/lock-etf.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { type UpsertResult, upsertBars } from './upsert-bars.js';
import { type BarInput, validateBars } from './validate-bars.js';

export type LoadPricesResult = UpsertResult & { ticker: string; etfId: number };

export async function loadPrices(
  db: DatabaseView,
  rawTicker: string,
  bars: readonly BarInput[],
): Promise<LoadPricesResult> {
  const ticker = normalizeTicker(rawTicker);
  const valid = validateBars(bars);
  return withTransaction(db.pool, async (client) => {
    const etfId = await lockEtfId(client, ticker, ' Create it with upsertEtf first.');
    const [result] = await upsertBars(client, [{ etfId, bars: valid }]);
    return { ...(result as UpsertResult), ticker, etfId };
  });
}

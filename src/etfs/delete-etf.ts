import type { DatabaseView } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { lockEtfForDelete } from './lock-etf.js';
import { normalizeTicker } from './ticker.js';

/**
 * Deletes an ETF with its prices, indicators and watchlist entries. The row is
 * locked FOR UPDATE first, which waits for any load of that ETF to commit (a
 * load holds FOR NO KEY UPDATE), so the count is of the bars really deleted,
 * not of those that were visible before the wait.
 */
export async function deleteEtf(
  db: DatabaseView,
  rawTicker: string,
): Promise<{ ticker: string; deletedPrices: number }> {
  const ticker = normalizeTicker(rawTicker);
  return withTransaction(db.pool, async (client) => {
    const id = await lockEtfForDelete(client, ticker);
    const prices = await client.query('/* delete-etf-prices */ DELETE FROM daily_price WHERE etf_id = $1', [id]);
    // Stored indicators go with the ETF (its delete trigger), watchlist entries
    // and corporate actions by their foreign keys.
    await client.query('/* delete-etf */ DELETE FROM etf WHERE id = $1', [id]);
    return { ticker, deletedPrices: prices.rowCount ?? 0 };
  });
}

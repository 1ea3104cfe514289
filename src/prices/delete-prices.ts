// Deletes an ETF's bars in a date range, all in one transaction with the
// stored indicators: their rows in the range go, and the ones after it are
// recomputed, since each depended on the bars that are gone.
import { type IsoDate, toIsoDate } from '../dates.js';
import type { DatabaseView } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { badInput } from '../errors.js';
import { lockEtfId } from '../etfs/lock-etf.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { afterWrite } from './upsert-bars.js';

type DeletePricesResult = { ticker: string; deleted: number; from: IsoDate; to: IsoDate };

export async function deletePrices(
  db: DatabaseView,
  rawTicker: string,
  rawFrom: Date | string,
  rawTo: Date | string,
): Promise<DeletePricesResult> {
  const ticker = normalizeTicker(rawTicker);
  const from = toIsoDate(rawFrom);
  const to = toIsoDate(rawTo);
  if (from > to) throw badInput([{ path: 'from', message: `${from} is after to (${to})` }]);
  return withTransaction(db.pool, async (client) => {
    const etfId = await lockEtfId(client, ticker);
    const deleted = await client.query(
      '/* delete-prices */ DELETE FROM daily_price WHERE etf_id = $1 AND date BETWEEN $2 AND $3',
      [etfId, from, to],
    );
    await client.query(
      '/* delete-indicators-between */ DELETE FROM daily_indicator WHERE etf_id = $1 AND date BETWEEN $2 AND $3',
      [etfId, from, to],
    );
    if ((deleted.rowCount ?? 0) > 0)
      await afterWrite(client, [{ etf_id: etfId, ticker, from_date: from, to_date: to }]);
    return { ticker, deleted: deleted.rowCount ?? 0, from, to };
  });
}

import type pg from 'pg';
import { notFound } from '../errors.js';

/**
 * The id of an ETF, locked FOR SHARE for the caller's transaction: a concurrent
 * deleteEtf waits for a load or a deletion of prices instead of racing it.
 */
export async function lockEtfId(client: pg.ClientBase, ticker: string, hint = ''): Promise<number> {
  const etf = await client.query<{ id: number }>('SELECT id FROM etf WHERE ticker = $1 FOR SHARE', [ticker]);
  const etfId = etf.rows[0]?.id;
  if (etfId === undefined) throw notFound(`No ETF with ticker ${ticker}.${hint}`);
  return etfId;
}

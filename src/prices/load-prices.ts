// The load path for one ETF's bars: validate everything, then write all bars or
// none in one transaction, persisted indicators included, so that every way of
// loading prices keeps derived data current.
import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { refreshPersistedIndicators } from '../persisted-indicators/refresh-persisted.js';
import { type UpsertResult, upsertBars } from './upsert-bars.js';
import { type BarInput, validateBars } from './validate-bars.js';

export type LoadPricesResult = UpsertResult & { ticker: string; etfId: number };

export async function loadPrices(
  db: Database,
  rawTicker: string,
  bars: readonly BarInput[],
): Promise<LoadPricesResult> {
  const ticker = normalizeTicker(rawTicker);
  const valid = validateBars(bars);
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    // FOR SHARE: a concurrent deleteEtf waits for this load instead of racing it.
    const etf = await client.query<{ id: number }>('SELECT id FROM etf WHERE ticker = $1 FOR SHARE', [ticker]);
    const etfId = etf.rows[0]?.id;
    if (etfId === undefined) {
      throw notFound(`No ETF with ticker ${ticker}: create it with upsertEtf first.`);
    }
    const result = await upsertBars(client, etfId, valid);
    if (result.changedFrom) await refreshPersistedIndicators(client, etfId, result.changedFrom);
    await client.query('COMMIT');
    return { ...result, ticker, etfId };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

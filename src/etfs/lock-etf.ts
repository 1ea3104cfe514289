import type pg from 'pg';
import { notFound } from '../errors.js';

/**
 * The id of an ETF, locked for the caller's transaction. FOR NO KEY UPDATE
 * serializes the writers of one ETF: each recomputes the stored indicators from
 * the prices it sees, so two concurrent loads must not each miss the other's
 * bars. A concurrent deleteEtf waits too; readers and other ETFs do not.
 */
export async function lockEtfId(client: pg.ClientBase, ticker: string, hint = ''): Promise<number> {
  const etf = await client.query<{ id: number }>(
    '/* lock-etf */ SELECT id FROM etf WHERE ticker = $1 FOR NO KEY UPDATE',
    [ticker],
  );
  const etfId = etf.rows[0]?.id;
  if (etfId === undefined) throw notFound(`No ETF with ticker ${ticker}.${hint}`);
  return etfId;
}

/**
 * The id of an ETF about to be deleted, locked FOR UPDATE: it waits for every
 * load of the ETF (they hold FOR NO KEY UPDATE) and keeps new ones out.
 */
export async function lockEtfForDelete(client: pg.ClientBase, ticker: string): Promise<number> {
  const etf = await client.query<{ id: number }>(
    '/* lock-etf-for-delete */ SELECT id FROM etf WHERE ticker = $1 FOR UPDATE',
    [ticker],
  );
  const etfId = etf.rows[0]?.id;
  if (etfId === undefined) throw notFound(`No ETF with ticker ${ticker}.`);
  return etfId;
}

/** The same lock on many ETFs by id, taken in id order so that two such writers never deadlock. */
export async function lockEtfIds(client: pg.ClientBase, ids: readonly number[]): Promise<void> {
  await client.query('/* lock-etfs */ SELECT id FROM etf WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE', [ids]);
}

/** The same lock on the ETFs of an import's staged rows (the `ingest_staging` table of its session), in id order. */
export async function lockStagedEtfs(client: pg.ClientBase): Promise<void> {
  await client.query(
    '/* lock-staged-etfs */ SELECT id FROM etf WHERE ticker IN (SELECT DISTINCT ticker FROM ingest_staging) ORDER BY id FOR NO KEY UPDATE',
  );
}

// What a writer sends, inside its transaction, when prices change: one NOTIFY
// per changed ETF, delivered by PostgreSQL only if and when it commits. The
// server's side, which turns them into subscription events, is prices-updated.ts.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';

/**
 * `missed`: this process's change feed was down (a PostgreSQL restart), so
 * updates may have been lost; sent once it is back, with ticker '*', for every
 * subscriber to refetch what it shows.
 */
export type PricesUpdate = { ticker: string; from: IsoDate; to: IsoDate; missed?: boolean };

export const PRICES_UPDATED_CHANNEL = 'etfql_prices_updated';

/** Inside the writer's transaction: one notification per changed ETF (each well under the 8 kB limit). */
export async function notifyPricesUpdated(client: pg.ClientBase, updates: readonly PricesUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await client.query('/* notify-prices-updated */ SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
    PRICES_UPDATED_CHANNEL,
    updates.map((update) => JSON.stringify({ ticker: update.ticker, from: update.from, to: update.to })),
  ]);
}

// What a writer of holdings sends, inside its transaction: one NOTIFY per
// snapshot written, delivered by PostgreSQL only if and when it commits. The
// server's side, which turns them into holdingsUpdated events, is
// holdings-updated.ts; the importer needs no Yoga.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';

/** `missed`: this process's change feed was down, so updates may have been lost; ticker is '*'. */
export type HoldingsUpdate = { ticker: string; asOf: IsoDate; missed?: boolean };

export const HOLDINGS_UPDATED_CHANNEL = 'etfql_holdings_updated';

export async function notifyHoldingsUpdated(client: pg.ClientBase, updates: readonly HoldingsUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await client.query('/* notify-holdings-updated */ SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
    HOLDINGS_UPDATED_CHANNEL,
    updates.map((update) => JSON.stringify({ ticker: update.ticker, asOf: update.asOf })),
  ]);
}

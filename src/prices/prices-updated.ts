// Word that prices changed, so that a dashboard showing those tickers can
// refetch. Every writer (the API, the importer, the nightly update) sends a
// NOTIFY inside its transaction, which PostgreSQL delivers only if and when
// it commits; every server process LISTENs and tells its own subscribers.
import { createPubSub } from 'graphql-yoga';
import type pg from 'pg';
import { type IsoDate, todayUtc } from '../dates.js';
import type { Database } from '../db/database.js';
import { EARLIEST_DATE } from './validate-bars.js';

/**
 * `missed`: this process's change feed was down (a PostgreSQL restart), so
 * updates may have been lost; sent once it is back, with ticker '*', for every
 * subscriber to refetch what it shows.
 */
export type PricesUpdate = { ticker: string; from: IsoDate; to: IsoDate; missed?: boolean };

const PRICES_UPDATED_CHANNEL = 'etfql_prices_updated';

export type PricesFeed = {
  pubsub: ReturnType<typeof createPubSub<{ pricesUpdated: [PricesUpdate] }>>;
  /** Resolves once this process listens, so that no commit after a subscription starts is missed. */
  ready: Promise<void>;
};

export function createPricesFeed(db: Database): PricesFeed {
  const pubsub = createPubSub<{ pricesUpdated: [PricesUpdate] }>();
  const ready = db.listen(
    PRICES_UPDATED_CHANNEL,
    (payload) => {
      try {
        const { ticker, from, to } = JSON.parse(payload) as PricesUpdate;
        pubsub.publish('pricesUpdated', { ticker, from, to });
      } catch {
        // Not ours: NOTIFY is open to every role of the database.
      }
    },
    () => pubsub.publish('pricesUpdated', { ticker: '*', from: EARLIEST_DATE, to: todayUtc(), missed: true }),
  );
  ready.catch(() => {}); // a subscription awaiting it reports the failure
  return { pubsub, ready };
}

/** Inside the writer's transaction: one notification per changed ETF (each well under the 8 kB limit). */
export async function notifyPricesUpdated(client: pg.ClientBase, updates: readonly PricesUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await client.query('/* notify-prices-updated */ SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
    PRICES_UPDATED_CHANNEL,
    updates.map((update) => JSON.stringify({ ticker: update.ticker, from: update.from, to: update.to })),
  ]);
}

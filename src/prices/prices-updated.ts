// Word that prices changed, so that a dashboard showing those tickers can
// refetch. Every writer (the API, the importer, the nightly update) sends a
// NOTIFY inside its transaction, which PostgreSQL delivers only if and when
// it commits; every server process LISTENs and tells its own subscribers.
// The writers' side is prices-updated-notice.ts: the importer needs no Yoga.
// Subscribers are bounded (src/prices/fan-out.ts, src/limits/subscription-slots.ts).
import type { Config } from '../config.js';
import { todayUtc } from '../dates.js';
import type { Database } from '../db/database.js';
import { createSubscriptionSlots, type SubscriptionSlots } from '../limits/subscription-slots.js';
import { createFanOut, type FanOut } from './fan-out.js';
import { PRICES_UPDATED_CHANNEL, type PricesUpdate } from './prices-updated-notice.js';
import { EARLIEST_DATE } from './validate-bars.js';

export type { PricesUpdate } from './prices-updated-notice.js';

export type PricesFeed = {
  updates: FanOut<PricesUpdate>;
  /** Who may open one more subscription. */
  slots: SubscriptionSlots;
  /** Resolves once this process listens, so that no commit after a subscription starts is missed. */
  ready: Promise<void>;
};

export function createPricesFeed(db: Database, limits: Config['liveUpdates']): PricesFeed {
  const updates = createFanOut<PricesUpdate>({ backlog: limits.backlog });
  const ready = db.listen(
    PRICES_UPDATED_CHANNEL,
    (payload) => {
      try {
        const { ticker, from, to } = JSON.parse(payload) as PricesUpdate;
        updates.publish({ ticker, from, to });
      } catch {
        // Not ours: NOTIFY is open to every role of the database.
      }
    },
    () => updates.publish({ ticker: '*', from: EARLIEST_DATE, to: todayUtc(), missed: true }),
  );
  ready.catch(() => {}); // a subscription awaiting it reports the failure
  return { updates, slots: createSubscriptionSlots(limits), ready };
}

// Word that an ETF's holdings changed (a snapshot imported or replaced), for
// the holdingsUpdated subscription: the same path as pricesUpdated (a NOTIFY
// sent inside the writer's transaction, heard by every server process), and
// the same bounded fan-out. Subscriptions of both kinds count against one
// set of per-caller slots.
import type { Config } from '../config.js';
import { todayUtc } from '../dates.js';
import type { Database } from '../db/database.js';
import type { SubscriptionSlots } from '../limits/subscription-slots.js';
import { createFanOut, type FanOut } from '../prices/fan-out.js';
import { HOLDINGS_UPDATED_CHANNEL, type HoldingsUpdate } from './holdings-updated-notice.js';

export type { HoldingsUpdate } from './holdings-updated-notice.js';

export type HoldingsFeed = {
  updates: FanOut<HoldingsUpdate>;
  slots: SubscriptionSlots;
  ready: Promise<void>;
};

export function createHoldingsFeed(
  db: Database,
  limits: Config['liveUpdates'],
  slots: SubscriptionSlots,
): HoldingsFeed {
  const updates = createFanOut<HoldingsUpdate>({ backlog: limits.backlog });
  const ready = db.listen(
    HOLDINGS_UPDATED_CHANNEL,
    (payload) => {
      try {
        const { ticker, asOf } = JSON.parse(payload) as HoldingsUpdate;
        if (typeof ticker === 'string' && typeof asOf === 'string') updates.publish({ ticker, asOf });
      } catch {
        // Not ours: NOTIFY is open to every role of the database.
      }
    },
    () => updates.publish({ ticker: '*', asOf: todayUtc(), missed: true }),
  );
  ready.catch(() => {}); // a subscription awaiting it reports the failure
  return { updates, slots, ready };
}

// Events of alerts as they fire, for the alertTriggered subscription: the
// evaluation job NOTIFYs each event it commits (alert-fired-notice.ts); every
// server process LISTENs and hands each to the subscriptions of its owner.
// A subscriber that says which event it saw last (Last-Event-ID) first gets
// the owner's later events from the table, then the live ones after them,
// none twice: it listens before it reads, and skips ids it already sent.
import type pg from 'pg';
import type { Config } from '../config.js';
import { todayUtc } from '../dates.js';
import type { Database } from '../db/database.js';
import type { SubscriptionSlots } from '../limits/subscription-slots.js';
import { createFanOut, Dropped, type FanOut } from '../prices/fan-out.js';
import { ALERT_FIRED_CHANNEL, type AlertFired } from './alert-fired-notice.js';
import { type AlertEventRow, EVENT_COLUMNS, type Owner } from './alert-store.js';

export type AlertFeed = {
  fired: FanOut<AlertFired>;
  slots: SubscriptionSlots;
  ready: Promise<void>;
};

export function createAlertFeed(db: Database, limits: Config['liveUpdates'], slots: SubscriptionSlots): AlertFeed {
  const fired = createFanOut<AlertFired>({ backlog: limits.backlog });
  const ready = db.listen(
    ALERT_FIRED_CHANNEL,
    (payload) => {
      try {
        const notice = JSON.parse(payload) as AlertFired;
        if (typeof notice.id === 'string' && /^\d+$/.test(notice.id)) fired.publish(notice);
      } catch {
        // Not ours: NOTIFY is open to every role of the database.
      }
    },
    // Notices may have been lost: subscribers replay from the last id they got (below).
    () => fired.publish({ id: '0', alertId: 0, userId: null, apiKeyId: null, missed: todayUtc() }),
  );
  ready.catch(() => {});
  return { fired, slots, ready };
}

/** Events kept for replay at most this long ago, and at most this many per reconnection. */
export const REPLAY_HOURS = 24;
const REPLAY_MAX = 1000;

const SINCE = `/* alert-events-since */
  SELECT ${EVENT_COLUMNS} FROM alert_event ev JOIN etf e ON e.id = ev.etf_id JOIN alert a ON a.id = ev.alert_id
  WHERE ev.id > $1 AND (a.owner_user_id = $2 OR a.owner_api_key_id = $3)
    AND ev.fired_at > now() - make_interval(hours => ${REPLAY_HOURS})
  ORDER BY ev.id LIMIT ${REPLAY_MAX}`;

const BY_ID = `/* alert-event-by-id */
  SELECT ${EVENT_COLUMNS} FROM alert_event ev JOIN etf e ON e.id = ev.etf_id WHERE ev.id = $1`;

const mine = (owner: Owner) => (notice: AlertFired) =>
  notice.missed !== undefined ||
  (owner.userId !== null && notice.userId === owner.userId) ||
  (owner.apiKeyId !== null && notice.apiKeyId === owner.apiKeyId);

/**
 * The owner's events after `after` (from the table), then as they fire. A
 * lost feed (the database restarted) is caught up from the table too.
 */
export async function* ownerEvents(
  pool: pg.Pool,
  feed: AlertFeed,
  owner: Owner,
  after: bigint | null,
  onEnd: () => void,
): AsyncGenerator<AlertEventRow | Dropped> {
  const live = feed.fired.subscribe({ wants: mine(owner), onEnd });
  let last = after ?? null;
  const since = async function* (from: bigint) {
    const { rows } = await pool.query<AlertEventRow>(SINCE, [String(from), owner.userId, owner.apiKeyId]);
    for (const row of rows) {
      last = BigInt(row.id);
      yield row;
    }
  };
  try {
    if (after !== null) yield* since(after);
    for await (const notice of live) {
      if (notice instanceof Dropped) {
        yield notice;
        return;
      }
      if (notice.missed !== undefined) {
        if (last !== null) yield* since(last);
        continue;
      }
      const id = BigInt(notice.id);
      if (last !== null && id <= last) continue;
      const { rows } = await pool.query<AlertEventRow>(BY_ID, [notice.id]);
      if (rows[0]) {
        last = id;
        yield rows[0];
      }
    }
  } finally {
    await live.return?.();
  }
}

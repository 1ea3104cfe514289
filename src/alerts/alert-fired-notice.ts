// What the evaluation sends for each event it commits, inside its
// transaction: PostgreSQL delivers it only if and when the event is there.
import type pg from 'pg';

/** `missed`: the feed was down (sent by the listener itself, id '0'): replay from the last id. */
export type AlertFired = {
  id: string;
  alertId: number;
  userId: number | null;
  apiKeyId: number | null;
  missed?: string;
};

export const ALERT_FIRED_CHANNEL = 'etfql_alert_fired';

export async function notifyAlertsFired(client: pg.ClientBase, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await client.query(
    `/* notify-alerts-fired */
     SELECT pg_notify($1, json_build_object('id', ev.id::text, 'alertId', ev.alert_id, 'userId', a.owner_user_id,
                                            'apiKeyId', a.owner_api_key_id)::text)
     FROM alert_event ev JOIN alert a ON a.id = ev.alert_id WHERE ev.id = ANY($2::bigint[]) ORDER BY ev.id`,
    [ALERT_FIRED_CHANNEL, eventIds],
  );
}

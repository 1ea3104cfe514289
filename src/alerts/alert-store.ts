// Alerts as stored: made, changed, deleted and listed for their owner (a user
// or an API key; admins reach every alert), and their events. Every statement
// names the owner, so an alert of someone else is simply not found. The limit
// on alerts per owner is counted under a lock on the owner's row, so two
// concurrent creations cannot both pass it.
import type pg from 'pg';
import type { Principal } from '../auth/principal.js';
import type { IsoDate } from '../dates.js';
import { withTransaction } from '../db/transaction.js';
import { DomainError, notFound } from '../errors.js';
import type { ScreenFilterInput } from '../screen/screen-filter.js';
import type { AlertChange } from './alert-input.js';

export type AlertRow = {
  id: number;
  name: string;
  condition: ScreenFilterInput;
  allEtfs: boolean;
  /** The ETFs watched, when not all. */
  tickers: string[] | null;
  webhookUrl: string | null;
  fireOnBackfill: boolean;
  ownerUserId: number | null;
  ownerApiKeyId: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Who owns what they make, and who may see everything. */
export type Owner = { userId: number | null; apiKeyId: number | null; admin: boolean };

export const ownerOf = (principal: Principal): Owner => ({
  userId: principal.kind === 'user' ? principal.userId : null,
  apiKeyId: principal.kind === 'apiKey' ? principal.apiKeyId : null,
  admin: principal.role === 'ADMIN',
});

const COLUMNS = `a.id, a.name, a.condition, a.all_etfs AS "allEtfs",
  CASE WHEN a.all_etfs THEN NULL ELSE
    (SELECT coalesce(array_agg(e.ticker ORDER BY e.ticker), '{}') FROM alert_etf ae JOIN etf e ON e.id = ae.etf_id WHERE ae.alert_id = a.id)
  END AS tickers,
  a.webhook_url AS "webhookUrl", a.fire_on_backfill AS "fireOnBackfill", a.owner_user_id AS "ownerUserId",
  a.owner_api_key_id AS "ownerApiKeyId", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Matches the alerts `owner` may reach ($1 user, $2 key, $3 admin). */
const REACHABLE = '($3::boolean OR a.owner_user_id = $1 OR a.owner_api_key_id = $2)';

const LOCK_OWNER = {
  user: '/* lock-alert-owner */ SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE',
  apiKey: '/* lock-alert-owner-key */ SELECT 1 FROM api_key WHERE id = $1 FOR UPDATE',
};
const COUNT_OWNED = `/* count-owned-alerts */
  SELECT count(*)::int AS n FROM alert WHERE owner_user_id = $1 OR owner_api_key_id = $2`;

const INSERT = `/* create-alert */
  INSERT INTO alert (name, condition, all_etfs, webhook_url, webhook_secret, fire_on_backfill, owner_user_id,
    owner_api_key_id, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`;
const SET_ETFS = `/* set-alert-etfs */
  WITH gone AS (DELETE FROM alert_etf WHERE alert_id = $1)
  INSERT INTO alert_etf (alert_id, etf_id) SELECT $1, unnest($2::int[])`;

export async function createAlert(
  pool: pg.Pool,
  owner: Owner,
  change: Required<Omit<AlertChange, 'etfIds' | 'webhookUrl'>> & Pick<AlertChange, 'etfIds' | 'webhookUrl'>,
  secret: string | null,
  limit: number,
): Promise<number> {
  return withTransaction(pool, async (client) => {
    if (owner.userId !== null) await client.query(LOCK_OWNER.user, [owner.userId]);
    else await client.query(LOCK_OWNER.apiKey, [owner.apiKeyId]);
    const owned = (await client.query<{ n: number }>(COUNT_OWNED, [owner.userId, owner.apiKeyId])).rows[0]?.n ?? 0;
    if (owned >= limit) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `You have ${owned} alerts, the most one owner may have (ALERTS_PER_OWNER): delete one first.`,
        {
          problems: [{ path: 'input', message: `at most ${limit} alerts per owner` }],
        },
      );
    }
    const { rows } = await client.query<{ id: number }>(INSERT, [
      change.name,
      JSON.stringify(change.condition),
      change.etfIds == null,
      change.webhookUrl ?? null,
      change.webhookUrl ? secret : null,
      change.fireOnBackfill,
      owner.userId,
      owner.apiKeyId,
    ]);
    const id = (rows[0] as { id: number }).id;
    if (change.etfIds) await client.query(SET_ETFS, [id, change.etfIds]);
    return id;
  });
}

const UPDATE = `/* update-alert */
  UPDATE alert a SET
    name = coalesce($4, a.name),
    condition = coalesce($5::jsonb, a.condition),
    all_etfs = CASE WHEN $6::boolean THEN $7::boolean ELSE a.all_etfs END,
    webhook_url = CASE WHEN $8::boolean THEN $9 ELSE a.webhook_url END,
    webhook_secret = CASE WHEN $8::boolean AND $9 IS NULL THEN NULL ELSE coalesce($10, a.webhook_secret) END,
    fire_on_backfill = coalesce($11, a.fire_on_backfill),
    updated_at = now()
  WHERE a.id = $12 AND ${REACHABLE}
  RETURNING a.id, a.webhook_secret IS NOT NULL AND a.webhook_url IS NOT NULL AS signed`;

/** Changes what `change` sets; a new secret replaces the old when given (or when a webhook is first set). */
export async function updateAlert(
  pool: pg.Pool,
  owner: Owner,
  id: number,
  change: AlertChange,
  secret: string | null,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const settingEtfs = change.etfIds !== undefined;
    const settingWebhook = change.webhookUrl !== undefined;
    const { rows } = await client.query(UPDATE, [
      owner.userId,
      owner.apiKeyId,
      owner.admin,
      change.name ?? null,
      change.condition ? JSON.stringify(change.condition) : null,
      settingEtfs,
      change.etfIds === null,
      settingWebhook,
      change.webhookUrl ?? null,
      secret,
      change.fireOnBackfill ?? null,
      id,
    ]);
    if (rows.length === 0) throw notFound(`No alert ${id} of yours.`);
    if (change.etfIds) await client.query(SET_ETFS, [id, change.etfIds]);
    else if (change.etfIds === null)
      await client.query('/* clear-alert-etfs */ DELETE FROM alert_etf WHERE alert_id = $1', [id]);
  });
}

export async function deleteAlert(pool: pg.Pool, owner: Owner, id: number): Promise<boolean> {
  const { rowCount } = await pool.query(`/* delete-alert */ DELETE FROM alert a WHERE a.id = $4 AND ${REACHABLE}`, [
    owner.userId,
    owner.apiKeyId,
    owner.admin,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

const LIST = `/* list-alerts */
  SELECT ${COLUMNS} FROM alert a
  WHERE (CASE WHEN $4::boolean THEN $3::boolean ELSE a.owner_user_id = $1 OR a.owner_api_key_id = $2 END)
  ORDER BY a.id LIMIT $5`;

/** The owner's alerts (every alert, for an admin who asks for all), oldest first. */
export async function listAlerts(pool: pg.Pool, owner: Owner, all: boolean, limit: number): Promise<AlertRow[]> {
  const { rows } = await pool.query<AlertRow>(LIST, [owner.userId, owner.apiKeyId, owner.admin, all, limit]);
  return rows;
}

export async function findAlert(pool: pg.Pool, owner: Owner, id: number): Promise<AlertRow | null> {
  const { rows } = await pool.query<AlertRow>(
    `/* find-alert */ SELECT ${COLUMNS} FROM alert a WHERE a.id = $4 AND ${REACHABLE}`,
    [owner.userId, owner.apiKeyId, owner.admin, id],
  );
  return rows[0] ?? null;
}

export type AlertEventRow = {
  id: string;
  alertId: number;
  etfId: number;
  ticker: string;
  date: IsoDate;
  values: Record<string, number | null>;
  firedAt: Date;
};

export const EVENT_COLUMNS = `ev.id::text AS id, ev.alert_id AS "alertId", ev.etf_id AS "etfId", e.ticker, ev.date::text AS date,
  ev.values, ev.fired_at AS "firedAt"`;

const EVENTS = `/* alert-events */
  SELECT ${EVENT_COLUMNS} FROM alert_event ev JOIN etf e ON e.id = ev.etf_id
  WHERE ev.alert_id = $1 AND ($2::bigint IS NULL OR ev.id < $2) ORDER BY ev.id DESC LIMIT $3`;

/** An alert's events, newest first, before the event `before` (exclusive). */
export async function alertEvents(
  pool: pg.Pool,
  alertId: number,
  before: bigint | null,
  limit: number,
): Promise<AlertEventRow[]> {
  const { rows } = await pool.query<AlertEventRow>(EVENTS, [alertId, before === null ? null : String(before), limit]);
  return rows;
}

export type DeliveryRow = { eventId: string; attempt: number; status: number | null; error: string | null; at: Date };

const DELIVERIES = `/* alert-deliveries */
  SELECT event_id::text AS "eventId", attempt, status, error, at FROM alert_delivery
  WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, attempt`;

export async function deliveriesOf(pool: pg.Pool, eventIds: readonly string[]): Promise<Map<string, DeliveryRow[]>> {
  const { rows } = await pool.query<DeliveryRow>(DELIVERIES, [eventIds]);
  const byEvent = new Map<string, DeliveryRow[]>(eventIds.map((id) => [id, []]));
  for (const row of rows) byEvent.get(row.eventId)?.push(row);
  return byEvent;
}

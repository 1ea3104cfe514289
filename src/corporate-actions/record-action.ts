// Records, replaces or deletes a split or dividend, in one transaction with
// the adjustment factors and the adjusted indicators it changes.
import type pg from 'pg';
import { type IsoDate, toIsoDate } from '../dates.js';
import type { DatabaseView } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { badInput } from '../errors.js';
import { lockEtfId } from '../etfs/lock-etf.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { refreshAfterActions } from '../indicators/stored/keep-current.js';
import { refreshStoredIndicators } from '../indicators/stored/refresh-stored.js';
import { refreshLatestMetrics } from '../performance/latest-metrics.js';
import { closeBefore } from '../prices/bar-dates.js';
import { dividendProblem, splitRatioProblem } from '../prices/bar-values.js';
import { dateProblem } from '../prices/validate-bars.js';
import { dividendFactor } from './adjustment-factors.js';

export type ActionKind = 'SPLIT' | 'DIVIDEND';
type ActionKey = { etfId: number; date: Date; kind: ActionKind };

const PRIOR_CLOSE = `/* close-before-date */ SELECT ${closeBefore('$1::int', '$2::date')} AS close`;

const UPSERT = `/* upsert-action */
  INSERT INTO corporate_action (etf_id, date, kind, value) VALUES ($1, $2, $3, $4)
  ON CONFLICT (etf_id, date, kind) DO UPDATE SET value = EXCLUDED.value`;

/**
 * What is wrong with a split or dividend of this ETF, with the field it is
 * about (as recordSplit and recordDividend name them), or null. The one check
 * of every path that records actions: the API and `npm run ingest -- --actions`.
 */
export async function actionProblem(
  client: pg.ClientBase,
  etfId: number,
  action: { kind: ActionKind; date: IsoDate; value: number },
): Promise<{ path: string; message: string } | null> {
  const { kind, date, value } = action;
  // One rule with bars: nothing is dated after tomorrow (UTC), or before 1900.
  const badDate = dateProblem(date);
  if (badDate) return { path: kind === 'SPLIT' ? 'date' : 'exDate', message: `${date} ${badDate}` };
  const path = kind === 'SPLIT' ? 'ratio' : 'amount';
  const badValue = kind === 'SPLIT' ? splitRatioProblem(value) : dividendProblem(value);
  if (badValue) return { path, message: badValue };
  if (kind === 'SPLIT') return null;
  const prior = await client.query<{ close: number | null }>(PRIOR_CLOSE, [etfId, date]);
  const factor = dividendFactor(value, prior.rows[0]?.close ?? null, date);
  return typeof factor === 'string' ? { path, message: factor } : null;
}

/**
 * Writes checked actions of one ETF (locked by the caller) and brings its
 * adjustment factors and adjusted indicators up to them, in the caller's transaction.
 */
export async function writeActions(
  client: pg.ClientBase,
  etfId: number,
  actions: readonly { kind: ActionKind; date: IsoDate; value: number }[],
): Promise<void> {
  for (const { kind, date, value } of actions) await client.query(UPSERT, [etfId, date, kind, value]);
  await afterActionsChanged(client, etfId);
}

/** What the adjusted prices feed (factors, stored indicators, latest figures), brought up to the ETF's actions. */
async function afterActionsChanged(client: pg.ClientBase, etfId: number): Promise<void> {
  await refreshStoredIndicators(client, etfId, { pricesChangedFrom: null });
  await refreshLatestMetrics(client, [etfId]);
}

const UPSERT_MANY = `/* upsert-actions */
  INSERT INTO corporate_action (etf_id, date, kind, value)
  SELECT * FROM unnest($1::int[], $2::date[], $3::"CorporateActionKind"[], $4::float8[])
  ON CONFLICT (etf_id, date, kind) DO UPDATE SET value = EXCLUDED.value`;

const HISTORY_LENGTHS = `/* history-lengths */
  SELECT etf_id, count(*)::int AS bars FROM daily_price WHERE etf_id = ANY($1::int[]) GROUP BY etf_id`;

/**
 * Writes checked actions of many ETFs (locked by the caller) in a bulk write,
 * such as the nightly update. An action changes every earlier bar of its ETF's
 * adjusted series, so its stored indicators are brought up to it as a bulk
 * load's bars are: now for a short history, by a job for a long one (reads
 * compute them meanwhile, to the same values), so that fifty ETFs going ex on
 * one day do not hold the update's transaction for seconds. Adjustment factors
 * and latest figures are brought up to date now, in the caller's transaction.
 */
export async function writeActionsOfMany(
  client: pg.ClientBase,
  entries: readonly { etfId: number; actions: readonly { kind: ActionKind; date: IsoDate; value: number }[] }[],
): Promise<void> {
  const changed = entries.filter((entry) => entry.actions.length > 0);
  if (changed.length === 0) return;
  // One row per key, the last stated winning, as one statement at a time would leave it.
  const byKey = new Map(
    changed.flatMap(({ etfId, actions }) =>
      actions.map((action) => [`${etfId}|${action.date}|${action.kind}`, { etfId, ...action }] as const),
    ),
  );
  const written = [...byKey.values()];
  await client.query(UPSERT_MANY, [
    written.map((row) => row.etfId),
    written.map((row) => row.date),
    written.map((row) => row.kind),
    written.map((row) => row.value),
  ]);
  const ids = changed.map((entry) => entry.etfId);
  const { rows } = await client.query<{ etf_id: number; bars: number }>(HISTORY_LENGTHS, [ids]);
  const bars = new Map(rows.map((row) => [row.etf_id, row.bars]));
  await refreshAfterActions(
    client,
    ids.map((etfId) => ({ etfId, bars: bars.get(etfId) ?? 0 })),
  );
  await refreshLatestMetrics(client, ids);
}

/** Inserts the action, or replaces the value of the one of that kind on that date. */
export async function recordCorporateAction(
  db: DatabaseView,
  kind: ActionKind,
  rawTicker: string,
  rawDate: Date | string,
  value: number,
): Promise<ActionKey & { ticker: string }> {
  const ticker = normalizeTicker(rawTicker);
  const date = toIsoDate(rawDate);
  return withTransaction(db.pool, async (client) => {
    const etfId = await lockEtfId(client, ticker);
    const problem = await actionProblem(client, etfId, { kind, date, value });
    if (problem) throw badInput([problem]);
    await writeActions(client, etfId, [{ kind, date, value }]);
    return { etfId, date: new Date(`${date}T00:00:00Z`), kind, ticker };
  });
}

/** Deletes the action of that kind on that date; false when there was none. */
export async function deleteCorporateAction(
  db: DatabaseView,
  kind: ActionKind,
  rawTicker: string,
  rawDate: Date | string,
): Promise<boolean> {
  const ticker = normalizeTicker(rawTicker);
  const date = toIsoDate(rawDate);
  return withTransaction(db.pool, async (client) => {
    const etfId = await lockEtfId(client, ticker);
    const deleted = await client.query(
      '/* delete-action */ DELETE FROM corporate_action WHERE etf_id = $1 AND date = $2 AND kind = $3',
      [etfId, date, kind],
    );
    if ((deleted.rowCount ?? 0) === 0) return false;
    await afterActionsChanged(client, etfId);
    return true;
  });
}

// Judging alerts after a write of bars, in a job (EVALUATE_TASK) that the
// write queues in its own transaction. Every alert watching a written ETF is
// tested on the ETF's newest written bar with the values the screen reports
// for it (screen/judge-all.ts: one read of every ETF, then each condition in
// JavaScript), and fires where it holds while it did not on the bar before:
// what held on each ETF's last judged bar is kept (alert_holding, only the
// pairs that held; alert_watermark, the bar), so a night's evaluation reads
// one date and writes what changed.
//   - a bar after the last judged one: fires where it holds now and did not;
//   - the last judged bar itself, changed: compared with the bar before it,
//     judged again;
//   - bars before the last judged one (a backfill): fire only alerts that ask
//     for it (fireOnBackfill), for at most MAX_BACKFILL_DATES dates, each
//     compared with the bar before it; what is kept does not change;
//   - an ETF never judged (new, or its history loaded now) is judged without
//     firing: a history loaded whole is not years of news.
// An event is once per alert, ETF and bar (the table's unique key), whatever
// runs it; the jobs of all processes run one at a time (one queue), and each
// run commits its events, their notices and what it kept together.
import type pg from 'pg';
import type { Logger } from 'pino';
import { addDays, type IsoDate } from '../dates.js';
import { withTransaction } from '../db/transaction.js';
import { inSlices } from '../limits/cpu-slices.js';
import { holds, parseCondition } from '../screen/evaluate-condition.js';
import { type JudgedEtf, judgeAll } from '../screen/judge-all.js';
import type { Condition } from '../screen/screen-filter.js';
import { SCREEN_METRIC_NAMES, type ScreenMetricName } from '../screen/screen-metrics.js';
import { notifyAlertsFired } from './alert-fired-notice.js';
import { QUEUE_DELIVERIES } from './deliver-webhook.js';

export const EVALUATE_TASK = 'evaluate-alerts';
/** Older dates a backfill may fire alerts on, per run: the most recent ones of what it wrote. */
export const MAX_BACKFILL_DATES = 31;

export type EvaluationRequest = { etfIds: number[]; from: IsoDate; to: IsoDate };

// Committed, or rolled back, with the write; nothing is queued while no alert exists.
const QUEUE = `/* queue-alert-evaluation */
  SELECT graphile_worker.add_job('${EVALUATE_TASK}',
    json_build_object('etfIds', $1::int[], 'from', $2::date, 'to', $3::date),
    queue_name => 'alerts', max_attempts => 5)
  WHERE EXISTS (SELECT FROM alert)`;

/** In the writer's transaction: queues the evaluation of what it wrote. */
export async function queueAlertEvaluation(
  client: pg.ClientBase,
  written: readonly { etfId: number; from: IsoDate; to: IsoDate }[],
): Promise<void> {
  if (written.length === 0) return;
  let from = (written[0] as { from: IsoDate }).from;
  let to = (written[0] as { to: IsoDate }).to;
  for (const w of written) {
    if (w.from < from) from = w.from;
    if (w.to > to) to = w.to;
  }
  await client.query(QUEUE, [[...new Set(written.map((w) => w.etfId))], from, to]);
}

type Alert = {
  id: number;
  condition: Condition;
  metrics: ScreenMetricName[];
  etfIds: Set<number> | null;
  fireOnBackfill: boolean;
};

const ALERTS = `/* alerts-watching */
  SELECT a.id, a.condition, a.fire_on_backfill AS "fireOnBackfill",
    CASE WHEN a.all_etfs THEN NULL ELSE (SELECT array_agg(etf_id) FROM alert_etf WHERE alert_id = a.id) END AS "etfIds"
  FROM alert a
  WHERE a.all_etfs OR EXISTS (SELECT FROM alert_etf w WHERE w.alert_id = a.id AND w.etf_id = ANY($1::int[]))`;

// Each written ETF's newest written bar, whether it is its latest, and its last judged bar.
const WRITTEN = `/* alert-written-bars */
  SELECT e.id AS "etfId", w.date::text AS written, (w.date = l.date) AS latest, m.date::text AS watermark
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (SELECT max(date) AS date FROM daily_price WHERE etf_id = e.id AND date BETWEEN $2 AND $3) w
  CROSS JOIN LATERAL (SELECT max(date) AS date FROM daily_price WHERE etf_id = e.id) l
  LEFT JOIN alert_watermark m ON m.etf_id = e.id
  WHERE w.date IS NOT NULL`;

const BACKFILL_DATES = `/* alert-backfill-dates */
  SELECT DISTINCT date::text FROM daily_price
  WHERE etf_id = ANY($1::int[]) AND date BETWEEN $2 AND $3 ORDER BY date DESC LIMIT ${MAX_BACKFILL_DATES}`;

const HELD = `/* alert-held */ SELECT alert_id AS "alertId", etf_id AS "etfId" FROM alert_holding WHERE etf_id = ANY($1::int[])`;

const FIRE = `/* fire-alerts */
  INSERT INTO alert_event (alert_id, etf_id, date, values)
  SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::jsonb[])
  ON CONFLICT (alert_id, etf_id, date) DO NOTHING
  RETURNING id::text`;

const DROP_HELD = `/* drop-alert-holdings */
  DELETE FROM alert_holding WHERE (alert_id, etf_id) IN (SELECT * FROM unnest($1::int[], $2::int[]))`;
const MARK = `/* mark-alert-watermarks */
  INSERT INTO alert_watermark (etf_id, date) SELECT * FROM unnest($1::int[], $2::date[])
  ON CONFLICT (etf_id) DO UPDATE SET date = excluded.date`;
const HOLD = `/* keep-alert-holdings */
  INSERT INTO alert_holding (alert_id, etf_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`;

const LOCK = "/* lock-alert-evaluation */ SELECT pg_advisory_xact_lock(hashtext('etfql:alert-evaluation'))";

type AlertRow = { id: number; condition: unknown; fireOnBackfill: boolean; etfIds: number[] | null };

/** Alerts as the evaluation needs them; one whose stored condition no longer parses is skipped, and said so. */
async function loadAlerts(client: pg.ClientBase, text: string, values: unknown[], logger?: Logger): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for (const row of (await client.query<AlertRow>(text, values)).rows) {
    const parsed = parseCondition(row.condition as Parameters<typeof parseCondition>[0]);
    if (parsed.problems.length > 0) {
      logger?.warn(
        { alertId: row.id, problems: parsed.problems },
        'an alert whose condition no longer parses is skipped',
      );
      continue;
    }
    alerts.push({
      id: row.id,
      condition: parsed.condition,
      metrics: parsed.metrics,
      etfIds: row.etfIds ? new Set(row.etfIds) : null,
      fireOnBackfill: row.fireOnBackfill,
    });
  }
  return alerts;
}

type Fired = { alertId: number; etfId: number; date: IsoDate; values: Record<string, number | null> };

const valuesOf = (alert: Alert, judged: JudgedEtf) =>
  Object.fromEntries(alert.metrics.map((metric) => [metric, judged.values[metric] ?? null]));

const watches = (alert: Alert, etfId: number) => alert.etfIds === null || alert.etfIds.has(etfId);

/** The alerts watching each ETF: a night's 500 ETFs × 1,000 alerts, looked up rather than each alert asked. */
function alertsByEtf(alerts: readonly Alert[]): (etfId: number) => readonly Alert[] {
  const everyEtf = alerts.filter((alert) => alert.etfIds === null);
  const byEtf = new Map<number, Alert[]>();
  for (const alert of alerts) {
    for (const etfId of alert.etfIds ?? []) {
      const list = byEtf.get(etfId);
      if (list) list.push(alert);
      else byEtf.set(etfId, [...everyEtf, alert]);
    }
  }
  return (etfId) => byEtf.get(etfId) ?? everyEtf;
}

export type EvaluationResult = { alerts: number; etfs: number; fired: number };

export async function evaluateAlerts(
  pool: pg.Pool,
  request: EvaluationRequest,
  logger?: Logger,
): Promise<EvaluationResult> {
  return withTransaction(pool, async (client) => {
    await client.query(LOCK);
    const alerts = await loadAlerts(client, ALERTS, [request.etfIds], logger);
    if (alerts.length === 0) return { alerts: 0, etfs: 0, fired: 0 };
    // Every metric, always: the same statement text each time (one prepared
    // statement), and no dearer than a few (the figures come in one row).
    const metrics = SCREEN_METRIC_NAMES;
    const judge = (asOf: IsoDate | null, etfIds: number[]) =>
      etfIds.length === 0
        ? Promise.resolve(new Map<number, JudgedEtf>())
        : judgeAll(pool, { metrics, asOf, adjusted: false, etfIds });

    const written = (
      await client.query<{ etfId: number; written: IsoDate; latest: boolean; watermark: IsoDate | null }>(WRITTEN, [
        request.etfIds,
        request.from,
        request.to,
      ])
    ).rows;
    const held = new Set(
      (await client.query<{ alertId: number; etfId: number }>(HELD, [written.map((w) => w.etfId)])).rows.map(
        (row) => `${row.alertId}:${row.etfId}`,
      ),
    );
    const fired: Fired[] = [];
    const watching = alertsByEtf(alerts);
    const kept: { etfId: number; date: IsoDate }[] = [];
    const holding: [number, number][] = [];

    // The newest written bar of each ETF: judged once per date (usually one: the night's).
    const byDate = new Map<string, typeof written>();
    for (const w of written) {
      if (w.watermark !== null && w.written < w.watermark) continue; // only a backfill: below
      const key = w.latest ? 'latest' : w.written;
      byDate.set(key, [...(byDate.get(key) ?? []), w]);
    }
    for (const [key, group] of byDate) {
      const now = await judge(
        key === 'latest' ? null : key,
        group.map((w) => w.etfId),
      );
      // A changed last judged bar is compared with the bar before it, judged again.
      const again = group.filter((w) => w.watermark === w.written);
      const before =
        again.length > 0
          ? await judge(
              addDays(again[0]?.written as IsoDate, -1),
              again.map((w) => w.etfId),
            )
          : null;
      for (const w of group) {
        const judged = now.get(w.etfId);
        if (!judged || judged.date !== w.written) continue;
        kept.push({ etfId: w.etfId, date: w.written });
        const previous = w.watermark === w.written ? before?.get(w.etfId) : undefined;
        // Every alert on one ETF is a piece of main-thread work: in slices, so
        // that many alerts never hold the server's event loop.
        await inSlices(() => {
          for (const alert of watching(w.etfId)) {
            const now = holds(alert.condition, judged);
            if (now) holding.push([alert.id, w.etfId]);
            if (!now || w.watermark === null) continue;
            const was =
              w.watermark === w.written
                ? previous
                  ? holds(alert.condition, previous)
                  : true
                : held.has(`${alert.id}:${w.etfId}`);
            if (!was)
              fired.push({ alertId: alert.id, etfId: w.etfId, date: w.written, values: valuesOf(alert, judged) });
          }
        });
      }
    }

    // Older bars, for the alerts that ask for them: each date against the bar before it.
    const backfilling = alerts.filter((alert) => alert.fireOnBackfill);
    if (backfilling.length > 0) {
      const dates = (
        await client.query<{ date: IsoDate }>(BACKFILL_DATES, [request.etfIds, request.from, request.to])
      ).rows
        .map((row) => row.date)
        .reverse();
      const watermarks = new Map(written.map((w) => [w.etfId, w.watermark]));
      for (const date of dates) {
        const etfIds = request.etfIds.filter((id) => {
          const mark = watermarks.get(id);
          return mark != null && date < mark;
        });
        if (etfIds.length === 0) continue;
        const [on, before] = await Promise.all([judge(date, etfIds), judge(addDays(date, -1), etfIds)]);
        for (const etfId of etfIds) {
          const judged = on.get(etfId);
          const previous = before.get(etfId);
          if (!judged || judged.date !== date || !previous) continue;
          for (const alert of backfilling) {
            if (watches(alert, etfId) && holds(alert.condition, judged) && !holds(alert.condition, previous)) {
              fired.push({ alertId: alert.id, etfId, date, values: valuesOf(alert, judged) });
            }
          }
        }
      }
    }

    const created =
      fired.length === 0
        ? []
        : (
            await client.query<{ id: string }>(FIRE, [
              fired.map((f) => f.alertId),
              fired.map((f) => f.etfId),
              fired.map((f) => f.date),
              fired.map((f) => JSON.stringify(f.values)),
            ])
          ).rows.map((row) => row.id);
    await notifyAlertsFired(client, created);
    if (created.length > 0) await client.query(QUEUE_DELIVERIES, [created]);
    if (kept.length > 0) {
      await client.query(MARK, [kept.map((k) => k.etfId), kept.map((k) => k.date)]);
      // Only the pairs that changed: rewriting every pair that holds cost a
      // night's evaluation most of its time (thousands of rows, each with two
      // foreign-key checks), while a few hundred change. `held` was read under
      // the lock, so it is what the table holds for these ETFs.
      const judged = new Set(kept.map((k) => k.etfId));
      const now = new Set(holding.map(([alertId, etfId]) => `${alertId}:${etfId}`));
      const gone: [number, number][] = [];
      for (const pair of held) {
        const [alertId, etfId] = pair.split(':').map(Number) as [number, number];
        if (judged.has(etfId) && !now.has(pair)) gone.push([alertId, etfId]);
      }
      const added = holding.filter(([alertId, etfId]) => !held.has(`${alertId}:${etfId}`));
      if (gone.length > 0) await client.query(DROP_HELD, [gone.map(([a]) => a), gone.map(([, e]) => e)]);
      if (added.length > 0) await client.query(HOLD, [added.map(([a]) => a), added.map(([, e]) => e)]);
    }
    return { alerts: alerts.length, etfs: kept.length, fired: created.length };
  });
}

const ONE_ALERT = `/* alert-to-seed */
  SELECT a.id, a.condition, a.fire_on_backfill AS "fireOnBackfill",
    CASE WHEN a.all_etfs THEN NULL ELSE (SELECT array_agg(etf_id) FROM alert_etf WHERE alert_id = a.id) END AS "etfIds"
  FROM alert a WHERE a.id = $1`;

// Every watched ETF with a bar: its last judged bar, or (never judged) its latest, which becomes its mark.
const WATCHED = `/* alert-watched-etfs */
  SELECT e.id AS "etfId", coalesce(m.date, l.date)::text AS date, (coalesce(m.date, l.date) = l.date) AS latest,
         m.date IS NULL AS unmarked
  FROM etf e
  CROSS JOIN LATERAL (SELECT max(date) AS date FROM daily_price WHERE etf_id = e.id) l
  LEFT JOIN alert_watermark m ON m.etf_id = e.id
  WHERE l.date IS NOT NULL AND ($1::int[] IS NULL OR e.id = ANY($1::int[]))`;

/**
 * What a new (or changed) alert held on each watched ETF's last judged bar,
 * so that its first firing is a crossing on a bar after it was made, never
 * the level it found. An ETF no alert has judged yet is marked at its latest bar.
 */
export async function seedAlertHoldings(pool: pg.Pool, alertId: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query(LOCK);
    const [alert] = await loadAlerts(client, ONE_ALERT, [alertId]);
    if (!alert) return;
    await client.query('/* reset-alert-holdings */ DELETE FROM alert_holding WHERE alert_id = $1', [alertId]);
    const watched = (
      await client.query<{ etfId: number; date: IsoDate; latest: boolean; unmarked: boolean }>(WATCHED, [
        alert.etfIds ? [...alert.etfIds] : null,
      ])
    ).rows;
    // An ETF never judged is judged now for every alert that watches it, not only this one.
    const unmarked = watched.filter((w) => w.unmarked).map((w) => w.etfId);
    const others =
      unmarked.length > 0 ? (await loadAlerts(client, ALERTS, [unmarked])).filter((a) => a.id !== alertId) : [];
    const metrics = SCREEN_METRIC_NAMES;
    const byDate = new Map<string, typeof watched>();
    for (const w of watched) {
      const key = w.latest ? 'latest' : w.date;
      byDate.set(key, [...(byDate.get(key) ?? []), w]);
    }
    const holding: [number, number][] = [];
    const marks: { etfId: number; date: IsoDate }[] = [];
    for (const [key, group] of byDate) {
      const judged = await judgeAll(pool, {
        metrics,
        asOf: key === 'latest' ? null : key,
        adjusted: false,
        etfIds: group.map((w) => w.etfId),
      });
      for (const w of group) {
        const etf = judged.get(w.etfId);
        if (!etf || etf.date !== w.date) continue;
        if (holds(alert.condition, etf)) holding.push([alertId, w.etfId]);
        if (!w.unmarked) continue;
        marks.push({ etfId: w.etfId, date: w.date });
        for (const other of others) {
          if (watches(other, w.etfId) && holds(other.condition, etf)) holding.push([other.id, w.etfId]);
        }
      }
    }
    if (marks.length > 0) await client.query(MARK, [marks.map((m) => m.etfId), marks.map((m) => m.date)]);
    await client.query(HOLD, [holding.map(([id]) => id), holding.map(([, etfId]) => etfId)]);
  });
}

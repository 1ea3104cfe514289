// The job worker: graphile-worker running the tasks below against PostgreSQL.
// The server runs one by default (JOB_WORKER), and `npm run worker` runs one on
// its own for deployments that scale out. Jobs live in the database, so they
// survive restarts; failed ones are retried with backoff (up to their
// max_attempts); a job's own queue keeps one ETF's jobs from running at once.
import { Logger, type Runner, run, runOnce, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { Logger as Pino } from 'pino';
import { DELIVER_TASK, deliverWebhook } from '../alerts/deliver-webhook.js';
import { EVALUATE_TASK, type EvaluationRequest, evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { bringCurrent, REFRESH_TASK } from '../indicators/stored/keep-current.js';
import { refreshLatestMetricsOf } from '../performance/latest-metrics.js';

/** How webhooks are delivered: ALERT_WEBHOOK_TIMEOUT_MS and ALERT_WEBHOOK_ALLOW_PRIVATE. */
export type DeliveryOptions = { timeoutMs: number; allowPrivate: boolean };
const DEFAULT_DELIVERY: DeliveryOptions = { timeoutMs: 5_000, allowPrivate: false };

function tasks(pool: pg.Pool, logger?: Pino, delivery: DeliveryOptions = DEFAULT_DELIVERY): TaskList {
  return {
    [EVALUATE_TASK]: async (payload) => {
      const started = Date.now();
      const result = await evaluateAlerts(pool, payload as EvaluationRequest, logger);
      if (result.alerts > 0) logger?.debug({ ...result, ms: Date.now() - started }, 'alerts evaluated');
    },
    [DELIVER_TASK]: async (payload, helpers) => {
      const { eventId } = payload as { eventId: string };
      await deliverWebhook(pool, eventId, helpers.job.attempts, delivery);
    },
    [REFRESH_TASK]: async (payload) => {
      const { etfId } = payload as { etfId: number };
      const started = Date.now();
      const { refreshed } = await bringCurrent(pool, etfId);
      // The write that queued this job left the ETF's latest figures to it too.
      if (refreshed) await refreshLatestMetricsOf(pool, etfId);
      if (refreshed) logger?.debug({ etfId, ms: Date.now() - started }, 'stored indicators current');
    },
  };
}

/**
 * A line graphile-worker logs as an error yet ignores itself: its LISTEN
 * connection is already gone when it releases it. It happens on every Ctrl-C
 * of `npm start`, whose signal reaches the embedded PostgreSQL too, so the
 * database ends that connection before the worker stops; nothing is lost.
 */
const HARMLESS = /^Error occurred attempting to UNLISTEN/;

/** graphile-worker's log lines through pino: warnings and errors only (a failed attempt, a retry). */
function jobLogger(logger?: Pino): Logger {
  return new Logger((scope) => (level, message, meta) => {
    if (!logger) return;
    if (HARMLESS.test(message)) return logger.debug({ ...scope, ...meta }, message);
    if (level !== 'warning' && level !== 'error') return;
    logger[level === 'warning' ? 'warn' : 'error']({ ...scope, ...meta }, message);
  });
}

export type JobWorker = { stop(): Promise<void> };

/** Runs jobs until stopped; `concurrency` jobs at once. */
export async function startJobWorker(
  pool: pg.Pool,
  options: { concurrency: number; logger?: Pino; delivery?: DeliveryOptions },
): Promise<JobWorker> {
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    noHandleSignals: true, // the process's own shutdown stops it
    pollInterval: 2_000,
    logger: jobLogger(options.logger),
    taskList: tasks(pool, options.logger, options.delivery),
  });
  return { stop: () => runner.stop() };
}

/** Runs every job that is due now, then returns: for tests and for tools that must wait for their jobs. */
export async function runDueJobs(pool: pg.Pool, delivery?: DeliveryOptions): Promise<void> {
  await runOnce({ pgPool: pool, logger: jobLogger(), taskList: tasks(pool, undefined, delivery) });
}

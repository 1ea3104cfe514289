// What admins see of the background jobs: every job still in the queue (done
// jobs leave it) and how many ETFs have their stored indicators current.
import type pg from 'pg';
import { storedProgress } from '../indicators/stored/keep-current.js';

export type JobState = 'WAITING' | 'RUNNING' | 'RETRYING' | 'FAILED';

export type JobRow = {
  id: string;
  task: string;
  ticker: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
};

/** Jobs by task: how many wait, retry (failed before, due again) or failed for good. */
export type TaskBacklog = { task: string; waiting: number; retrying: number; failed: number };

export type JobReport = { etfsCurrent: number; etfsBehind: number; backlog: TaskBacklog[]; jobs: JobRow[] };

const JOBS = `/* job-report */
  SELECT j.id::text, j.task_identifier AS task, e.ticker,
         CASE WHEN j.locked_at IS NOT NULL THEN 'RUNNING'
              WHEN j.attempts >= j.max_attempts THEN 'FAILED'
              WHEN j.attempts > 0 THEN 'RETRYING'
              ELSE 'WAITING' END AS state,
         j.attempts, j.max_attempts AS "maxAttempts", j.last_error AS "lastError",
         j.run_at AS "runAt", j.created_at AS "createdAt"
  FROM graphile_worker.jobs j
  LEFT JOIN etf e ON e.id = substring(j.key FROM '^stored-indicators-([0-9]+)$')::int
  ORDER BY j.run_at, j.id
  LIMIT $1`;

const BACKLOG = `/* job-backlog */
  SELECT task_identifier AS task,
         count(*) FILTER (WHERE attempts = 0)::int AS waiting,
         count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts)::int AS retrying,
         count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
  FROM graphile_worker.jobs GROUP BY task_identifier ORDER BY task_identifier`;

export async function jobReport(pool: pg.Pool, limit = 500): Promise<JobReport> {
  const [jobs, progress, backlog] = await Promise.all([
    pool.query<JobRow>(JOBS, [limit]),
    storedProgress(pool),
    pool.query<TaskBacklog>(BACKLOG),
  ]);
  return { etfsCurrent: progress.current, etfsBehind: progress.behind, backlog: backlog.rows, jobs: jobs.rows };
}

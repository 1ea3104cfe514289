// What admins see of the background jobs: every job still in the queue (done
// jobs leave it) and how many ETFs have their stored indicators current.
import type pg from 'pg';

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

export type JobReport = { etfsCurrent: number; etfsBehind: number; jobs: JobRow[] };

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

const PROGRESS = `/* stored-indicator-progress */
  SELECT count(*) FILTER (WHERE NOT x.behind)::int AS current, count(*) FILTER (WHERE x.behind)::int AS behind
  FROM (
    SELECT e.stored_indicators_through IS DISTINCT FROM (SELECT max(p.date) FROM daily_price p WHERE p.etf_id = e.id) AS behind
    FROM etf e
  ) x`;

export async function jobReport(pool: pg.Pool, limit = 500): Promise<JobReport> {
  const [jobs, progress] = await Promise.all([
    pool.query<JobRow>(JOBS, [limit]),
    pool.query<{ current: number; behind: number }>(PROGRESS),
  ]);
  const counts = progress.rows[0] ?? { current: 0, behind: 0 };
  return { etfsCurrent: counts.current, etfsBehind: counts.behind, jobs: jobs.rows };
}

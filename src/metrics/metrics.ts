// Every Prometheus metric the server exports, in one place, on one registry
// per process (prom-client). Names follow Prometheus's conventions: a unit
// suffix, `_total` on counters; label values are bounded sets (operation
// names are the client's, so they are cut to a length and counted as `other`
// past a number of distinct names, which keeps a hostile client from
// exhausting memory with made-up names).
import type pg from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'etfql_' });
// Gauges that prom-client names like counters: promtool's lint refuses them,
// and the event loop's own figures (lag, handles by type) remain.
for (const name of ['active_handles_total', 'active_requests_total', 'active_resources_total']) {
  registry.removeSingleMetric(`etfql_nodejs_${name}`);
}

// From a cached chart (well under a millisecond) to a slow backfill.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = new Histogram({
  name: 'etfql_graphql_request_duration_seconds',
  help: 'GraphQL operations from parsed request to result, by operation name and type.',
  labelNames: ['operation', 'type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'etfql_graphql_errors_total',
  help: 'Errors in GraphQL results, by their extensions.code (INTERNAL for masked ones).',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const sqlDuration = new Histogram({
  name: 'etfql_sql_statement_duration_seconds',
  help: 'SQL statements by name (the /* name */ comment each carries; prisma for the ORM, unnamed otherwise).',
  labelNames: ['statement'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/** The pools reported by etfql_db_pool_connections, by database (src/metrics/sql-metrics.ts fills it). */
export const pools = new Map<string, pg.Pool>();

export const poolConnections = new Gauge({
  name: 'etfql_db_pool_connections',
  help: 'Connections of each database pool: total open, idle, and callers waiting for one.',
  labelNames: ['database', 'state'] as const,
  registers: [registry],
  // Read when scraped, so the numbers are those of that moment.
  collect() {
    this.reset();
    for (const [database, pool] of pools) {
      this.set({ database, state: 'total' }, pool.totalCount);
      this.set({ database, state: 'idle' }, pool.idleCount);
      this.set({ database, state: 'waiting' }, pool.waitingCount);
    }
  },
});

export const cacheRequests = new Counter({
  name: 'etfql_response_cache_requests_total',
  help: 'Response cache lookups of cacheable queries, hits and misses.',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const rateLimitRefusals = new Counter({
  name: 'etfql_rate_limit_refusals_total',
  help: 'Requests refused with RATE_LIMITED.',
  registers: [registry],
});

export const subscriptionsOpen = new Gauge({
  name: 'etfql_subscriptions_open',
  help: 'Subscriptions currently open on this process.',
  registers: [registry],
});

export const subscriptionsDropped = new Counter({
  name: 'etfql_subscriptions_dropped_total',
  help: 'Subscriptions closed with SUBSCRIBER_TOO_SLOW: their client fell a whole backlog of notices behind.',
  registers: [registry],
});

export const subscriptionExecutions = new Counter({
  name: 'etfql_subscription_executions_total',
  help: 'Subscription events executed: once per notice for all the subscribers of one document.',
  registers: [registry],
});

const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

/** An operation name as a label value: anonymous, the name, or `other` past MAX_OPERATION_NAMES distinct names. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const label = name.slice(0, 64);
  if (operationNames.has(label)) return label;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(label);
  return label;
}

export const jobsQueued = new Gauge({
  name: 'etfql_jobs',
  help: 'Background jobs in the queue, by task and state (waiting, retrying: failed at least once and due again, failed: out of attempts); alert webhook deliveries that receivers refuse show here as retrying.',
  labelNames: ['task', 'state'] as const,
  registers: [registry],
  // Read when scraped, from the primary.
  async collect() {
    this.reset();
    const pool = pools.get('primary');
    if (!pool) return;
    const { rows } = await pool
      .query<{ task: string; state: string; n: number }>(JOB_COUNTS)
      .catch(() => ({ rows: [] as { task: string; state: string; n: number }[] }));
    for (const row of rows) this.set({ task: row.task, state: row.state }, row.n);
  },
});

const JOB_COUNTS = `/* job-counts */
  SELECT task_identifier AS task,
         CASE WHEN attempts >= max_attempts THEN 'failed' WHEN attempts > 0 THEN 'retrying' ELSE 'waiting' END AS state,
         count(*)::int AS n
  FROM graphile_worker.jobs GROUP BY 1, 2`;

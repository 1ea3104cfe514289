// The process: configuration, database, HTTP server, graceful shutdown; with
// WEB_CONCURRENCY > 1, the primary of a cluster of API workers
// (src/startup/workers.ts), and each worker.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';
import { createDatabase, topologyOptions } from './db/database.js';
import { openDatabaseServer } from './db/database-server.js';
import { loadEnvFile } from './env-file.js';
import { ensureDashboardBuilt } from './http/dashboard-assets.js';
import { startJobWorker } from './jobs/worker.js';
import { createLogger } from './logger.js';
import { joinClusterMetrics } from './metrics/cluster-metrics.js';
import { prepareDatabase } from './startup/prepare-database.js';
import { serveHttp } from './startup/serve-http.js';
import { startWorkers, type WorkerMessage, workerPoolSize } from './startup/workers.js';
import { createApp } from './yoga.js';

let config: ReturnType<typeof loadConfig>;
try {
  loadEnvFile();
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const logger = createLogger(config);
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(reason: string, exitCode: number): Promise<void> {
  // A second signal forces the primary out; a worker, which gets the terminal's
  // SIGINT and then the primary's SIGTERM, goes on draining (10 s at most).
  if (stopping) {
    if (cluster.isWorker) return;
    process.exit(exitCode);
  }
  stopping = true;
  logger.info({ reason }, 'shutting down');
  // A request still running after 10 s is abandoned rather than holding up a deploy.
  const force = setTimeout(() => process.exit(exitCode || 1), 10_000);
  force.unref();
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => logger.error({ err: error }, 'error during shutdown'));
  }
  logger.info('stopped');
  process.exit(exitCode);
}

process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.on('SIGINT', () => void shutdown('SIGINT', 0));

if (cluster.isWorker) {
  await runWorker();
} else {
  await runPrimary();
}

/** The main process: the database, migrations, jobs; then it serves, itself or through workers. */
async function runPrimary(): Promise<void> {
  try {
    const databaseServer = await openDatabaseServer(
      config,
      (message) => logger.debug({ postgres: message }),
      (message) => logger.warn(message),
    );
    cleanups.push(() => databaseServer.stop());
    if (databaseServer.embedded) logger.info({ dataDir: config.dataDir }, 'started embedded PostgreSQL');

    const workers = config.webConcurrency;
    const db = await prepareDatabase(databaseServer.url, config, logger, {
      // With workers, this process's pool serves the job worker only.
      poolSize: workers > 1 ? config.jobs.concurrency + 2 : config.dbPoolSize,
      serves: workers === 1,
    });
    cleanups.push(() => db.close());
    if (config.jobs.worker) {
      // Stopped before the pool closes: a running job finishes (or is retried later).
      const worker = await startJobWorker(db.direct, {
        concurrency: config.jobs.concurrency,
        logger,
        delivery: { timeoutMs: config.alerts.webhookTimeoutMs, allowPrivate: config.alerts.allowPrivateWebhooks },
      });
      cleanups.push(() => worker.stop());
    }
    if (await ensureDashboardBuilt()) logger.info('built the dashboard (npm run build)');

    if (workers === 1) {
      const app = createApp({ db, config, logger });
      const server = await serveHttp(app, config, {
        portIsDefault: process.env.PORT === undefined,
        onPortTaken: (taken, used) =>
          logger.warn(`port ${taken} is in use (another etfql?): serving on ${used}; set PORT to choose`),
      });
      cleanups.push(() => server.close());
      logger.info({ url: server.url }, 'etfql is serving GraphQL and GraphiQL');
      return;
    }
    const pool = workerPoolSize(config.dbPoolSize, workers);
    const env: Record<string, string> = {
      DATABASE_URL: databaseServer.url,
      DB_POOL_SIZE: String(pool),
      SEED_DEMO: 'false',
    };
    if (!config.responseCache.redisUrl) {
      // A write waits for its own worker's evictions only: a sibling's cache
      // could still answer the writer with what the write replaced. A cache
      // that may be stale is no cache of ours, so it stays off without Redis.
      env.RESPONSE_CACHE = 'false';
      logger.warn(
        { workers },
        'several workers without REDIS_URL: rate limits and sign-in throttling are per worker, and the response cache is off',
      );
    }
    // Every worker must verify the tokens any of them signed: one key for all.
    if (config.auth.jwtSecrets.length === 0) {
      env.JWT_SECRET = randomBytes(32).toString('base64url');
      logger.warn('JWT_SECRET is not set: sign-in tokens are signed with a key made for this run of the server only');
    }
    const started = startWorkers(workers, env, logger);
    cleanups.push(() => started.stop());
    const url = await started.listening;
    logger.info({ url, workers, poolPerWorker: pool }, 'etfql is serving GraphQL and GraphiQL');
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await shutdown('start-up failed', 1);
  }
}

/** An API worker: its own pool and app on the shared port; the primary prepared the database. */
async function runWorker(): Promise<void> {
  try {
    joinClusterMetrics();
    const db = createDatabase(config.databaseUrl as string, {
      poolSize: config.dbPoolSize,
      ...topologyOptions(config, true),
    });
    cleanups.push(() => db.close());
    const app = createApp({ db, config, logger });
    const server = await serveHttp(app, config);
    cleanups.push(() => server.close());
    logger.debug({ url: server.url }, 'API worker listening');
    process.send?.({ type: 'etfql:listening', url: server.url } satisfies WorkerMessage);
  } catch (error) {
    logger.fatal({ err: error }, 'worker start-up failed');
    await shutdown('worker start-up failed', 1);
  }
}

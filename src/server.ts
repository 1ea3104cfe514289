// The process: configuration, database, HTTP server, graceful shutdown.
import { ConfigError, loadConfig } from './config.js';
import { openDatabaseServer } from './db/database-server.js';
import { loadEnvFile } from './env-file.js';
import { ensureDashboardBuilt } from './http/dashboard-assets.js';
import { createHttpServer } from './http/http-server.js';
import { startJobWorker } from './jobs/worker.js';
import { createLogger } from './logger.js';
import { prepareDatabase } from './startup/prepare-database.js';
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

async function shutdown(reason: string, exitCode: number): Promise<never> {
  if (stopping) process.exit(exitCode);
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

process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
process.once('SIGINT', () => void shutdown('SIGINT', 0));

try {
  const databaseServer = await openDatabaseServer(
    config,
    (message) => logger.debug({ postgres: message }),
    (message) => logger.warn(message),
  );
  cleanups.push(() => databaseServer.stop());
  if (databaseServer.embedded) logger.info({ dataDir: config.dataDir }, 'started embedded PostgreSQL');

  const db = await prepareDatabase(databaseServer.url, config, logger);
  cleanups.push(() => db.close());
  if (config.jobs.worker) {
    // Stopped before the pool closes: a running job finishes (or is retried later).
    const worker = await startJobWorker(db.pool, { concurrency: config.jobs.concurrency, logger });
    cleanups.push(() => worker.stop());
  }

  if (await ensureDashboardBuilt()) logger.info('built the dashboard (npm run build)');
  const app = createApp({ db, config, logger });
  const server = createHttpServer(app);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}/graphql` }, 'etfql is serving GraphQL and GraphiQL');
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  await shutdown('start-up failed', 1);
}

// npm run worker: runs the background jobs (stored indicators after large
// loads) in a process of its own, for deployments that run the API servers
// with JOB_WORKER=false. Stops on SIGTERM or SIGINT once its running jobs end.

import { startJobWorker } from '../jobs/worker.js';
import { createLogger } from '../logger.js';
import { runCli, withCliDatabase } from './cli-database.js';

runCli(() =>
  withCliDatabase(async (db, config) => {
    const logger = createLogger(config);
    const worker = await startJobWorker(db.direct, {
      concurrency: config.jobs.concurrency,
      logger,
      delivery: { timeoutMs: config.alerts.webhookTimeoutMs, allowPrivate: config.alerts.allowPrivateWebhooks },
    });
    logger.info({ concurrency: config.jobs.concurrency }, 'etfql worker is running jobs');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await worker.stop();
    logger.info('worker stopped');
    return 0;
  }),
);

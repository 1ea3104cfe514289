// Everything between "we have a PostgreSQL" and "we can serve": migrations, the
// admin key from the environment, and demo data on an empty database. Start-up
// sits above the features it prepares; db/ below them knows none of them.
import type { Logger } from 'pino';
import { ensureAdminApiKey } from '../auth/api-keys.js';
import type { Config } from '../config.js';
import { createDatabase, type Database, topologyOptions } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { demoLastDate } from '../demo/demo-etfs.js';
import { seedDemoData, seedDemoHoldings, topUpDemoData } from '../demo/seed-demo.js';
import { queueLaggingRefreshes } from '../indicators/stored/keep-current.js';
import { runDueJobs } from '../jobs/worker.js';
import { refreshBehindLatestMetrics } from '../performance/latest-metrics.js';
import { adminExists, ensureAdminUser } from '../users/first-admin.js';

export async function prepareDatabase(
  url: string,
  config: Config,
  logger: Logger,
  /** `serves`: this process answers requests (replicas are read from), not only runs jobs. */
  options: { poolSize: number; serves: boolean } = { poolSize: config.dbPoolSize, serves: true },
): Promise<Database> {
  const db = createDatabase(url, { poolSize: options.poolSize, ...topologyOptions(config, options.serves) });
  try {
    // Not through a transaction pooler: the engine holds a session advisory lock.
    const applied = await applyMigrations(db.directUrl);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
    if (config.adminApiKey) await ensureAdminApiKey(db.prisma, config.adminApiKey);
    if (config.auth.adminEmail && config.auth.adminPassword) {
      const admin = await ensureAdminUser(db.prisma, config.auth.adminEmail, config.auth.adminPassword);
      if (admin.created) logger.info({ userId: admin.id }, 'created the first admin from ADMIN_EMAIL');
    }
    // Always runs, and so is also Prisma's first query, which compiles its
    // engine (~40 MB, a few hundred ms): paid here, not by the first request.
    if (!(await adminExists(db.prisma))) {
      logger.warn(
        'No administrator yet: set ADMIN_EMAIL and ADMIN_PASSWORD (or ADMIN_API_KEY) and restart, or run `ADMIN_PASSWORD=… npm run create-admin -- you@example.com`',
      );
    }
    const lagging = await queueLaggingRefreshes(db.pool);
    if (lagging > 0) logger.info({ etfs: lagging }, 'queued jobs for stored indicators that lag their prices');
    const behind = await refreshBehindLatestMetrics(db.pool);
    if (behind > 0) logger.info({ etfs: behind }, 'brought the latest performance figures current');
    if (config.seedDemo) {
      const started = Date.now();
      // The demo ends on the last weekday before today: seeded so on an empty
      // database, or brought up to date on one seeded on an earlier day.
      const last = demoLastDate();
      const seeded = await seedDemoData(db, last);
      const added = seeded > 0 ? 0 : await topUpDemoData(db, last);
      // The demo is served complete from its first request: its jobs run now.
      if (seeded + added > 0) await runDueJobs(db.direct);
      if (seeded > 0) logger.info({ bars: seeded, ms: Date.now() - started }, 'seeded demo data (synthetic prices)');
      if (added > 0)
        logger.info({ bars: added, through: last, ms: Date.now() - started }, 'brought the demo data up to date');
      const positions = await seedDemoHoldings(db, last);
      if (positions > 0) logger.info({ positions }, 'seeded demo holdings (synthetic)');
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

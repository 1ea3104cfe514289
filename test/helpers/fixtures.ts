// Small, hand-checkable data sets that tests load through the real load path.
import type { Database } from '../../src/db/database.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import type { BarInput } from '../../src/prices/validate-bars.js';

export async function createEtf(db: Database, ticker: string, extra: Record<string, unknown> = {}) {
  return db.prisma.etf.create({ data: { ticker, name: `${ticker} Test Fund`, currency: 'USD', ...extra } });
}

/**
 * An ETF with deterministic synthetic bars on every weekday from `first` to
 * `last`, and its stored indicators current (a long load leaves them to a job:
 * the job runs before this returns).
 */
export async function createEtfWithBars(
  db: Database,
  ticker: string,
  first: string,
  last: string,
): Promise<BarInput[]> {
  await createEtf(db, ticker);
  const bars = syntheticBars(ticker, tradingDays(first, last), {
    start: 100,
    drift: 0.05,
    volatility: 0.2,
    volume: 1e6,
  });
  await loadPrices(db, ticker, bars);
  await runDueJobs(db.pool);
  return bars;
}

/** Everything in the tables a mutation may touch, for "the database is unchanged" checks. */
export async function snapshot(db: Database) {
  const [etfs, prices, indicators, actions, keys] = await Promise.all([
    db.pool.query('SELECT * FROM etf ORDER BY id'),
    db.pool.query('SELECT * FROM daily_price ORDER BY etf_id, date'),
    db.pool.query('SELECT * FROM daily_indicator ORDER BY etf_id, adjusted, date'),
    db.pool.query('SELECT * FROM corporate_action ORDER BY etf_id, date, kind'),
    db.pool.query('SELECT id, name, role, revoked_at FROM api_key ORDER BY id'),
  ]);
  return { etfs: etfs.rows, prices: prices.rows, indicators: indicators.rows, actions: actions.rows, keys: keys.rows };
}

/** Resolves once `check` holds, polling every 20 ms; fails with `what` after the timeout. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Resolves once some session of this database waits on a row or table lock, so a test can release it knowing the waiter is queued. */
export function waitForLockWait(pool: Database['pool'], timeoutMs = 5_000): Promise<void> {
  return waitUntil(
    async () =>
      (
        await pool.query(
          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
      ).rows.length > 0,
    'a session waits for a lock',
    timeoutMs,
  );
}

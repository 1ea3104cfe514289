// The analytics data set: 500 ETFs × 10 years of weekday bars in a database of
// its own, loaded the way a user loads it (loadPrices, so each load writes
// its latest_metrics row; the jobs it queues store the indicators), with
// quarterly dividends on one ETF in five, so total returns are adjusted ones.
import { writeActions } from '../src/corporate-actions/record-action.js';
import { createDatabase, type Database } from '../src/db/database.js';
import { withTransaction } from '../src/db/transaction.js';
import { syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { lockEtfId } from '../src/etfs/lock-etf.js';
import { runDueJobs } from '../src/jobs/worker.js';
import { refreshLatestMetrics } from '../src/performance/latest-metrics.js';
import { loadPrices } from '../src/prices/load-prices.js';
import { ANALYTICS_ETFS, ANALYTICS_LAST_DAY, ANALYTICS_YEARS, analyticsTicker } from './analytics-workload.js';
import { freshDatabase } from './loading.js';

const CLASSES = ['EQUITY', 'FIXED_INCOME', 'COMMODITY', 'REAL_ESTATE'] as const;
const ISSUERS = ['iShares', 'Vanguard', 'State Street', 'Invesco', 'Schwab'];

async function seed(db: Database, days: string[]) {
  for (let i = 0; i < ANALYTICS_ETFS; i++) {
    const ticker = analyticsTicker(i);
    await db.prisma.etf.create({
      data: {
        ticker,
        name: `${ticker} Bench Fund`,
        assetClass: CLASSES[i % CLASSES.length],
        issuer: ISSUERS[i % ISSUERS.length] ?? null,
        expenseRatio: 0.0003 * (1 + (i % 10)),
      },
    });
    const bars = syntheticBars(ticker, days, {
      start: 20 + (i % 50) * 4,
      drift: -0.05 + (i % 11) * 0.02,
      volatility: 0.08 + (i % 9) * 0.04,
      volume: 1e5 * (1 + (i % 30)),
    });
    await loadPrices(db, ticker, bars);
    if (i % 5 !== 0) continue;
    // A quarterly dividend of 0.5 % of the close before each ex-date.
    const dividends = bars.flatMap((bar, t) =>
      t > 0 && t % 63 === 0
        ? [{ kind: 'DIVIDEND' as const, date: String(bar.date), value: 0.005 * (bars[t - 1]?.close ?? 0) }]
        : [],
    );
    await withTransaction(db.pool, async (client) => writeActions(client, await lockEtfId(client, ticker), dividends));
  }
}

/** Creates and fills the database; returns its URL and how long the rewrite of every ETF's latest_metrics rows takes. */
export async function createAnalyticsDatabase(adminUrl: string): Promise<{ url: string; refreshMs: number }> {
  const url = await freshDatabase(adminUrl, 'bench_analytics');
  const first = `${Number(ANALYTICS_LAST_DAY.slice(0, 4)) - ANALYTICS_YEARS}${ANALYTICS_LAST_DAY.slice(4)}`;
  const db = createDatabase(url, { poolSize: 4 });
  try {
    await seed(db, tradingDays(first, ANALYTICS_LAST_DAY));
    await runDueJobs(db.pool);
    await db.pool.query('VACUUM ANALYZE');
    // What every write adds, for all 500 ETFs at once (the nightly update's
    // case): measured in a transaction that is rolled back.
    const { rows } = await db.pool.query<{ id: number }>('SELECT id FROM etf');
    const ids = rows.map((row) => row.id);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const started = performance.now();
      await refreshLatestMetrics(client, ids);
      const refreshMs = performance.now() - started;
      await client.query('ROLLBACK');
      return { url, refreshMs };
    } finally {
      client.release();
    }
  } finally {
    await db.close();
  }
}

// Seeds the demo ETFs with synthetic bars, through the same load path as any
// other data, on a database that has no ETFs yet; and synthetic holdings
// (demo-holdings.ts) through the importer's, on a database that has none.
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { writeSnapshot } from '../holdings/write-snapshot.js';
import { loadPrices } from '../prices/load-prices.js';
import { DEMO_ETFS, DEMO_FIRST_DATE, DEMO_LAST_DATE } from './demo-etfs.js';
import { demoHoldingDates, demoPositions } from './demo-holdings.js';
import { syntheticBars, tradingDays } from './synthetic-bars.js';

/** Every demo ETF's description starts so; only such ETFs get synthetic holdings. */
const DEMO_PREFIX = 'Demo data:';
const SYNTHETIC_NOTE = `${DEMO_PREFIX} the metadata is real; the daily prices (a deterministic random walk) and the holdings (invented securities) are SYNTHETIC, not market data.`;

/** Returns the number of bars loaded, or 0 when the database already had ETFs. */
export async function seedDemoData(db: Database): Promise<number> {
  if ((await db.prisma.etf.count()) > 0) return 0;
  const days = tradingDays(DEMO_FIRST_DATE, DEMO_LAST_DATE);
  let loaded = 0;
  for (const { synthetic, inceptionDate, ...etf } of DEMO_ETFS) {
    await db.prisma.etf.create({
      data: {
        ...etf,
        currency: 'USD',
        inceptionDate: new Date(`${inceptionDate}T00:00:00Z`),
        description: SYNTHETIC_NOTE,
      },
    });
    const result = await loadPrices(db, etf.ticker, syntheticBars(etf.ticker, days, synthetic));
    loaded += result.inserted;
  }
  return loaded;
}

const DEMO_ETFS_WITHOUT_HOLDINGS = `/* demo-etfs-without-holdings */
  SELECT e.id, e.ticker FROM etf e
  WHERE e.description LIKE $1 || '%' AND NOT EXISTS (SELECT FROM holding_snapshot s WHERE s.etf_id = e.id)
  ORDER BY e.ticker`;

/**
 * Synthetic holdings for the demo ETFs that have none (a demo seeded before
 * holdings existed gets them too); an ETF not seeded by the demo never does.
 * Returns the positions written.
 */
export async function seedDemoHoldings(db: Database): Promise<number> {
  const { rows } = await db.pool.query<{ id: number; ticker: string }>(DEMO_ETFS_WITHOUT_HOLDINGS, [DEMO_PREFIX]);
  let written = 0;
  for (const etf of rows) {
    for (const asOf of demoHoldingDates()) {
      const positions = demoPositions(etf.ticker, asOf);
      if (!positions) continue;
      await withTransaction(db.pool, (client) =>
        writeSnapshot(client, {
          etfId: etf.id,
          ticker: etf.ticker,
          asOf,
          source: 'DEMO',
          fileName: null,
          netAssets: null,
          positions,
        }),
      );
      written += positions.length;
    }
  }
  return written;
}

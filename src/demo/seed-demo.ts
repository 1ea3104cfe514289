// Seeds the demo ETFs with synthetic bars, through the same load path as any
// other data, on a database that has no ETFs yet.
import type { Database } from '../db/database.js';
import { loadPrices } from '../prices/load-prices.js';
import { DEMO_ETFS, DEMO_FIRST_DATE, DEMO_LAST_DATE } from './demo-etfs.js';
import { syntheticBars, tradingDays } from './synthetic-bars.js';

const SYNTHETIC_NOTE =
  'Demo data: the metadata is real, the daily prices are SYNTHETIC (a deterministic random walk), not market data.';

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

// Seeds the demo ETFs with synthetic bars, through the same load path as any
// other data, on a database that has no ETFs yet, and brings a demo seeded on
// an earlier day up to date; and synthetic holdings (demo-holdings.ts) through
// the importer's. Only ETFs whose description marks them as demo data are
// ever written to: a user's own ETFs in the same database are left alone.
import { addDays, type IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { writeSnapshot } from '../holdings/write-snapshot.js';
import { loadPrices } from '../prices/load-prices.js';
import { DEMO_ETFS, demoFirstDate, demoLastDate } from './demo-etfs.js';
import { demoHoldingDates, demoPositions, demoQuarterEndsBetween } from './demo-holdings.js';
import { syntheticBars, tradingDays } from './synthetic-bars.js';

/** Every demo ETF's description starts so; only such ETFs get synthetic holdings. */
const DEMO_PREFIX = 'Demo data:';
const SYNTHETIC_NOTE = `${DEMO_PREFIX} the metadata is real; the daily prices (a deterministic random walk) and the holdings (invented securities) are SYNTHETIC, not market data.`;

/**
 * Ten years of bars ending on `last` (the last weekday before today unless
 * given; the same bars for the same `last`). Returns the number of bars
 * loaded, or 0 when the database already had ETFs.
 */
export async function seedDemoData(db: Database, last: IsoDate = demoLastDate()): Promise<number> {
  if ((await db.prisma.etf.count()) > 0) return 0;
  const days = tradingDays(demoFirstDate(last), last);
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

const DEMO_LAST_BARS = `/* demo-last-bars */
  SELECT e.ticker, p.date::text AS date, p.close FROM etf e
  JOIN LATERAL (SELECT date, close FROM daily_price d WHERE d.etf_id = e.id ORDER BY date DESC LIMIT 1) p ON true
  WHERE e.description LIKE $1 || '%'
  ORDER BY e.ticker`;

/**
 * Appends the bars a demo seeded on an earlier day lacks, through `last`: each
 * demo ETF's series goes on from its last close (a random walk of its own,
 * seeded by ticker and first new day, so the same top-up gives the same bars),
 * so the chart has no jump. ETFs not marked as demo data are never touched.
 * Returns the number of bars loaded.
 */
export async function topUpDemoData(db: Database, last: IsoDate = demoLastDate()): Promise<number> {
  const { rows } = await db.pool.query<{ ticker: string; date: IsoDate; close: number }>(DEMO_LAST_BARS, [DEMO_PREFIX]);
  let loaded = 0;
  for (const row of rows) {
    const demo = DEMO_ETFS.find((etf) => etf.ticker === row.ticker);
    if (!demo || row.date >= last) continue;
    const days = tradingDays(addDays(row.date, 1), last);
    if (days.length === 0) continue;
    const bars = syntheticBars(row.ticker, days, { ...demo.synthetic, start: row.close }, `${row.ticker}|${days[0]}`);
    loaded += (await loadPrices(db, row.ticker, bars)).inserted;
  }
  return loaded;
}

const DEMO_ETFS_HOLDINGS = `/* demo-etfs-holdings */
  SELECT e.id, e.ticker, (SELECT max(s.as_of)::text FROM holding_snapshot s WHERE s.etf_id = e.id) AS latest
  FROM etf e
  WHERE e.description LIKE $1 || '%'
  ORDER BY e.ticker`;

/**
 * Synthetic holdings for the demo ETFs: as of `last` and the quarter's end
 * before it for those that have none (a demo seeded before holdings existed
 * gets them too), and the quarter ends since their latest snapshot for those
 * that have some (a demo brought up to date); an ETF not seeded by the demo
 * never gets any. Returns the positions written.
 */
export async function seedDemoHoldings(db: Database, last: IsoDate = demoLastDate()): Promise<number> {
  const { rows } = await db.pool.query<{ id: number; ticker: string; latest: IsoDate | null }>(DEMO_ETFS_HOLDINGS, [
    DEMO_PREFIX,
  ]);
  let written = 0;
  for (const etf of rows) {
    const dates = etf.latest === null ? demoHoldingDates(last) : demoQuarterEndsBetween(etf.latest, last);
    for (const asOf of dates) {
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

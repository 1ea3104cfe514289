// What the database holds for one ETF, and the check every load path must
// pass: the stored raw indicators equal a full recomputation over the stored
// prices (to 1e-12 relative, see close-points.ts).
import type { Database } from '../../src/db/database.js';
import { computeStoredColumns, STORED_COLUMNS } from '../../src/indicators/stored/default-set.js';
import type { PriceBar } from '../../src/prices/history.js';
import { toHistory } from '../../src/prices/history.js';
import { expectPointsClose } from './close-points.js';

export async function storedBars(db: Database, ticker: string): Promise<PriceBar[]> {
  const result = await db.pool.query<PriceBar>(
    `SELECT date::text AS date, open, high, low, close, volume::float8 AS volume
     FROM daily_price p JOIN etf e ON e.id = p.etf_id WHERE e.ticker = $1 ORDER BY date`,
    [ticker],
  );
  return result.rows;
}

/** The stored raw indicator rows, and what a full recomputation over the stored prices gives. */
export async function storedAndFull(db: Database, ticker: string) {
  const prices = await storedBars(db, ticker);
  const stored = await db.pool.query<Record<string, unknown>>(
    `SELECT i.date::text AS date, ${STORED_COLUMNS.join(', ')}
     FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = $1 AND NOT i.adjusted ORDER BY date`,
    [ticker],
  );
  const { dates, bars } = toHistory(prices);
  const columns = computeStoredColumns(bars);
  const full = dates.map((date, t) => ({
    date,
    ...Object.fromEntries(
      STORED_COLUMNS.map((column) => {
        const value = (columns.get(column) as Float64Array)[t] as number;
        return [column, Number.isFinite(value) ? value : null];
      }),
    ),
  }));
  return { stored: stored.rows, full };
}

export async function expectStoredIndicatorsCurrent(db: Database, ticker: string, label = ticker): Promise<void> {
  const { stored, full } = await storedAndFull(db, ticker);
  expectPointsClose(stored, full, `${label} indicators`);
}

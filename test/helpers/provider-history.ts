// What the provider tests share: an ETF's history as a provider states it, and
// what the update leaves of it in the database (its actions, and the rows
// derived from its bars and actions).

import type { Database } from '../../src/db/database.js';
import { syntheticBars } from '../../src/demo/synthetic-bars.js';
import type { PriceBar } from '../../src/prices/history.js';
import type { Action } from './back-adjust.js';

/** Synthetic raw bars over `days`, those on and after a split in the new shares, as a provider states them. */
export function providerBars(ticker: string, days: readonly string[], actions: readonly Action[]): PriceBar[] {
  let bars = syntheticBars(ticker, days, { start: 50, drift: 0.05, volatility: 0.2, volume: 1e6 }) as PriceBar[];
  for (const split of actions.filter((a) => a.kind === 'SPLIT')) {
    bars = bars.map((b) =>
      b.date >= split.date
        ? {
            ...b,
            open: b.open / split.value,
            high: b.high / split.value,
            low: b.low / split.value,
            close: b.close / split.value,
            volume: b.volume * split.value,
          }
        : b,
    );
  }
  return bars;
}

/** The ETF's recorded splits and dividends, in date order. */
export async function actionRows(db: Database, ticker: string) {
  const { rows } = await db.pool.query(
    `SELECT a.date::text AS date, a.kind, a.value FROM corporate_action a JOIN etf e ON e.id = a.etf_id
     WHERE e.ticker = $1 ORDER BY a.date, a.kind`,
    [ticker],
  );
  return rows;
}

/** What the write paths leave for an ETF: its indicators (raw and adjusted) and latest figures, ids left out. */
export async function derivedRows(db: Database, ticker: string) {
  const [indicators, metrics] = await Promise.all([
    db.pool.query(
      `SELECT i.* FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = $1 ORDER BY adjusted, date`,
      [ticker],
    ),
    db.pool.query(
      `SELECT m.* FROM latest_metrics m JOIN etf e ON e.id = m.etf_id WHERE e.ticker = $1 ORDER BY adjusted`,
      [ticker],
    ),
  ]);
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ etf_id: _, ...rest }) => rest);
  return { indicators: strip(indicators.rows), metrics: strip(metrics.rows) };
}

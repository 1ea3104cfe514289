// What the cost of a computed field depends on besides its arguments: how long
// a history can be and how many ETFs a screen judges. A kernel runs over an
// ETF's whole history whatever window it shows, and a screen as of a date
// computes every ETF's figures, so their costs scale with these, not with the
// bars a response shows. Read with two index probes an ETF, kept for a while,
// and read again after any commit of bars.
import type { Database } from '../db/database.js';
import { HOLDINGS_UPDATED_CHANNEL } from '../holdings/holdings-updated-notice.js';
import { MAX_POSITIONS } from '../holdings/position-checks.js';
import { PRICES_UPDATED_CHANNEL } from '../prices/prices-updated-notice.js';
import { EARLIEST_DATE } from '../prices/validate-bars.js';

export type DataExtent = {
  /** The most bars any ETF's history may hold: a calendar day each from the earliest bar to today. */
  historyBars: number;
  etfs: number;
  /** The most positions any holdings snapshot has: what seeing through one fund may read. */
  largestSnapshot: number;
};

export type DataExtentReader = { read(): Promise<DataExtent> };

const DAY_MS = 86_400_000;
const MANY_ETFS = 10_000;

/** Calendar days from `date` to today, both counted. */
const daysTo = (date: string) => Math.max(Math.floor((Date.now() - Date.parse(date)) / DAY_MS) + 1, 0);

export const EXTENT_SQL = `/* data-extent */
  SELECT count(*)::int AS etfs, min(first.date)::text AS earliest,
         (SELECT coalesce(max(position_count), 0) FROM holding_snapshot) AS "largestSnapshot"
  FROM etf e
  LEFT JOIN LATERAL (SELECT date FROM daily_price p WHERE p.etf_id = e.id ORDER BY date LIMIT 1) first ON true`;

export function createDataExtent(db: Pick<Database, 'pool' | 'listen'>, maxAgeMs = 30_000): DataExtentReader {
  let known: { extent: DataExtent; at: number } | null = null;
  let reading: Promise<DataExtent> | null = null;
  let stale = true;
  for (const channel of [PRICES_UPDATED_CHANNEL, HOLDINGS_UPDATED_CHANNEL]) {
    db.listen(channel, () => {
      stale = true;
    }).catch(() => {}); // without notices the extent is still read again every maxAgeMs
  }

  const readNow = async (): Promise<DataExtent> => {
    stale = false;
    const { rows } = await db.pool.query<{ etfs: number; earliest: string | null; largestSnapshot: number }>(
      EXTENT_SQL,
    );
    const { etfs, earliest, largestSnapshot } = rows[0] ?? { etfs: 0, earliest: null, largestSnapshot: 0 };
    const historyBars = earliest ? daysTo(earliest) : 0;
    const extent = { etfs, historyBars, largestSnapshot };
    known = { extent, at: Date.now() };
    return extent;
  };

  return {
    read() {
      if (known && !stale && Date.now() - known.at < maxAgeMs) return Promise.resolve(known.extent);
      // Unread (the database is failing): costed as if every history were as
      // long as one may be, so a computing query is refused rather than let through.
      reading ??= readNow()
        .catch(() => {
          stale = true;
          return (
            known?.extent ?? { etfs: MANY_ETFS, historyBars: daysTo(EARLIEST_DATE), largestSnapshot: MAX_POSITIONS }
          );
        })
        .finally(() => {
          reading = null;
        });
      return reading;
    },
  };
}

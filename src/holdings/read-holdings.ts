// Every read of holdings: which snapshot an ETF had as of a date, a page of
// its positions, a whole snapshot in columns for the figures computed over it
// (exposure, overlap, look-through), and who holds a security. Each takes any
// number of ETFs or snapshots in one statement. A position names an ETF of
// the database when its security's ticker is that ETF's: look-through and
// Holding.etf follow that link.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import type { HoldingAssetClass, Payoff } from './position.js';

export type Snapshot = { id: number; etfId: number; asOf: IsoDate; positionCount: number; totalWeight: number };

export type HoldingRow = {
  snapshotId: number;
  position: number;
  securityId: number;
  name: string;
  /** The security's own name: the first file's. */
  securityName: string;
  ticker: string | null;
  cusip: string | null;
  isin: string | null;
  assetCategory: string | null;
  assetClass: HoldingAssetClass;
  sector: string | null;
  country: string | null;
  currency: string | null;
  shares: number | null;
  units: string | null;
  marketValue: number | null;
  weight: number;
  payoff: Payoff | null;
  /** The ETF of the database this position is, if any. */
  etfId: number | null;
};

/** What exposure can be grouped by: a column of holding. */
export type ExposureKey = 'SECTOR' | 'COUNTRY' | 'ASSET_CLASS' | 'CURRENCY';
const KEY_COLUMN: Record<ExposureKey, string> = {
  SECTOR: 'h.sector',
  COUNTRY: 'h.country',
  ASSET_CLASS: 'h.asset_class::text',
  CURRENCY: 'h.currency',
};

/** A snapshot in columns, position order (largest weight first). `etfIds[i]` is 0 when position i is no ETF of ours. */
export type SnapshotColumns = {
  securityIds: number[];
  weights: number[];
  etfIds: number[];
  /** The grouping column asked for; empty when none was. */
  keys: (string | null)[];
};

const SNAPSHOTS = `/* holding-snapshots */
  SELECT s.id, e.id AS "etfId", s.as_of::text AS "asOf", s.position_count AS "positionCount",
         s.total_weight AS "totalWeight"
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    SELECT id, as_of, position_count, total_weight FROM holding_snapshot
    WHERE etf_id = e.id AND as_of <= coalesce($2::date, 'infinity') ORDER BY as_of DESC LIMIT 1
  ) s`;

export const snapshotsStatement = (etfIds: readonly number[], asOf: IsoDate | null): pg.QueryConfig => ({
  text: SNAPSHOTS,
  values: [etfIds, asOf],
});

/** Each ETF's snapshot on or before `asOf` (its latest when null); ETFs without one are absent. */
export async function readSnapshots(
  pool: pg.Pool,
  etfIds: readonly number[],
  asOf: IsoDate | null,
): Promise<Map<number, Snapshot>> {
  const { rows } = await pool.query<Snapshot>(snapshotsStatement(etfIds, asOf));
  return new Map(rows.map((row) => [row.etfId, row]));
}

const HOLDING_COLUMNS = `h.snapshot_id AS "snapshotId", h.position, h.security_id AS "securityId", h.name,
    sec.name AS "securityName", sec.ticker, sec.cusip, sec.isin, h.asset_category AS "assetCategory", h.asset_class AS "assetClass",
    h.sector, h.country, h.currency, h.shares, h.units, h.market_value AS "marketValue", h.weight, h.payoff,
    fund.id AS "etfId"`;

// A range of the primary key per snapshot: positions after `after`, in order.
const PAGES = `/* holding-pages */
  SELECT ${HOLDING_COLUMNS}
  FROM unnest($1::int[]) AS s(id)
  CROSS JOIN LATERAL (
    SELECT * FROM holding WHERE snapshot_id = s.id AND position > $2 ORDER BY position LIMIT $3
  ) h
  JOIN security sec ON sec.id = h.security_id
  LEFT JOIN etf fund ON fund.ticker = sec.ticker
  ORDER BY h.snapshot_id, h.position`;

export const holdingPagesStatement = (
  snapshotIds: readonly number[],
  after: number,
  first: number,
): pg.QueryConfig => ({
  text: PAGES,
  values: [snapshotIds, after, first],
});

/** Up to `first` positions of each snapshot after position `after`, by snapshot. */
export async function readHoldingPages(
  pool: pg.Pool,
  snapshotIds: readonly number[],
  after: number,
  first: number,
): Promise<Map<number, HoldingRow[]>> {
  const { rows } = await pool.query<HoldingRow>(holdingPagesStatement(snapshotIds, after, first));
  const pages = new Map<number, HoldingRow[]>(snapshotIds.map((id) => [id, []]));
  for (const row of rows) pages.get(row.snapshotId)?.push(row);
  return pages;
}

// Arrays per snapshot: one row each to parse instead of thousands, as JSON,
// which JSON.parse reads many times faster than pg parses array literals
// (3,000 positions × 20 funds: 3 ms against 30). Each snapshot's positions
// are a range of the primary key, read in order: the aggregates need no sort.
// The few positions that are ETFs of ours come apart, as [position, etf id]
// pairs found through the (security_id, snapshot_id) index from the ETFs'
// securities: joining every position to security and etf cost more than the rest.
const columnsStatement = (key: ExposureKey | null) => `/* holding-columns${key ? `-${key.toLowerCase()}` : ''} */
  WITH funds AS (
    SELECT h.snapshot_id, json_agg(json_build_array(h.position, fund.id)) AS funds
    FROM etf fund
    JOIN security sec ON sec.ticker = fund.ticker
    JOIN holding h ON h.security_id = sec.id AND h.snapshot_id = ANY($1::int[])
    GROUP BY h.snapshot_id
  )
  SELECT s.id, c."securityIds", c.weights ${key ? ', c.keys' : ''}, f.funds
  FROM unnest($1::int[]) AS s(id)
  CROSS JOIN LATERAL (
    SELECT to_json(array_agg(h.security_id ORDER BY h.position)) AS "securityIds",
           to_json(array_agg(h.weight ORDER BY h.position)) AS weights
           ${key ? `, to_json(array_agg(${KEY_COLUMN[key]} ORDER BY h.position)) AS keys` : ''}
    FROM holding h WHERE h.snapshot_id = s.id
  ) c
  LEFT JOIN funds f ON f.snapshot_id = s.id
  WHERE c."securityIds" IS NOT NULL`;
const COLUMNS = new Map<string, string>();

type ColumnsRow = {
  id: number;
  securityIds: number[];
  weights: number[];
  keys?: (string | null)[];
  /** [position, etf id] of the positions that are ETFs of the database; null when none is. */
  funds: [number, number][] | null;
};

export function snapshotColumnsStatement(snapshotIds: readonly number[], key: ExposureKey | null): pg.QueryConfig {
  const name = key ?? '';
  let text = COLUMNS.get(name);
  if (!text) {
    text = columnsStatement(key);
    COLUMNS.set(name, text);
  }
  return { text, values: [snapshotIds] };
}

/** Whole snapshots in columns, with the grouping column `key` when given. */
export async function readSnapshotColumns(
  pool: pg.Pool,
  snapshotIds: readonly number[],
  key: ExposureKey | null,
): Promise<Map<number, SnapshotColumns>> {
  const { rows } = await pool.query<ColumnsRow>(snapshotColumnsStatement(snapshotIds, key));
  return new Map(
    rows.map(({ id, securityIds, weights, keys, funds }) => {
      // Positions are 1 to n in a snapshot (write-snapshot.ts ranks them so).
      const etfIds = new Array<number>(securityIds.length).fill(0);
      for (const [position, etfId] of funds ?? []) etfIds[position - 1] = etfId;
      return [id, { securityIds, weights, etfIds, keys: keys ?? [] }];
    }),
  );
}

export type SecurityRow = {
  id: number;
  name: string;
  ticker: string | null;
  cusip: string | null;
  isin: string | null;
  etfId: number | null;
};

const SECURITIES = `/* securities-by-id */
  SELECT sec.id, sec.name, sec.ticker, sec.cusip, sec.isin, fund.id AS "etfId"
  FROM security sec LEFT JOIN etf fund ON fund.ticker = sec.ticker
  WHERE sec.id = ANY($1::int[])`;

export async function readSecurities(pool: pg.Pool, ids: readonly number[]): Promise<Map<number, SecurityRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<SecurityRow>(SECURITIES, [ids]);
  return new Map(rows.map((row) => [row.id, row]));
}

export type HolderRow = {
  etfId: number;
  asOf: IsoDate;
  securityId: number;
  weight: number;
  marketValue: number | null;
  shares: number | null;
};

// The securities an identifier names (a ticker may name several), each probed
// through its own index (the bpchar casts keep ISIN and CUSIP on theirs); then
// their holdings through (security_id, snapshot_id), kept where the snapshot
// is its ETF's latest on or before the date.
const HOLDERS = `/* holders */
  WITH named AS (
    SELECT id FROM security WHERE ticker = $1
    UNION SELECT id FROM security WHERE isin = $1::bpchar
    UNION SELECT id FROM security WHERE cusip = $1::bpchar
  )
  SELECT s.etf_id AS "etfId", s.as_of::text AS "asOf", h.security_id AS "securityId", sum(h.weight) AS weight,
         sum(h.market_value) AS "marketValue", sum(h.shares) AS shares
  FROM named
  CROSS JOIN LATERAL (
    SELECT snapshot_id, security_id, weight, market_value, shares FROM holding WHERE security_id = named.id
  ) h
  JOIN holding_snapshot s ON s.id = h.snapshot_id
  WHERE s.as_of <= coalesce($2::date, 'infinity')
    AND NOT EXISTS (SELECT FROM holding_snapshot later
                    WHERE later.etf_id = s.etf_id AND later.as_of > s.as_of
                      AND later.as_of <= coalesce($2::date, 'infinity'))
  GROUP BY s.etf_id, s.as_of, h.security_id
  ORDER BY sum(h.weight) DESC, s.etf_id
  LIMIT $3`;

export const holdersStatement = (identifier: string, asOf: IsoDate | null, limit: number): pg.QueryConfig => ({
  text: HOLDERS,
  values: [identifier, asOf, limit],
});

/** The ETFs whose snapshot as of `asOf` holds the security `identifier` names, largest weight first. */
export async function readHolders(
  pool: pg.Pool,
  identifier: string,
  asOf: IsoDate | null,
  limit: number,
): Promise<HolderRow[]> {
  const { rows } = await pool.query<HolderRow>(holdersStatement(identifier, asOf, limit));
  return rows;
}

const WATCHLIST = `/* watchlist-etf-ids */
  SELECT etf_id AS id FROM watchlist_entry WHERE user_id = $1 ORDER BY followed_at, etf_id LIMIT $2`;

/** The ETFs a user follows (the first `max`), the portfolio look-through defaults to. */
export async function readWatchlistEtfIds(pool: pg.Pool, userId: number, max: number): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(WATCHLIST, [userId, max]);
  return rows.map((row) => row.id);
}

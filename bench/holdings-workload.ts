// The holdings workloads (overlap, holders, look-through) as GraphQL requests
// and as their floors: the same answers from hand-written SQL, served by the
// node:http handler of holdings-servers.ts. Every request carries its own
// parameters (holdingsParameters), so that with the response cache on, as
// `npm start` runs, each one is still a miss; the floor gets the same ones.
import { addDays, todayUtc } from '../src/dates.js';
import { syntheticPositions } from './holdings-files.js';

/** Every snapshot of the data set is of this date (an N-PORT quarter end). */
export const SNAPSHOT_DATE = '2023-12-29';
export const HOLDINGS_ETFS = 500;
export const LARGE_ETFS = 20;
export const LARGE_POSITIONS = 3_000;
export const FUNDS_OF_FUNDS = 10;
export const holdingsTicker = (i: number) => `H${String(i).padStart(3, '0')}`;
export const LARGE_TICKERS = Array.from({ length: LARGE_ETFS }, (_, i) => holdingsTicker(i));
/** The last ETFs are the funds of funds. */
export const FUND_OF_FUNDS_FIRST = HOLDINGS_ETFS - FUNDS_OF_FUNDS;

/** The security `holders` asks about: the largest of the large caps (universe index 0), by its ISIN. */
export const CHOSEN_ISIN = syntheticPositions(1)[0]?.isin as string;

/** 10 ETFs, 3 of them funds of funds (one level of nesting), weights adding up to 100. */
export const PORTFOLIO = [
  { ticker: holdingsTicker(FUND_OF_FUNDS_FIRST), weight: 15 },
  { ticker: holdingsTicker(FUND_OF_FUNDS_FIRST + 1), weight: 10 },
  { ticker: holdingsTicker(FUND_OF_FUNDS_FIRST + 2), weight: 10 },
  { ticker: holdingsTicker(0), weight: 15 },
  { ticker: holdingsTicker(1), weight: 10 },
  { ticker: holdingsTicker(5), weight: 10 },
  { ticker: holdingsTicker(20), weight: 10 },
  { ticker: holdingsTicker(26), weight: 8 },
  { ticker: holdingsTicker(27), weight: 7 },
  { ticker: holdingsTicker(29), weight: 5 },
];

export const OVERLAP_LARGEST = 10;
export const LOOK_THROUGH_FIRST = 50;
export const HOLDERS_FIRST = 1000;

const OVERLAP_QUERY = `query BenchOverlap($tickers: [String!]!, $asOf: Date, $largest: Int) {
  overlap(tickers: $tickers, asOf: $asOf, largest: $largest) {
    a { ticker } b { ticker } overlap commonHoldings largest { security { ticker } weightA weightB }
  }
}`;
const HOLDERS_QUERY = `query BenchHolders($security: String!, $asOf: Date, $first: Int) {
  holders(security: $security, asOf: $asOf, first: $first) { etf { ticker } weight }
}`;
const LOOK_THROUGH_QUERY = `query BenchLookThrough($portfolio: [PortfolioWeight!], $asOf: Date, $first: Int) {
  lookThrough(portfolio: $portfolio, by: SECTOR, asOf: $asOf, first: $first) {
    holdings { security { ticker isin } weight }
    exposure { key weight holdings }
  }
}`;

export type HoldingsWorkload = 'overlap' | 'holders' | 'lookThrough';
export const HOLDINGS_WORKLOADS: HoldingsWorkload[] = ['overlap', 'holders', 'lookThrough'];
const QUERIES: Record<HoldingsWorkload, string> = {
  overlap: OVERLAP_QUERY,
  holders: HOLDERS_QUERY,
  lookThrough: LOOK_THROUGH_QUERY,
};
export const FLOOR_PATHS: Record<HoldingsWorkload, string> = {
  overlap: '/overlap',
  holders: '/holders',
  lookThrough: '/look-through',
};

export type OverlapVariables = { tickers: string[]; asOf: string; largest: number };
export type HoldersVariables = { security: string; asOf: string; first: number };
export type LookThroughVariables = { portfolio: typeof PORTFOLIO; asOf: string; first: number };

/**
 * The k-th request's variables. Any as-of date from the snapshots' on gives
 * the same snapshots, hence the same work: the dates after SNAPSHOT_DATE up to
 * today (over a thousand) come first, all with the workload's own size; past
 * them, each further pass over the dates moves `largest` or `first` by one
 * (holders' `first` stays above the holders there are, so the answer is the
 * same; overlap's `largest` and look-through's `first` grow by one).
 * k = -1 is the check's (and the hits') request: the snapshots' date itself.
 */
export function holdingsVariables(workload: HoldingsWorkload, k: number) {
  const dates = Math.max(1, Math.round((Date.parse(todayUtc()) - Date.parse(SNAPSHOT_DATE)) / 86_400_000));
  const asOf = k < 0 ? SNAPSHOT_DATE : addDays(SNAPSHOT_DATE, 1 + (k % dates));
  const pass = k < 0 ? 0 : Math.floor(k / dates);
  if (workload === 'overlap') return { tickers: LARGE_TICKERS, asOf, largest: OVERLAP_LARGEST + pass };
  if (workload === 'holders') return { security: CHOSEN_ISIN, asOf, first: HOLDERS_FIRST - pass };
  return { portfolio: PORTFOLIO, asOf, first: LOOK_THROUGH_FIRST + pass };
}

/** The GraphQL body of a workload's variables. */
export const graphqlBody = (workload: HoldingsWorkload, variables: unknown) =>
  JSON.stringify({ query: QUERIES[workload], variables });

/** Bodies that never repeat: GraphQL's, or (floor) the same variables as the floor takes them. */
export function holdingsBodies(workload: HoldingsWorkload, side: 'graphql' | 'floor'): () => string {
  let k = 0;
  return () => {
    const variables = holdingsVariables(workload, k++);
    return side === 'graphql' ? graphqlBody(workload, variables) : JSON.stringify(variables);
  };
}

// The floors' statements.

/**
 * Each ETF's snapshot on or before the date, whole, as JSON arrays in position
 * order (a range of the primary key, read in order: no sort), in the order asked.
 */
export const OVERLAP_FLOOR_SQL = `/* overlap-floor */
  SELECT c.ids, c.weights
  FROM unnest($1::text[]) WITH ORDINALITY AS t(ticker, ord)
  JOIN etf e ON e.ticker = t.ticker
  CROSS JOIN LATERAL (SELECT id FROM holding_snapshot
                      WHERE etf_id = e.id AND as_of <= $2::date ORDER BY as_of DESC LIMIT 1) s
  CROSS JOIN LATERAL (SELECT to_json(array_agg(h.security_id ORDER BY h.position)) AS ids,
                             to_json(array_agg(h.weight ORDER BY h.position)) AS weights
                      FROM holding h WHERE h.snapshot_id = s.id) c
  ORDER BY t.ord`;

export const TICKERS_FLOOR_SQL = '/* tickers-floor */ SELECT id, ticker FROM security WHERE id = ANY($1::int[])';

/** The funds whose latest snapshot on or before the date holds the security, largest weight first. */
export const HOLDERS_FLOOR_SQL = `/* holders-floor */
  SELECT e.ticker, sum(h.weight) AS weight
  FROM security sec
  JOIN holding h ON h.security_id = sec.id
  JOIN holding_snapshot s ON s.id = h.snapshot_id
  JOIN etf e ON e.id = s.etf_id
  WHERE (sec.ticker = $1 OR sec.isin = $1::bpchar OR sec.cusip = $1::bpchar) AND s.as_of <= $2::date
    AND NOT EXISTS (SELECT FROM holding_snapshot l WHERE l.etf_id = s.etf_id AND l.as_of > s.as_of AND l.as_of <= $2::date)
  GROUP BY e.id, h.security_id
  ORDER BY sum(h.weight) DESC, e.id
  LIMIT $3`;

/**
 * The portfolio seen through in one statement: a recursive walk down the
 * funds that are ETFs with a snapshot (up to 4 levels, none twice on a path),
 * then every other position scaled by its fund's share of the portfolio, as
 * the answer's JSON.
 */
export const LOOK_THROUGH_FLOOR_SQL = `/* look-through-floor */
  WITH RECURSIVE walk(etf_id, scale, path) AS (
    SELECT e.id, p.weight / 100, ARRAY[e.id]
    FROM jsonb_to_recordset($1::jsonb) AS p(ticker text, weight float8) JOIN etf e ON e.ticker = p.ticker
    UNION ALL
    SELECT fund.id, w.scale * h.weight / 100, w.path || fund.id
    FROM walk w
    CROSS JOIN LATERAL (SELECT id FROM holding_snapshot
                        WHERE etf_id = w.etf_id AND as_of <= $2::date ORDER BY as_of DESC LIMIT 1) s
    JOIN holding h ON h.snapshot_id = s.id
    JOIN security sec ON sec.id = h.security_id
    JOIN etf fund ON fund.ticker = sec.ticker
    WHERE cardinality(w.path) <= 4 AND fund.id <> ALL (w.path)
      AND EXISTS (SELECT FROM holding_snapshot x WHERE x.etf_id = fund.id AND x.as_of <= $2::date)
  ), leaf AS MATERIALIZED (
    SELECT h.security_id, w.scale * h.weight AS weight, h.sector
    FROM walk w
    CROSS JOIN LATERAL (SELECT id FROM holding_snapshot
                        WHERE etf_id = w.etf_id AND as_of <= $2::date ORDER BY as_of DESC LIMIT 1) s
    JOIN holding h ON h.snapshot_id = s.id
    JOIN security sec ON sec.id = h.security_id
    LEFT JOIN etf fund ON fund.ticker = sec.ticker
    WHERE NOT (fund.id IS NOT NULL AND cardinality(w.path) <= 4 AND fund.id <> ALL (w.path)
               AND EXISTS (SELECT FROM holding_snapshot x WHERE x.etf_id = fund.id AND x.as_of <= $2::date))
  ), top AS (
    SELECT security_id, sum(weight) AS weight FROM leaf GROUP BY security_id ORDER BY 2 DESC LIMIT $3
  )
  SELECT json_build_object(
    'holdings', (SELECT coalesce(json_agg(json_build_object('security', json_build_object('ticker', sec.ticker, 'isin', sec.isin),
                                                          'weight', top.weight) ORDER BY top.weight DESC), '[]')
                 FROM top JOIN security sec ON sec.id = top.security_id),
    'exposure', (SELECT coalesce(json_agg(json_build_object('key', key, 'weight', weight, 'holdings', holdings) ORDER BY weight DESC), '[]')
                 FROM (SELECT sector AS key, sum(weight) AS weight, count(*)::int AS holdings FROM leaf GROUP BY sector) g)
  )::text AS body`;

/** Equal as JSON, numbers within a relative 1e-9 (sums taken in another order differ in the last bits). */
export function sameAnswer(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? null : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const differs = sameAnswer(a[i], b[i], `${path}[${i}]`);
      if (differs) return differs;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const differs = sameAnswer(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (differs) return differs;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

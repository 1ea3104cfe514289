// Files name a security by whichever identifiers they carry: an N-PORT filing
// by CUSIP and ISIN, an issuer's file often by ticker alone. Linking finds the
// one security each staged position means, set-based, in this order of trust:
//   1. the ISIN; 2. the CUSIP (one security each, unique in the table);
//   3. a position known only by ticker takes the security of that ticker (the
//      first one seen, if markets made several);
//   4. a position with an ISIN or CUSIP and a ticker adopts a security known
//      so far only by that ticker, and later ones of that ticker are merged
//      into it, so `holders` finds every fund by any identifier;
//   5. a position with no identifier at all (cash, a swap) is the security of
//      that name that has none either;
// and whatever is left becomes a new security. Identifiers a position knows
// and its security lacks are then filled in. Linking takes one lock for the
// whole of its transaction: two imports linking at once could otherwise both
// create the same security, or merge crosswise.
import type pg from 'pg';

/** The staged positions of this transaction's import (see STAGING). */
const STAGED = 'holding_staging';

export const STAGING = `/* create-holding-staging */
  CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGED} (
    line int NOT NULL, name text NOT NULL, ticker text, cusip text, isin text,
    asset_category text, asset_class "HoldingAssetClass" NOT NULL, sector text, country text, currency text,
    shares float8, units text, market_value float8, weight float8 NOT NULL, payoff "Payoff",
    security_id int
  ) ON COMMIT DELETE ROWS`;

// Any constant the application alone uses: serializes linking across processes.
const LINK_LOCK = "/* lock-security-links */ SELECT pg_advisory_xact_lock(hashtext('etfql:security-links'))";

const BY_ISIN = `/* link-by-isin */
  UPDATE ${STAGED} s SET security_id = sec.id FROM security sec WHERE s.isin = sec.isin`;

const BY_CUSIP = `/* link-by-cusip */
  UPDATE ${STAGED} s SET security_id = sec.id FROM security sec
  WHERE s.security_id IS NULL AND s.cusip = sec.cusip`;

const BY_TICKER = `/* link-by-ticker */
  UPDATE ${STAGED} s SET security_id = sec.id
  FROM (SELECT DISTINCT ON (ticker) ticker, id FROM security WHERE ticker IS NOT NULL ORDER BY ticker, id) sec
  WHERE s.security_id IS NULL AND s.isin IS NULL AND s.cusip IS NULL AND s.ticker = sec.ticker`;

// Only when one identified security of the file claims the ticker: two would
// say the ticker is ambiguous (share classes, markets), and neither adopts it.
const ADOPT_TICKER = `/* link-adopt-ticker */
  UPDATE ${STAGED} s SET security_id = sec.id
  FROM (SELECT DISTINCT ON (ticker) ticker, id FROM security
        WHERE ticker IS NOT NULL AND isin IS NULL AND cusip IS NULL ORDER BY ticker, id) sec
  WHERE s.security_id IS NULL AND s.ticker = sec.ticker
    AND (SELECT count(DISTINCT coalesce(o.isin, o.cusip)) FROM ${STAGED} o
         WHERE o.ticker = s.ticker AND (o.isin IS NOT NULL OR o.cusip IS NOT NULL)) = 1`;

const BY_NAME = `/* link-by-name */
  UPDATE ${STAGED} s SET security_id = sec.id
  FROM (SELECT DISTINCT ON (upper(name)) upper(name) AS name, id FROM security
        WHERE ticker IS NULL AND isin IS NULL AND cusip IS NULL ORDER BY upper(name), id) sec
  WHERE s.security_id IS NULL AND s.isin IS NULL AND s.cusip IS NULL AND s.ticker IS NULL
    AND upper(s.name) = sec.name`;

// One new security per identity of what is left (a long and a short position
// of one security are one). Ids are drawn first, so each staged row finds the
// one made for its identity. A CUSIP another row already has, or that two new
// ones share, is left off rather than refused: the ISIN still tells them apart.
const CREATE_MISSING = `/* link-create-securities */
  WITH wanted AS MATERIALIZED (
    SELECT nextval(pg_get_serial_sequence('security', 'id'))::int AS id, *
    FROM (SELECT DISTINCT ON (identity) identity, name, ticker, isin, cusip
          FROM (SELECT coalesce('I' || isin, 'C' || cusip, 'T' || ticker, 'N' || upper(name)) AS identity, *
                FROM ${STAGED} WHERE security_id IS NULL) s
          ORDER BY identity, line) d
  ), created AS (
    INSERT INTO security (id, name, ticker, isin, cusip)
    SELECT id, left(name, 500), ticker, isin,
      CASE WHEN count(*) OVER (PARTITION BY cusip) = 1
            AND NOT EXISTS (SELECT FROM security o WHERE o.cusip = w.cusip) THEN cusip END
    FROM wanted w
    RETURNING 1
  ), linked AS (
    UPDATE ${STAGED} s SET security_id = w.id FROM wanted w
    WHERE s.security_id IS NULL
      AND coalesce('I' || s.isin, 'C' || s.cusip, 'T' || s.ticker, 'N' || upper(s.name)) = w.identity
  )
  SELECT count(*)::int AS created FROM created`;

// Ticker-only securities that one identified security of this file claims
// are that security: their holdings move to it, then they go.
const MERGE_TICKER_ONLY = `/* link-merge-ticker-only */
  WITH claims AS (
    SELECT s.ticker, min(s.security_id) AS into_id
    FROM ${STAGED} s JOIN security sec ON sec.id = s.security_id
    WHERE s.ticker IS NOT NULL AND (sec.isin IS NOT NULL OR sec.cusip IS NOT NULL OR s.isin IS NOT NULL OR s.cusip IS NOT NULL)
    GROUP BY s.ticker HAVING count(DISTINCT s.security_id) = 1
  ), merged AS MATERIALIZED (
    SELECT sec.id AS from_id, c.into_id FROM claims c
    JOIN security sec ON sec.ticker = c.ticker AND sec.isin IS NULL AND sec.cusip IS NULL AND sec.id <> c.into_id
  ), moved AS (
    UPDATE holding h SET security_id = m.into_id FROM merged m WHERE h.security_id = m.from_id
  ), restaged AS (
    UPDATE ${STAGED} s SET security_id = m.into_id FROM merged m WHERE s.security_id = m.from_id
  )
  SELECT coalesce(array_agg(from_id), '{}') AS ids FROM merged`;

const DELETE_MERGED = '/* link-delete-merged */ DELETE FROM security WHERE id = ANY($1::int[])';

// Each column only when free: a unique identifier another security holds
// stays with it (and the file's claim is dropped, not refused).
const FILL_IN = `/* link-fill-in-identifiers */
  UPDATE security sec SET
    isin = CASE WHEN sec.isin IS NULL AND NOT EXISTS (SELECT FROM security o WHERE o.isin = f.isin) THEN f.isin ELSE sec.isin END,
    cusip = CASE WHEN sec.cusip IS NULL AND NOT EXISTS (SELECT FROM security o WHERE o.cusip = f.cusip) THEN f.cusip ELSE sec.cusip END,
    ticker = coalesce(sec.ticker, f.ticker)
  FROM (SELECT DISTINCT ON (security_id) security_id, isin, cusip, ticker FROM ${STAGED}
        ORDER BY security_id, (isin IS NULL), (cusip IS NULL), line) f
  WHERE sec.id = f.security_id
    AND ((sec.isin IS NULL AND f.isin IS NOT NULL) OR (sec.cusip IS NULL AND f.cusip IS NOT NULL)
      OR (sec.ticker IS NULL AND f.ticker IS NOT NULL))`;

export type LinkCounts = { created: number; merged: number };

/** Links every staged position to its security; call inside the import's transaction. */
export async function linkSecurities(client: pg.ClientBase): Promise<LinkCounts> {
  await client.query(LINK_LOCK);
  for (const statement of [BY_ISIN, BY_CUSIP, BY_TICKER, ADOPT_TICKER, BY_NAME]) await client.query(statement);
  const created = await client.query<{ created: number }>(CREATE_MISSING);
  const merge = await client.query<{ ids: number[] }>(MERGE_TICKER_ONLY);
  const merged = merge.rows[0]?.ids ?? [];
  if (merged.length > 0) await client.query(DELETE_MERGED, [merged]);
  await client.query(FILL_IN);
  return { created: created.rows[0]?.created ?? 0, merged: merged.length };
}

// Stores one ETF's portfolio as of one date, inside the caller's transaction:
// the positions are staged, linked to their securities (link-securities.ts),
// and written as a new snapshot that replaces any earlier one of the same ETF
// and date, ranked by weight. Everyone who writes holdings (the importer, the
// demo seed) comes through here.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { notifyHoldingsUpdated } from './holdings-updated-notice.js';
import { type LinkCounts, linkSecurities, STAGING } from './link-securities.js';
import type { Position } from './position.js';

export type SnapshotSource = 'NPORT' | 'ISSUER_CSV' | 'DEMO';

export type SnapshotInput = {
  etfId: number;
  ticker: string;
  asOf: IsoDate;
  source: SnapshotSource;
  fileName: string | null;
  netAssets: number | null;
  positions: readonly Position[];
};

export type SnapshotWritten = LinkCounts & { snapshotId: number; replaced: boolean };

const STAGE = `/* stage-holdings */
  INSERT INTO holding_staging (line, name, ticker, cusip, isin, asset_category, asset_class, sector, country,
    currency, shares, units, market_value, weight, payoff)
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::"HoldingAssetClass"[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::text[], $13::float8[],
    $14::float8[], $15::"Payoff"[])`;

const REPLACE = `/* replace-holding-snapshot */
  DELETE FROM holding_snapshot WHERE etf_id = $1 AND as_of = $2::date RETURNING id`;

const CREATE_SNAPSHOT = `/* create-holding-snapshot */
  INSERT INTO holding_snapshot (etf_id, as_of, source, file_name, net_assets, position_count, total_weight)
  SELECT $1, $2::date, $3::"HoldingSource", $4, $5, count(*), coalesce(sum(weight), 0) FROM holding_staging
  RETURNING id`;

// Largest weight first; a tie keeps the file's order.
const WRITE_HOLDINGS = `/* write-holdings */
  INSERT INTO holding (snapshot_id, position, security_id, name, asset_category, asset_class, sector, country,
    currency, shares, units, market_value, weight, payoff)
  SELECT $1, row_number() OVER (ORDER BY weight DESC, line), security_id, left(name, 500), asset_category,
    asset_class, sector, country, currency, shares, units, market_value, weight, payoff
  FROM holding_staging`;

export async function writeSnapshot(client: pg.ClientBase, input: SnapshotInput): Promise<SnapshotWritten> {
  const { positions } = input;
  await client.query(STAGING);
  // Rows stay until the transaction ends: a second snapshot of the same one starts empty.
  await client.query('/* clear-holding-staging */ DELETE FROM holding_staging');
  const column = <K extends keyof Position>(key: K) => positions.map((position) => position[key]);
  await client.query(STAGE, [
    column('line'),
    column('name'),
    column('ticker'),
    column('cusip'),
    column('isin'),
    column('assetCategory'),
    column('assetClass'),
    column('sector'),
    column('country'),
    column('currency'),
    column('shares'),
    column('units'),
    column('marketValue'),
    column('weight'),
    column('payoff'),
  ]);
  const links = await linkSecurities(client);
  const replaced = await client.query(REPLACE, [input.etfId, input.asOf]);
  const snapshot = await client.query<{ id: number }>(CREATE_SNAPSHOT, [
    input.etfId,
    input.asOf,
    input.source,
    input.fileName,
    input.netAssets,
  ]);
  const snapshotId = (snapshot.rows[0] as { id: number }).id;
  await client.query(WRITE_HOLDINGS, [snapshotId]);
  await notifyHoldingsUpdated(client, [{ ticker: input.ticker, asOf: input.asOf }]);
  return { ...links, snapshotId, replaced: (replaced.rowCount ?? 0) > 0 };
}

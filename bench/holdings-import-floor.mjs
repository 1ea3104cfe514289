// The floor of `npm run ingest -- --holdings FILE`: a process that inserts the
// same positions, parsed, linked and ranked beforehand (the JSON file of
// columns holdings.ts writes), with one INSERT … SELECT FROM unnest(...) into
// a table shaped like holding (its keys, checks and index; no foreign keys).
// Plain JavaScript, as scripts/run.mjs runs the CLI: no TypeScript loader.
import { readFile } from 'node:fs/promises';
import pg from 'pg';

const columns = JSON.parse(await readFile(process.argv[2], 'utf8'));
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query(
  `INSERT INTO floor_holding (snapshot_id, position, security_id, name, asset_category, asset_class, sector, country,
     currency, shares, units, market_value, weight, payoff)
   SELECT 1, * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::"HoldingAssetClass"[], $6::text[],
     $7::text[], $8::text[], $9::float8[], $10::text[], $11::float8[], $12::float8[], $13::"Payoff"[])`,
  [
    columns.position,
    columns.securityId,
    columns.name,
    columns.assetCategory,
    columns.assetClass,
    columns.sector,
    columns.country,
    columns.currency,
    columns.shares,
    columns.units,
    columns.marketValue,
    columns.weight,
    columns.payoff,
  ],
);
await client.end();

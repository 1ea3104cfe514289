import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  applyMigrations,
  diffMigrationsToSchema,
  pendingMigrations,
  readMigrationList,
} from '../../src/db/migrations.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

let url: string;
let client: pg.Client;
beforeAll(async () => {
  url = await createEmptyDatabase();
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

it('applies every committed migration once, recording them as prisma migrate deploy does', async () => {
  const names = (await readMigrationList()).migrationDirectories.map((dir) => dir.path);
  expect(await pendingMigrations((sql) => client.query(sql))).toEqual(names);
  expect(await applyMigrations(url)).toEqual(names);
  expect(await applyMigrations(url)).toEqual([]);
  expect(await pendingMigrations((sql) => client.query(sql))).toEqual([]);

  const recorded = await client.query(
    'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
  );
  expect(recorded.rows.map((row) => row.migration_name)).toEqual(names);
  for (const row of recorded.rows) {
    expect(row.finished).toBe(true);
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  }
});

it('has migrations that produce exactly schema.prisma (no migration missing)', async () => {
  expect((await diffMigrationsToSchema(url)).trim()).toBe('');
});

it('indexes prices by (etf_id, date) for range scans', async () => {
  const index = await client.query(
    "SELECT indexdef FROM pg_indexes WHERE tablename = 'daily_price' AND indexname = 'daily_price_pkey'",
  );
  expect(index.rows[0]?.indexdef).toContain('(etf_id, date)');
});

// The migration that brings stored e-mail addresses to their one form
// (prisma/migrations/20261206010000_canonical_emails), run over rows written
// before it: each row that can take the canonical form takes it, the others
// stay as they were and open to other changes, and no new row can be
// written in any other form.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrationsDir } from '../../src/db/migrations.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const MIGRATION = path.join(migrationsDir, '20261206010000_canonical_emails', 'migration.sql');

it('gives old rows the canonical form where it is theirs alone, and refuses any other form from then on', async () => {
  // The database as it was before the migration: no trigger, rows as the old code stored them.
  await t.db.pool.query(`
    DROP TRIGGER app_user_email_canonical ON app_user;
    DROP FUNCTION etfql_refuse_non_canonical_email();
    INSERT INTO app_user (email, name, password_hash, updated_at) VALUES
      ('alice@example.com', 'Alice', 'x', now()),
      ('\uFF41lice@example.com', 'Alice twin', 'x', now()),
      ('\uFF42ob@example.com', 'Bob', 'x', now()),
      ('ca\u200Brol@example.com', 'Carol', 'x', now()),
      ('jos\u00E9@example.com', 'José', 'x', now())`);
  await t.db.pool.query(await readFile(MIGRATION, 'utf8'));

  const rows = await t.db.pool.query<{ email: string }>('SELECT email FROM app_user ORDER BY id');
  expect(rows.rows.map((row) => row.email)).toEqual([
    'alice@example.com',
    // A twin of a row already in that form: left for an admin to deal with.
    '\uFF41lice@example.com',
    'bob@example.com',
    'ca\u200Brol@example.com',
    'jos\u00E9@example.com',
  ]);

  // The rows left as they were can still be changed, their address aside.
  await t.db.pool.query("UPDATE app_user SET deactivated_at = now() WHERE email = 'ca\u200Brol@example.com'");
  for (const email of ['Dave@example.com', 'd\u200Bave@example.com', 'd ave@example.com', 'd\u00E1ve@example.com']) {
    await expect(
      t.db.pool.query("INSERT INTO app_user (email, name, password_hash, updated_at) VALUES ($1, 'D', 'x', now())", [
        email,
      ]),
    ).rejects.toThrow(/stored form/);
  }
  await expect(
    t.db.pool.query("UPDATE app_user SET email = 'B\u00D6B@example.com' WHERE email = 'bob@example.com'"),
  ).rejects.toThrow(/stored form/);
});

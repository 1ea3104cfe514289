// Applies and creates Prisma migrations through the WebAssembly schema engine.

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { openSchemaEngine } from './schema-engine.js';

/** The job queue's version, which its schema is marked with once migrated to it. */
const JOB_QUEUE = `graphile-worker ${(createRequire(import.meta.url)('graphile-worker/package.json') as { version: string }).version}`;

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function readMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      const content = existsSync(file)
        ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
        : { tag: 'error' as const, value: `${file} is missing` };
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

// The engine must be given the schema under a relative name: with an absolute
// path it silently renders tables without their columns.
async function readSchema() {
  return { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') };
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`; returns
 * their names. Every command and every start-up calls it, and nearly always
 * nothing is pending: that is asked of the database first, in one statement,
 * and the schema engine (WebAssembly, ~150 ms to start) runs only when needed.
 */
export async function applyMigrations(databaseUrl: string, log?: (message: string) => void): Promise<string[]> {
  let applied: string[] = [];
  const state = await migrationState(databaseUrl);
  if (state.pending.length > 0) {
    const handle = await openSchemaEngine(databaseUrl, await readSchema(), log);
    try {
      const result = await handle.engine.applyMigrations({
        migrationsList: await readMigrationList(),
        filters: NO_FILTER,
      });
      applied = result.appliedMigrationNames;
    } finally {
      await handle.close();
    }
  }
  // The job queue's own schema (graphile_worker), which it migrates itself:
  // writes queue jobs in their transaction, so it must exist before any runs.
  // Its schema is marked with the version it was migrated by: graphile-worker
  // (~50 ms to load, a connection of its own) is started only when that differs.
  if (state.jobQueue !== JOB_QUEUE) {
    const { Logger, runMigrations } = await import('graphile-worker');
    await runMigrations({ connectionString: databaseUrl, logger: new Logger(() => () => {}) });
    await withClient(databaseUrl, (client) =>
      client.query(`/* mark-job-queue */ COMMENT ON SCHEMA graphile_worker IS '${JOB_QUEUE.replace(/'/g, "''")}'`),
    );
  }
  return applied;
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What is behind: committed migrations not applied, and the version the job queue's schema was migrated by. */
async function migrationState(databaseUrl: string): Promise<{ pending: string[]; jobQueue: string | null }> {
  return withClient(databaseUrl, async (client) => {
    const pending = await pendingMigrations((sql) => client.query(sql));
    const { rows } = await client.query<{ marked: string | null }>(
      "/* job-queue-version */ SELECT obj_description(to_regnamespace('graphile_worker'), 'pg_namespace') AS marked",
    );
    return { pending, jobQueue: rows[0]?.marked ?? null };
  });
}

/** The SQL that would bring the committed migrations up to schema.prisma ('' when none). */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const schema = await readSchema();
  const handle = await openSchemaEngine(databaseUrl, schema);
  try {
    // Replaying the migrations happens in a shadow database that the pg adapter
    // creates and drops by itself.
    const result = await handle.engine.diff({
      from: { tag: 'migrations', ...(await readMigrationList()) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = result.stdout ?? '';
    // An empty diff still comes with a comment line ("This is an empty migration.").
    const statements = sql.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('--'));
    return statements.length > 0 ? sql : '';
  } finally {
    await handle.close();
  }
}

/** Names of committed migrations that the database has not applied (all of them on an empty database). */
export async function pendingMigrations(
  query: (sql: string) => Promise<{ rows: { migration_name: string }[] }>,
): Promise<string[]> {
  const names = (await readMigrationList()).migrationDirectories.map((dir) => dir.path);
  const exists = await query(
    "/* migrations-table */ SELECT to_regclass('_prisma_migrations') IS NOT NULL AS migration_name",
  );
  if (!exists.rows[0]?.migration_name) return names;
  const result = await query(
    '/* applied-migrations */ SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const applied = new Set(result.rows.map((row) => row.migration_name));
  return names.filter((name) => !applied.has(name));
}

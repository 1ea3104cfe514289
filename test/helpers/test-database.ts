// A fresh database per test file, migrated with the real migrations, and the
// app wired to it exactly as the server wires it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureAdminApiKey } from '../../src/auth/api-keys.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { type App, createApp } from '../../src/yoga.js';

export const ADMIN_KEY = 'etfql_test-admin-key-0123456789';

export type TestDatabase = {
  url: string;
  db: Database;
  app: App;
  /** Statements sent to PostgreSQL by this database's pool since the last reset. */
  statements: string[];
  close(): Promise<void>;
};

export function urlFor(database: string): string {
  return inject('postgresUrlTemplate').replace('__DB__', database);
}

export async function createEmptyDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return urlFor(name);
}

/**
 * A pg.Client that records every statement it sends: counted at the driver,
 * below Prisma and our SQL alike, since every statement passes through
 * Client#query.
 */
export function countingClient(statements: string[]): typeof pg.Client {
  return class CountingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg.Client#query is heavily overloaded
    override query(...args: any[]): any {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first?.text ?? String(first));
      // The data extent the cost estimate reads is kept across requests, not any one request's work.
      if (!text.startsWith('/* data-extent */')) statements.push(text);
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (super.query as (...a: any[]) => any)(...args);
    }
  };
}

export async function createTestDatabase(
  options: { migrate?: boolean; env?: Record<string, string> } = {},
): Promise<TestDatabase> {
  const url = await createEmptyDatabase();
  if (options.migrate !== false) await applyMigrations(url);

  const statements: string[] = [];
  const db = createDatabase(url, { poolSize: 4, Client: countingClient(statements) });
  if (options.migrate !== false) await ensureAdminApiKey(db.prisma, ADMIN_KEY);
  // Generous rate limits: tests send many requests from one address.
  const config = loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000', ...options.env });
  const app = createApp({ db, config });
  statements.length = 0;
  return { url, db, app, statements, close: () => db.close() };
}

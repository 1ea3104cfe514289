// A database as the requests see it: a pg pool and the Prisma client over it.
// The primary is one; each replica is another. Every pool is built here, so
// all of them time their statements and survive their server going away alike.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { timedClient, watchPool } from '../metrics/sql-metrics.js';
import { markBehindPooler } from './prepared.js';

export type DatabaseView = { pool: pg.Pool; prisma: PrismaClient };

type PoolOptions = {
  max: number;
  /** A pg.Client subclass; tests pass one that counts statements. */
  Client?: typeof pg.Client;
  /** How long a checkout may wait for a new connection; unset: as long as the server takes. */
  connectionTimeoutMillis?: number;
  /** Its connections go through a transaction pooler: no named statements (see prepared.ts). */
  behindPooler?: boolean;
};

/** A pool reported as `database` by etfql_db_pool_connections; `close` ends it. */
export function openPool(name: string, url: string, options: PoolOptions): { pool: pg.Pool; close(): Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: options.connectionTimeoutMillis,
    Client: timedClient(options.Client ?? pg.Client),
  });
  const unwatch = watchPool(name, pool);
  if (options.behindPooler) markBehindPooler(pool);
  // An idle client that loses its connection (server restart) must not crash
  // the process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  // And a checked-out client that loses it: its query rejects, which whoever
  // holds it handles; the event must not go unheard (graphile-worker checks).
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    pool,
    async close() {
      unwatch();
      await pool.end();
    },
  };
}

/** A pool and a Prisma client over it. */
export function openView(name: string, url: string, options: PoolOptions): DatabaseView & { close(): Promise<void> } {
  const { pool, close } = openPool(name, url, options);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await close();
    },
  };
}

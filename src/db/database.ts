// One pg pool per process, shared by Prisma (through its pg adapter) and by the
// hand-written SQL of the hot read paths, so both count against the same limit.
// Beside it, when DATABASE_URL goes through a transaction pooler (PgBouncer),
// a direct connection for what needs a session of its own.
import type pg from 'pg';
import type { Config } from '../config.js';
import { type DatabaseView, openPool, openView } from './database-view.js';
import { createListener } from './listener.js';

export type { DatabaseView } from './database-view.js';

export type Database = DatabaseView & {
  /**
   * A pool on the direct URL, for what needs its session to itself across
   * statements (graphile-worker's LISTEN and prepared statements, session
   * advisory locks); `pool` itself when there is no pooler in between.
   */
  direct: pg.Pool;
  /** The direct URL (migrations run through it). */
  directUrl: string;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel`, from any
   * process, over one dedicated connection to the primary (the direct URL)
   * that reconnects when it drops, and `onGap` each time it is back
   * (notifications sent meanwhile are lost). Resolves once listening.
   */
  listen(channel: string, handler: (payload: string) => void, onGap?: () => void): Promise<void>;
  /** Whether the LISTEN connection is up now. */
  isListening(): boolean;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  poolSize?: number;
  /** A pg.Client subclass; tests pass one that counts statements. */
  Client?: typeof pg.Client;
  /** The primary without a transaction pooler (DATABASE_DIRECT_URL); default: `url`. */
  directUrl?: string;
  /** The direct pool's connections when it is a pool of its own: the job worker's concurrency + 2. */
  directPoolSize?: number;
};

/** What the configuration adds to a process's connections: the direct URL, sized for the job worker (which uses it). */
export function topologyOptions(config: Pick<Config, 'databaseDirectUrl' | 'jobs'>): DatabaseOptions {
  return { directUrl: config.databaseDirectUrl, directPoolSize: config.jobs.concurrency + 2 };
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const poolSize = options.poolSize ?? 10;
  const primary = openView('primary', url, { max: poolSize, Client: options.Client });
  const directUrl = options.directUrl ?? url;
  const direct =
    directUrl === url
      ? null
      : openPool('primary-direct', directUrl, { max: options.directPoolSize ?? 3, Client: options.Client });
  const listener = createListener(directUrl);
  return {
    pool: primary.pool,
    prisma: primary.prisma,
    direct: direct?.pool ?? primary.pool,
    directUrl,
    listen: listener.listen,
    isListening: listener.isListening,
    async close() {
      await listener.close();
      await direct?.close();
      await primary.close();
    },
  };
}

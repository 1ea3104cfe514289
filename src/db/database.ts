// One pg pool per process, shared by Prisma (through its pg adapter) and by the
// hand-written SQL of the hot read paths, so both count against the same limit.
// Around it, what scaling out adds (each optional; `npm start` uses none):
// a direct connection beside a transaction pooler (PgBouncer), for what needs
// a session of its own, and streaming replicas that queries read from.
import type pg from 'pg';
import type { Config } from '../config.js';
import { type DatabaseView, openPool, openView } from './database-view.js';
import { createListener } from './listener.js';
import { createReadRouting, type ReadRouting } from './replicas.js';

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
  /** Where queries read when replicas are configured; null: always here, with nothing done per request. */
  reads: ReadRouting | null;
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
  /** Streaming replicas for queries; each gets a pool of `poolSize` (the budget is per database). */
  replicas?: { urls: readonly string[]; maxLagSeconds: number };
};

/**
 * What the configuration adds to a process's connections: the direct URL
 * (sized for the job worker, which uses it), and replicas for a process that
 * serves queries.
 */
export function topologyOptions(
  config: Pick<Config, 'databaseDirectUrl' | 'replicas' | 'jobs'>,
  serves: boolean,
): DatabaseOptions {
  return {
    directUrl: config.databaseDirectUrl,
    directPoolSize: config.jobs.concurrency + 2,
    replicas: serves ? config.replicas : undefined,
  };
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const poolSize = options.poolSize ?? 10;
  const directUrl = options.directUrl ?? url;
  // A direct URL apart from the pooled one says a transaction pooler stands between.
  const behindPooler = directUrl !== url;
  const primary = openView('primary', url, { max: poolSize, Client: options.Client, behindPooler });
  const direct =
    directUrl === url
      ? null
      : openPool('primary-direct', directUrl, { max: options.directPoolSize ?? 3, Client: options.Client });
  const listener = createListener(directUrl);
  const replicaUrls = options.replicas?.urls ?? [];
  const reads =
    replicaUrls.length > 0
      ? createReadRouting({
          primary,
          primaryUrl: directUrl,
          urls: replicaUrls,
          maxLagSeconds: options.replicas?.maxLagSeconds ?? 5,
          poolSize,
          Client: options.Client,
          behindPooler,
        })
      : null;
  return {
    pool: primary.pool,
    prisma: primary.prisma,
    direct: direct?.pool ?? primary.pool,
    directUrl,
    reads,
    listen: listener.listen,
    isListening: listener.isListening,
    async close() {
      await reads?.close();
      await listener.close();
      await direct?.close();
      await primary.close();
    },
  };
}

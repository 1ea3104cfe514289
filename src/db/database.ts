// One pg pool per process, shared by Prisma (through its pg adapter) and by the
// hand-written SQL of the hot read paths, so both count against the same limit.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { timedClient, watchPool } from '../metrics/sql-metrics.js';

export type Database = {
  pool: pg.Pool;
  prisma: PrismaClient;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel`, from any
   * process, over one dedicated connection that reconnects when it drops, and
   * `onGap` each time it is back (notifications sent meanwhile are lost).
   * Resolves once listening.
   */
  listen(channel: string, handler: (payload: string) => void, onGap?: () => void): Promise<void>;
  /** Whether the LISTEN connection is up now. */
  isListening(): boolean;
  close(): Promise<void>;
};

type DatabaseOptions = {
  poolSize?: number;
  /** A pg.Client subclass; tests pass one that counts statements. */
  Client?: typeof pg.Client;
};

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    Client: timedClient(options.Client ?? pg.Client),
  });
  const unwatch = watchPool('primary', pool);
  // An idle client that loses its connection (server restart) must not crash
  // the process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  // And a checked-out client that loses it: its query rejects, which whoever
  // holds it handles; the event must not go unheard (graphile-worker checks).
  pool.on('connect', (client) => client.on('error', () => {}));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listener = createListener(url);
  return {
    pool,
    prisma,
    listen: listener.listen,
    isListening: listener.isListening,
    async close() {
      unwatch();
      await listener.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * One LISTEN connection for all channels. When it drops (a PostgreSQL restart),
 * it reconnects with backoff for as long as the process lives; notifications
 * sent meanwhile are lost, so every `onGap` callback is told once it is back.
 */
function createListener(url: string) {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const gapCallbacks: (() => void)[] = [];
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let connectedOnce = false;
  let closed = false;
  let delay = RECONNECT_MIN_MS;

  const scheduleReconnect = () => {
    if (closed) return;
    setTimeout(() => {
      if (!closed && !client) connect().catch(() => {});
    }, delay).unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      const dropped = () => {
        if (client !== next) return;
        client = null;
        scheduleReconnect();
      };
      next.on('error', dropped);
      next.on('end', dropped);
      try {
        await next.connect();
        for (const channel of handlers.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        next.end().catch(() => {});
        scheduleReconnect();
        throw error;
      } finally {
        connecting = null;
      }
      client = next;
      delay = RECONNECT_MIN_MS;
      if (connectedOnce) for (const callback of gapCallbacks) callback();
      connectedOnce = true;
    })();
    return connecting;
  };

  return {
    async listen(channel: string, handler: (payload: string) => void, onGap?: () => void) {
      const known = handlers.has(channel);
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      if (onGap) gapCallbacks.push(onGap);
      if (!client) await connect();
      else if (!known) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    },
    isListening: () => client !== null,
    async close() {
      closed = true;
      await connecting?.catch(() => {});
      const current = client;
      client = null;
      await current?.end();
    },
  };
}

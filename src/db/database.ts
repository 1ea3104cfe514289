// One pg pool per process, shared by Prisma (through its pg adapter) and by the
// hand-written SQL of the hot read paths, so both count against the same limit.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Database = {
  pool: pg.Pool;
  prisma: PrismaClient;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel`, from any
   * process, over one dedicated connection that reconnects when it drops.
   * Resolves once listening.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  poolSize?: number;
  /** A pg.Client subclass; tests pass one that counts statements. */
  Client?: typeof pg.Client;
};

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.Client ? { Client: options.Client } : {}),
  });
  // An idle client that loses its connection (server restart) must not crash
  // the process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listener = createListener(url);
  return {
    pool,
    prisma,
    listen: listener.listen,
    async close() {
      await listener.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const RECONNECT_MS = 1000;

function createListener(url: string) {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      // A dropped connection (server restart) is replaced; notifications sent meanwhile are lost.
      const reconnect = () => {
        if (client !== next || closed) return;
        client = null;
        connecting = null;
        setTimeout(() => {
          if (!closed) connect().catch(() => {});
        }, RECONNECT_MS).unref();
      };
      next.on('error', reconnect);
      next.on('end', reconnect);
      await next.connect();
      client = next;
      for (const channel of handlers.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    })();
    return connecting;
  };

  return {
    async listen(channel: string, handler: (payload: string) => void) {
      const known = handlers.has(channel);
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      if (!client) await connect();
      else if (!known) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    },
    async close() {
      closed = true;
      await connecting?.catch(() => {});
      const current = client;
      client = null;
      await current?.end();
    },
  };
}

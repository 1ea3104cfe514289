// A connection kept for health checks alone, so that a check never waits
// behind requests for a pooled connection (a busy replica is not a dead one),
// and every check is bounded: a server that stops answering (a partition, a
// frozen host) fails the check after `timeoutMs` instead of hanging it.
import pg from 'pg';

export type MonitorConnection = {
  /** The client to query, connected (again, after a failure) on demand. */
  client(): Promise<pg.Client>;
  /** Drops the connection after a failed check: the next check connects anew. */
  reset(): void;
  close(): Promise<void>;
};

export function monitorConnection(url: string, timeoutMs: number): MonitorConnection {
  let current: Promise<pg.Client> | null = null;
  let closed = false;
  const drop = () => {
    const dropped = current;
    current = null;
    // Not awaited: ending a connection to a server that does not answer would hang too.
    void dropped?.then((client) => client.end()).catch(() => {});
  };
  return {
    client() {
      if (closed) return Promise.reject(new Error('monitor closed'));
      current ??= (async () => {
        const client = new pg.Client({
          connectionString: url,
          connectionTimeoutMillis: timeoutMs,
          // Client-side: a server-side statement_timeout would be a startup
          // parameter, which PgBouncer refuses.
          query_timeout: timeoutMs,
        });
        client.on('error', () => {});
        try {
          await client.connect();
        } catch (error) {
          client.end().catch(() => {});
          throw error;
        }
        return client;
      })().catch((error: unknown) => {
        current = null;
        throw error;
      });
      return current;
    },
    reset: drop,
    async close() {
      closed = true;
      drop();
    },
  };
}

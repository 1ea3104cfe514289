// What every command-line tool does around its work, in one place: read .env,
// load the configuration, open the database (the embedded server when
// DATABASE_URL is unset), and end with an exit status a script can branch on:
//   0  done
//   1  refused input (a domain error: bad data, a weak password)
//   2  usage or configuration (the message names each bad variable)
//   3  database or infrastructure (cannot start or reach PostgreSQL, …)
// An error is one line on stderr, never a stack trace (LOG_LEVEL=debug adds it).
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createDatabase, type Database, topologyOptions } from '../db/database.js';
import { openDatabaseServer } from '../db/database-server.js';
import { applyMigrations } from '../db/migrations.js';
import { loadEnvFile } from '../env-file.js';
import { DomainError } from '../errors.js';

const EXIT = { ok: 0, refused: 1, usage: 2, infrastructure: 3 } as const;

/** A problem with how the tool was called: printed as is, status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Runs a tool's main and exits with its status, or with the status of the error it threw. */
export function runCli(main: () => Promise<number | undefined>): void {
  // A main that throws before its first await is handled like one that rejects.
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code ?? EXIT.ok),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const code =
          error instanceof ConfigError || error instanceof UsageError
            ? EXIT.usage
            : error instanceof DomainError
              ? EXIT.refused
              : EXIT.infrastructure;
        // An infrastructure error is one line (drivers add advice paragraphs);
        // a configuration error lists every bad variable.
        const shown = code === EXIT.infrastructure ? (message.trim().split('\n')[0] ?? message) : message;
        process.stderr.write(`${shown}\n`);
        if (code === EXIT.infrastructure && process.env.LOG_LEVEL === 'debug' && error instanceof Error) {
          process.stderr.write(`${error.stack}\n`);
        }
        process.exit(code);
      },
    );
}

/** The configuration, from the environment and .env; a bad variable is a ConfigError (status 2). */
export function cliConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadEnvFile();
  return loadConfig(env);
}

/** Opens the database server for `work` (its URL) and stops it however the work ends. */
export async function withDatabaseServer<T>(config: Config, work: (url: string) => Promise<T>): Promise<T> {
  // While `npm start` runs on the embedded cluster, the tools use it (its port
  // and password are under DATA_DIR) instead of failing to start a second one.
  const server = await openDatabaseServer(
    config,
    () => {},
    (message) => process.stderr.write(`${message}\n`),
    true,
  );
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/** The database, migrated, for `work`; everything closed however it ends. */
export async function withCliDatabase<T>(
  work: (db: Database, config: Config) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = cliConfig(env);
  return withDatabaseServer(config, async (url) => {
    // The tools write, or run jobs: the primary only.
    const db = createDatabase(url, topologyOptions(config, false));
    try {
      await applyMigrations(db.directUrl);
      return await work(db, config);
    } finally {
      await db.close();
    }
  });
}

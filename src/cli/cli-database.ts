// What every command-line tool does around its work: read .env, open the
// database (the embedded server when DATABASE_URL is unset), apply pending
// migrations, and close everything however the work ends. A configuration
// error ends the process with status 2, as a usage error does.
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { openDatabaseServer } from '../db/database-server.js';
import { applyMigrations } from '../db/migrations.js';
import { loadEnvFile } from '../env-file.js';

export async function withCliDatabase<T>(
  work: (db: Database, config: Config) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  loadEnvFile();
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const server = await openDatabaseServer(config);
  const db = createDatabase(server.url);
  try {
    await applyMigrations(server.url);
    return await work(db, config);
  } finally {
    await db.close();
    await server.stop();
  }
}

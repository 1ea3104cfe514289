// npm run db:migrate: applies pending migrations to DATABASE_URL (or the
// embedded PostgreSQL), the same way `npm start` does.
import { loadConfig } from '../config.js';
import { openDatabaseServer } from '../db/database-server.js';
import { applyMigrations } from '../db/migrations.js';
import { loadEnvFile } from '../env-file.js';

loadEnvFile();
const server = await openDatabaseServer(loadConfig());
try {
  const applied = await applyMigrations(server.url);
  process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
} finally {
  await server.stop();
}

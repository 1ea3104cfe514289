// npm run db:migrate: applies pending migrations to DATABASE_URL (or the
// embedded PostgreSQL), the same way `npm start` does.
import { applyMigrations } from '../db/migrations.js';
import { cliConfig, runCli, withDatabaseServer } from './cli-database.js';

runCli(() => {
  const config = cliConfig();
  return withDatabaseServer(config, async (url) => {
    // Not through a transaction pooler: the engine holds a session advisory lock.
    const applied = await applyMigrations(config.databaseDirectUrl ?? url);
    process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
    return 0;
  });
});

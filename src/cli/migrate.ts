// npm run db:migrate: applies pending migrations to DATABASE_URL (or the
// embedded PostgreSQL), the same way `npm start` does.
import { applyMigrations } from '../db/migrations.js';
import { cliConfig, runCli, withDatabaseServer } from './cli-database.js';

runCli(() =>
  withDatabaseServer(cliConfig(), async (url) => {
    const applied = await applyMigrations(url);
    process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
    return 0;
  }),
);

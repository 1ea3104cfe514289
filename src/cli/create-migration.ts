// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that brings the committed migrations up to prisma/schema.prisma.
// The offline twin of `prisma migrate dev --create-only`, using the wasm engine.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffMigrationsToSchema, migrationsDir } from '../db/migrations.js';
import { cliConfig, runCli, UsageError, withDatabaseServer } from './cli-database.js';

runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new UsageError('usage: npm run db:migration -- <name in snake_case>');
  return withDatabaseServer(cliConfig(), async (url) => {
    const sql = await diffMigrationsToSchema(url);
    if (sql.trim() === '') {
      process.stdout.write('schema.prisma matches the migrations: nothing to create.\n');
      return 0;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    process.stdout.write(`Created ${path.relative(process.cwd(), dir)}/migration.sql\n`);
    return 0;
  });
});

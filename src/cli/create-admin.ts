// npm run create-admin -- <email> [name]: creates an ADMIN account, or promotes
// and reactivates an existing one. The password comes from ADMIN_PASSWORD or,
// on a terminal, from a prompt; never from the command line, where it would
// end up in the shell's history.
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { createDatabase } from '../db/database.js';
import { openDatabaseServer } from '../db/database-server.js';
import { applyMigrations } from '../db/migrations.js';
import { loadEnvFile } from '../env-file.js';
import { ensureAdminUser } from '../users/first-admin.js';

loadEnvFile();
const [email, name] = process.argv.slice(2);
if (!email) {
  process.stderr.write('usage: npm run create-admin -- <email> [name]   (password from ADMIN_PASSWORD or a prompt)\n');
  process.exit(2);
}

let password = process.env.ADMIN_PASSWORD;
if (!password && process.stdin.isTTY) {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  password = await prompt.question('Password (12+ characters): ');
  prompt.close();
}
if (!password) {
  process.stderr.write('Set ADMIN_PASSWORD, or run this on a terminal to be asked for it.\n');
  process.exit(2);
}

// The password is this command's input, not the server's start-up admin.
const server = await openDatabaseServer(
  loadConfig({ ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined }),
);
const db = createDatabase(server.url);
let exitCode = 0;
try {
  await applyMigrations(server.url);
  const result = await ensureAdminUser(db.prisma, email, password, name);
  process.stdout.write(result.created ? `Created admin ${email}.\n` : `${email} is an active admin now.\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  exitCode = 1;
} finally {
  await db.close();
  await server.stop();
}
process.exit(exitCode);

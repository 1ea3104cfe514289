// npm run create-admin -- <email> [name]: creates an ADMIN account, or promotes
// and reactivates an existing one. The password comes from ADMIN_PASSWORD or,
// on a terminal, from a prompt; never from the command line, where it would
// end up in the shell's history.
import { createInterface } from 'node:readline/promises';
import { loadEnvFile } from '../env-file.js';
import { ensureAdminUser } from '../users/first-admin.js';
import { runCli, UsageError, withCliDatabase } from './cli-database.js';

runCli(async () => {
  loadEnvFile(); // ADMIN_PASSWORD may come from .env
  const [email, name] = process.argv.slice(2);
  if (!email) {
    throw new UsageError('usage: npm run create-admin -- <email> [name]   (password from ADMIN_PASSWORD or a prompt)');
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password && process.stdin.isTTY) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    password = await prompt.question('Password (12+ characters): ');
    prompt.close();
  }
  if (!password) throw new UsageError('Set ADMIN_PASSWORD, or run this on a terminal to be asked for it.');
  const chosen = password;
  // The password is this command's input, not the server's start-up admin.
  return withCliDatabase(
    async (db) => {
      const result = await ensureAdminUser(db.prisma, email, chosen, name);
      process.stdout.write(result.created ? `Created admin ${email}.\n` : `${email} is an active admin now.\n`);
      return 0;
    },
    { ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined },
  );
});

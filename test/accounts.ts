// Accounts for tests, made directly in the database, and signing in through the API.
import { hashPassword } from '../src/auth/passwords.js';
import type { Database } from '../src/db/database.js';
import type { Role } from '../src/generated/prisma/enums.js';
import type { App } from '../src/yoga.js';
import { executeText } from './graphql-client.js';

export const PASSWORD = 'correct horse battery staple';

export async function createUser(
  db: Database,
  email: string,
  role: Role = 'VIEWER',
  extra: { deactivatedAt?: Date } = {},
) {
  return db.prisma.user.create({
    data: { email, name: email.split('@')[0] ?? email, role, passwordHash: await hashPassword(PASSWORD), ...extra },
  });
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<string> {
  const result = await executeText(
    app,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: email,
      p: password,
    },
  );
  const token = (result.data as { login?: { token: string } } | null)?.login?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return token;
}

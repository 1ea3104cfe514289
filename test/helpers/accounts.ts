// Accounts for tests, made directly in the database, and signing in through the API.
import { hashPassword } from '../../src/auth/passwords.js';
import type { Database } from '../../src/db/database.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import type { App } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { execute } from './graphql-client.js';

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

const AccountsSignIn = graphql(`
  mutation AccountsSignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }
`);

export async function signIn(app: App, email: string, password = PASSWORD): Promise<string> {
  const result = await execute(app, AccountsSignIn, { e: email, p: password });
  const token = result.data?.login.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return token;
}

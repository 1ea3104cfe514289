// Accounts: creating them and what admins change on them. Each write is one
// statement that returns the row as the caller selects it (Pothos's `query`),
// and the database's constraints decide races: a taken email is the unique
// index's refusal, a missing account the update's.
import type { Authenticator } from '../auth/authenticate.js';
import { hashPassword } from '../auth/passwords.js';
import type { Principal } from '../auth/principal.js';
import { isNoSuchRecord, isUniqueViolation } from '../db/prisma-errors.js';
import { badInput, notFound } from '../errors.js';
import type { Prisma, PrismaClient, Role } from '../generated/prisma/client.js';
import { unlessLastActiveAdmin } from './last-admin.js';
import { validateAccount } from './user-input.js';

type UserQuery = Omit<Prisma.UserFindUniqueArgs, 'where'>;

export type NewAccount = { email: string; name: string; password: string; role: Role };

/** Creates an account after checking every field; BAD_USER_INPUT when the email is taken. */
export async function createAccount(prisma: PrismaClient, input: NewAccount, query: UserQuery = {}, path = 'input') {
  const { email, name } = validateAccount(input, path);
  const data = {
    email,
    name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  };
  try {
    return await prisma.user.create({ ...query, data });
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput([{ path: `${path}.email`, message: 'is already registered' }]);
    throw error;
  }
}

export type AccountChange = { role?: Role; deactivatedAt?: Date | null; sessionEpoch?: { increment: number } };

/**
 * Changes an account and returns it; NOT_FOUND when there is none,
 * LAST_ACTIVE_ADMIN when it would leave no active admin account. The
 * authenticator forgets what it cached, so a new role or a deactivation
 * applies to the account's very next request.
 */
export async function changeAccount(
  { prisma, auth }: { prisma: PrismaClient; auth: Pick<Authenticator, 'invalidate'> },
  id: number,
  data: AccountChange,
  query: UserQuery = {},
) {
  const update = (client: Pick<PrismaClient, 'user'>) => client.user.update({ ...query, where: { id }, data });
  const leavesAdmins = (data.role !== undefined && data.role !== 'ADMIN') || Boolean(data.deactivatedAt);
  try {
    const user = await (leavesAdmins ? unlessLastActiveAdmin(prisma, id, update) : update(prisma));
    auth.invalidate();
    return user;
  } catch (error) {
    if (isNoSuchRecord(error)) throw notFound(`No user with id ${id}.`);
    throw error;
  }
}

/** Admins cannot demote or deactivate themselves: another admin must. */
export function refuseOwnAccount(principal: Principal | null, id: number, what: string): void {
  if (principal?.kind === 'user' && principal.userId === id) {
    throw badInput([{ path: 'id', message: `you cannot ${what}: ask another admin` }]);
  }
}

/** Deactivating signs the account out everywhere too: its session epoch moves on. */
export const deactivation = (): AccountChange => ({ deactivatedAt: new Date(), sessionEpoch: { increment: 1 } });
export const REACTIVATION: AccountChange = { deactivatedAt: null };

// At least one active ADMIN account stays, so that someone can always manage
// accounts. The check and the change must be one step: two admins who demote
// each other at the same moment would each count two admins and leave none.
// So the active admins' rows are locked, in id order (two such transactions
// never deadlock), before they are counted: the second waits for the first to
// commit, and at READ COMMITTED then sees the rows as the first left them.
import { DomainError } from '../errors.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/**
 * Runs `change` on account `id`, which takes it out of the active admins if it
 * is one, in a transaction that refuses (LAST_ACTIVE_ADMIN) when it is the last.
 * READ COMMITTED whatever the sessions' default: a row a concurrent change
 * commits while this one waits for its lock is read again as committed, where
 * REPEATABLE READ or SERIALIZABLE would fail the transaction instead.
 */
export function unlessLastActiveAdmin<T>(
  prisma: PrismaClient,
  id: number,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      const admins = await tx.$queryRaw<{ id: number }[]>`/* lock-active-admins */
        SELECT id FROM app_user WHERE role = 'ADMIN' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`;
      if (admins.length === 1 && admins[0]?.id === id) {
        throw new DomainError(
          'LAST_ACTIVE_ADMIN',
          'This is the last active admin account: promote another account to ADMIN first.',
        );
      }
      return change(tx);
    },
    { isolationLevel: 'ReadCommitted' },
  );
}

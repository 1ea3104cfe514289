// The first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD at start-up, or from
// `npm run create-admin`. An existing account with that email is promoted to
// ADMIN and reactivated; its password is set only when it is created.
import { hashPassword } from '../auth/passwords.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { validateAccount } from './user-input.js';

export async function ensureAdminUser(prisma: PrismaClient, email: string, password: string, name = 'Administrator') {
  const account = validateAccount({ email, password, name }, 'admin');
  const existing = await prisma.user.findUnique({ where: { email: account.email } });
  if (existing) {
    if (existing.role !== 'ADMIN' || existing.deactivatedAt) {
      await prisma.user.update({ where: { id: existing.id }, data: { role: 'ADMIN', deactivatedAt: null } });
    }
    return { created: false, id: existing.id };
  }
  const user = await prisma.user.create({
    data: { email: account.email, name: account.name, role: 'ADMIN', passwordHash: await hashPassword(password) },
  });
  return { created: true, id: user.id };
}

/** Whether anyone can administer: an active ADMIN account, or an ADMIN API key neither revoked nor expired. */
export async function adminExists(prisma: PrismaClient): Promise<boolean> {
  const [users, keys] = await Promise.all([
    prisma.user.count({ where: { role: 'ADMIN', deactivatedAt: null } }),
    prisma.apiKey.count({
      where: { role: 'ADMIN', revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    }),
  ]);
  return users + keys > 0;
}

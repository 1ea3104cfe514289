// Signing in with an email and a password, throttled per account and per
// address (login-throttle.ts), and the session token that both sign-in and
// sign-up hand out.
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyPassword } from '../auth/passwords.js';
import type { TokenService } from '../auth/tokens.js';
import { rateLimited, unauthenticated } from '../errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { LoginThrottle } from './login-throttle.js';
import { normalizeEmail } from './user-input.js';

export type Session = { token: string; expiresAt: Date; userId: number };

/** A session token for the account, valid until its session epoch moves on. */
export async function startSession(tokens: TokenService, user: { id: number; sessionEpoch: number }): Promise<Session> {
  const { token, expiresAt } = await tokens.sign(user.id, user.sessionEpoch);
  return { token, expiresAt, userId: user.id };
}

export async function signIn(
  services: { prisma: PrismaClient; tokens: TokenService; loginThrottle: LoginThrottle },
  credentials: { email: string; password: string },
  clientAddress: string,
): Promise<Session> {
  const { prisma, loginThrottle } = services;
  const email = normalizeEmail(credentials.email);
  const keys = [`email:${email}`, `address:${clientAddress}`];
  const turn = loginThrottle.enter(keys);
  if (!turn) throw rateLimited('Too many sign-in attempts at once for this account or address: retry later.');
  let user: Awaited<ReturnType<typeof prisma.user.findUnique>>;
  try {
    await turn.ready;
    const delay = await loginThrottle.delayFor(keys);
    if (delay > 0) await sleep(delay);
    user = await prisma.user.findUnique({ where: { email } });
    const ok = await verifyPassword(user?.passwordHash ?? null, credentials.password);
    if (!user || !ok || user.deactivatedAt) {
      await loginThrottle.failed(keys);
      // One message for every failure: it must not tell which emails exist.
      throw unauthenticated('Wrong email or password, or the account is deactivated.');
    }
    await loginThrottle.succeeded(keys);
  } finally {
    turn.done();
  }
  return startSession(services.tokens, user);
}

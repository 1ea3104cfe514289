// Signing in with an email and a password, throttled per account and per
// address (login-throttle.ts), and the session token that both sign-in and
// sign-up hand out.
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.js';
import type { TokenService } from '../auth/tokens.js';
import { badInput, type InputProblem, rateLimited, unauthenticated } from '../errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { canonicalEmail } from './email-address.js';
import type { LoginKeys, LoginThrottle } from './login-throttle.js';

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
  const email = checkedEmail(credentials);
  const keys: LoginKeys = { account: email, address: clientAddress };
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

/**
 * The canonical e-mail address of a sign-in, or BAD_USER_INPUT: before any
 * lookup, password hashing or throttle bookkeeping, so that an input no account
 * can have costs nothing and leaves nothing behind. The refusal says nothing
 * of which accounts exist.
 */
function checkedEmail(credentials: { email: string; password: string }): string {
  const problems: InputProblem[] = [];
  const email = canonicalEmail(credentials.email);
  if (!email.ok) problems.push({ path: 'email', message: email.problem });
  if (credentials.password.length > MAX_PASSWORD_LENGTH) {
    problems.push({ path: 'password', message: `must be at most ${MAX_PASSWORD_LENGTH} characters long` });
  }
  if (!email.ok || problems.length > 0) throw badInput(problems);
  return email.email;
}

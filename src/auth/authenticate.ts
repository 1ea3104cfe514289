// Who is calling: `Authorization: Bearer <token>` carries either a session JWT
// (from `login`) or an API key. The role always comes from the database, so a
// role change, a deactivation or a revocation takes effect at once; lookups
// are cached for a few seconds to keep authentication off the hot path, and
// the cache is cleared by every change this process makes.

import { unauthenticated } from '../errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { bearerToken, checkApiKey } from './api-keys.js';
import type { Principal } from './principal.js';
import { looksLikeJwt, type TokenService } from './tokens.js';

export type Authenticator = {
  authenticate(header: string | null): Promise<Principal | null>;
  /** Forget cached lookups after a change to users or keys. */
  invalidate(): void;
};

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export function createAuthenticator(prisma: PrismaClient, tokens: TokenService): Authenticator {
  const cache = new Map<string, { principal: Principal; until: number }>();

  const remember = (key: string, principal: Principal, notAfter = Number.POSITIVE_INFINITY) => {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, { principal, until: Math.min(Date.now() + CACHE_MS, notAfter) });
    return principal;
  };

  async function userPrincipal(token: string): Promise<Principal> {
    // A token verified a moment ago is the same string now: its signature need
    // not be checked again until the cache entry (or the token) expires.
    const key = `session:${token}`;
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    const verified = await tokens.verify(token);
    if (verified === null) throw unauthenticated('The session token is invalid or has expired: sign in again.');
    const user = await prisma.user.findUnique({
      where: { id: verified.userId },
      select: { role: true, deactivatedAt: true, sessionEpoch: true },
    });
    if (!user || user.deactivatedAt) throw unauthenticated('This account is deactivated.');
    // A deactivation raises the epoch: reactivating the account must not revive
    // the tokens it had before.
    if (user.sessionEpoch !== verified.epoch) throw unauthenticated('This session was signed out: sign in again.');
    return remember(key, { kind: 'user', userId: verified.userId, role: user.role }, verified.expiresAt);
  }

  async function keyPrincipal(secret: string): Promise<Principal> {
    const key = `key:${secret}`;
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    const check = await checkApiKey(prisma, secret);
    if (!check.ok) throw unauthenticated(`The API key is ${check.reason}.`);
    // Held no later than the key's expiry: from that instant on it is refused.
    return remember(key, check.principal, check.expiresAt?.getTime());
  }

  return {
    async authenticate(header) {
      if (header === null) return null;
      const token = bearerToken(header);
      if (!token) throw unauthenticated('The Authorization header must be "Bearer <token or API key>".');
      return looksLikeJwt(token) ? userPrincipal(token) : keyPrincipal(token);
    },
    invalidate: () => cache.clear(),
  };
}

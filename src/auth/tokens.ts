// Short-lived session tokens: HS256 JWTs signed with the first of JWT_SECRET's
// comma-separated secrets and accepted with any of them, so a secret is rotated
// by putting the new one first and dropping the old one after a token lifetime.
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'etfql';
const encoder = new TextEncoder();

export type TokenService = {
  /** A token for the user, stamped with the account's session epoch (see `User.sessionEpoch`). */
  sign(userId: number, epoch: number): Promise<{ token: string; expiresAt: Date }>;
  /** The user, epoch and expiry of a valid token; null for a token that is not a valid JWT of ours (bad signature, expired, malformed). */
  verify(token: string): Promise<{ userId: number; epoch: number; expiresAt: number } | null>;
};

export function createTokenService(secrets: string[], ttlSeconds: number): TokenService {
  // Without configured secrets, tokens live as long as this process.
  const keys = (secrets.length > 0 ? secrets : [randomBytes(32).toString('base64url')]).map((s) => encoder.encode(s));
  const signingKey = keys[0] as Uint8Array;
  return {
    async sign(userId, epoch) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({ ep: epoch })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(signingKey);
      return { token, expiresAt };
    },
    async verify(token) {
      for (const key of keys) {
        try {
          const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
          const id = Number(payload.sub);
          if (!Number.isSafeInteger(id) || id <= 0 || payload.exp === undefined) return null;
          // Tokens from before epochs existed carry none: they belong to epoch 0.
          const epoch = payload.ep ?? 0;
          if (!Number.isSafeInteger(epoch)) return null;
          return { userId: id, epoch: epoch as number, expiresAt: payload.exp * 1000 };
        } catch (error) {
          // A bad signature may be the previous key's: try the next. Anything else is final.
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) return null;
        }
      }
      return null;
    },
  };
}

/** Three base64url parts: a JWT, as opposed to an API key. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

// API keys for scripts: 256 random bits behind a visible `etfql_` prefix. Only
// the SHA-256 of a key is stored; a leaked table does not leak usable keys.
import { createHash, randomBytes } from 'node:crypto';
import { isNoSuchRecord } from '../db/prisma-errors.js';
import { badInput, type InputProblem, notFound } from '../errors.js';
import type { Prisma, PrismaClient, Role } from '../generated/prisma/client.js';
import type { Principal } from './principal.js';

const API_KEY_PREFIX = 'etfql_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A key this server made: the prefix and 256 random bits in base64url. */
const GENERATED_KEY = /^etfql_[\w-]{43}$/;

/**
 * What lists show of a key, ten characters whatever the key: enough to tell
 * keys apart, useless to an attacker. A key we generated shows its first four
 * random characters (24 of its 256 bits); any other key (ADMIN_API_KEY is
 * chosen by a person, and may be short or guessable) shows none of itself,
 * only `#` and the start of its SHA-256.
 */
export function visiblePrefix(secret: string): string {
  return GENERATED_KEY.test(secret) ? secret.slice(0, API_KEY_PREFIX.length + 4) : `#${hashSecret(secret).slice(0, 9)}`;
}

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Makes sure the ADMIN_API_KEY from the environment is a valid admin key. */
export async function ensureAdminApiKey(prisma: PrismaClient, secret: string): Promise<void> {
  const hash = hashSecret(secret);
  const existing = await prisma.apiKey.findUnique({ where: { hash } });
  if (existing) {
    if (existing.role !== 'ADMIN' || existing.revokedAt || existing.expiresAt) {
      await prisma.apiKey.update({
        where: { id: existing.id },
        data: { role: 'ADMIN', revokedAt: null, expiresAt: null },
      });
    }
    return;
  }
  await prisma.apiKey.create({
    data: { name: 'ADMIN_API_KEY', prefix: visiblePrefix(secret), hash, role: 'ADMIN' },
  });
}

type KeyCheck =
  | { ok: true; principal: Principal; expiresAt: Date | null }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

export async function checkApiKey(prisma: PrismaClient, secret: string): Promise<KeyCheck> {
  const key = await prisma.apiKey.findUnique({
    where: { hash: hashSecret(secret) },
    select: { id: true, role: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!key) return { ok: false, reason: 'unknown' };
  if (key.revokedAt) return { ok: false, reason: 'revoked' };
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
  // lastUsedAt is for humans auditing keys; a minute's precision is plenty and
  // spares a write on every request of a busy script.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    ok: true,
    principal: { kind: 'apiKey' as const, apiKeyId: key.id, role: key.role },
    expiresAt: key.expiresAt,
  };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** Creates a key; its secret is returned here once and stored only as a hash. */
export async function createApiKey(
  prisma: PrismaClient,
  input: { name: string; role: Role; expiresAt: Date | null; createdById: number | null },
) {
  const name = input.name.trim();
  const problems: InputProblem[] = [];
  if (name === '' || name.length > 100) problems.push({ path: 'name', message: 'must be 1 to 100 characters' });
  if (input.expiresAt !== null && input.expiresAt.getTime() <= Date.now()) {
    problems.push({ path: 'expiresAt', message: 'is in the past' });
  }
  if (problems.length > 0) throw badInput(problems);
  const secret = generateApiKeySecret();
  const key = await prisma.apiKey.create({
    data: {
      name,
      role: input.role,
      expiresAt: input.expiresAt,
      prefix: visiblePrefix(secret),
      hash: hashSecret(secret),
      createdById: input.createdById,
    },
  });
  return { key, secret };
}

/**
 * Revokes a key, as `query` selects it: one UPDATE when it is live; a key
 * revoked before keeps its first revocation time. NOT_FOUND for no such key.
 */
export async function revokeApiKey(
  prisma: PrismaClient,
  id: number,
  query: Omit<Prisma.ApiKeyFindUniqueArgs, 'where'> = {},
) {
  try {
    return await prisma.apiKey.update({ ...query, where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  } catch (error) {
    if (!isNoSuchRecord(error)) throw error;
  }
  const revoked = await prisma.apiKey.findUnique({ ...query, where: { id } });
  if (!revoked) throw notFound(`No API key with id ${id}.`);
  return revoked;
}

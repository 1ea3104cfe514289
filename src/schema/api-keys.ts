// API keys for scripts: created by admins, shown once, listed without secrets, revoked.

import { DateTimeResolver } from 'graphql-scalars';
import { generateApiKeySecret, hashSecret, visiblePrefix } from '../auth/api-keys.js';
import { builder } from '../builder.js';
import { badInput, notFound } from '../errors.js';
import { Role } from './users.js';

builder.prismaObject('ApiKey', {
  description: 'A key for scripts. Lists show its prefix; the secret is shown once, when it is created.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    role: t.expose('role', { type: Role }),
    createdAt: t.string({ resolve: (key) => key.createdAt.toISOString() }),
    lastUsedAt: t.string({ nullable: true, resolve: (key) => key.lastUsedAt?.toISOString() ?? null }),
    expiresAt: t.string({ nullable: true, resolve: (key) => key.expiresAt?.toISOString() ?? null }),
    revokedAt: t.string({ nullable: true, resolve: (key) => key.revokedAt?.toISOString() ?? null }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ id: number; secret: string }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The key itself. It is not stored and cannot be shown again.' }),
    apiKey: t.prismaField({
      type: 'ApiKey',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.id } }),
    }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.prismaField({
    type: ['ApiKey'],
    authScopes: { admin: true },
    description: 'Every API key, newest first, revoked ones included. ADMIN only.',
    resolve: (query, _root, _args, ctx) => ctx.db.prisma.apiKey.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    authScopes: { admin: true },
    description: 'Creates a key with a role and an optional expiry (an ISO 8601 time). ADMIN only.',
    args: {
      name: t.arg.string({ required: true }),
      role: t.arg({ type: Role, required: true }),
      expiresAt: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const name = args.name.trim();
      const problems = [];
      if (name === '' || name.length > 100) problems.push({ path: 'name', message: 'must be 1 to 100 characters' });
      let expiresAt: Date | null = null;
      if (args.expiresAt) {
        // Strictly RFC 3339 (graphql-scalars' DateTime): new Date() would roll
        // 2027-02-30 over into March.
        try {
          expiresAt = DateTimeResolver.parseValue(args.expiresAt) as Date;
        } catch {
          expiresAt = null;
        }
        if (expiresAt === null) {
          problems.push({ path: 'expiresAt', message: 'must be an ISO 8601 time, e.g. 2027-01-31T00:00:00Z' });
        } else if (expiresAt.getTime() <= Date.now()) {
          problems.push({ path: 'expiresAt', message: 'is in the past' });
        }
      }
      if (problems.length > 0) throw badInput(problems);
      const principal = await ctx.principal();
      const secret = generateApiKeySecret();
      const key = await ctx.db.prisma.apiKey.create({
        data: {
          name,
          role: args.role,
          expiresAt,
          prefix: visiblePrefix(secret),
          hash: hashSecret(secret),
          createdById: principal?.kind === 'user' ? principal.userId : null,
        },
      });
      return { id: key.id, secret };
    },
  }),

  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    authScopes: { admin: true },
    description: 'Revokes a key at once. ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const existing = await ctx.db.prisma.apiKey.findUnique({ where: { id: args.id }, select: { revokedAt: true } });
      if (!existing) throw notFound(`No API key with id ${args.id}.`);
      const key = await ctx.db.prisma.apiKey.update({
        ...query,
        where: { id: args.id },
        data: { revokedAt: existing.revokedAt ?? new Date() },
      });
      ctx.auth.invalidate();
      return key;
    },
  }),
}));

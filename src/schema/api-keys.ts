// API keys for scripts: created by admins, shown once, listed without secrets, revoked.
import { createApiKey, revokeApiKey } from '../auth/api-keys.js';
import { builder } from '../builder.js';
import { Role } from './enums.js';

builder.prismaObject('ApiKey', {
  description: 'A key for scripts. Lists show its prefix; the secret is shown once, when it is created.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    role: t.expose('role', { type: Role }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
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
    cacheScope: 'caller',
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
    description: 'Creates a key with a role and an optional expiry (RFC 3339, in the future). ADMIN only.',
    args: {
      name: t.arg.string({ required: true }),
      role: t.arg({ type: Role, required: true }),
      expiresAt: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_root, args, ctx) => {
      const principal = await ctx.caller.principal();
      const created = await createApiKey(ctx.db.prisma, {
        name: args.name,
        role: args.role,
        expiresAt: args.expiresAt ?? null,
        createdById: principal?.kind === 'user' ? principal.userId : null,
      });
      return { id: created.key.id, secret: created.secret };
    },
  }),

  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    authScopes: { admin: true },
    description: 'Revokes a key at once (a key revoked before keeps its time). ADMIN only.',
    args: { id: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const key = await revokeApiKey(ctx.db.prisma, args.id, query);
      ctx.auth.invalidate();
      return key;
    },
  }),
}));

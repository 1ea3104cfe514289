// The Pothos builder: plugins, scalars, context and auth scopes. Nothing else.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { DateResolver } from 'graphql-scalars';
import { hasRole } from './auth/roles.js';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';
import type PrismaTypes from './generated/pothos-prisma-types.js';
import { getDatamodel } from './generated/pothos-prisma-types.js';
import type { PrismaClient } from './generated/prisma/client.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { editor: boolean; admin: boolean };
  Scalars: { Date: { Input: Date; Output: Date | string } };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    // The client lives in the per-request context so that tests and the server
    // can each bring their own database.
    client: (ctx) => ctx.db.prisma as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  scopeAuth: {
    authScopes: async (ctx) => {
      const principal = await ctx.principal();
      return {
        editor: hasRole(principal?.role, 'EDITOR'),
        admin: hasRole(principal?.role, 'ADMIN'),
      };
    },
    unauthorizedError: (_parent, ctx, info) =>
      ctx.hasCredentials
        ? forbidden(`Your API key's role does not allow ${info.parentType.name}.${info.fieldName}.`)
        : unauthenticated(
            `${info.parentType.name}.${info.fieldName} needs an API key: send "Authorization: Bearer <key>".`,
          ),
  },
});

builder.addScalarType('Date', DateResolver);

builder.queryType({});
builder.mutationType({});

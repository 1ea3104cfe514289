// The Pothos builder: plugins, scalars, context and auth scopes. Nothing else.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import type { AuthScopes } from './auth/caller.js';
import CacheScopePlugin from './cache-scope.js';
import { unusedPrismaQuery } from './config.js';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';
import type PrismaTypes from './generated/pothos-prisma-types.js';
import { getDatamodel } from './generated/pothos-prisma-types.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { complexityOptions, listCost } from './limits/query-cost.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: {
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: object };
  };
  DefaultFieldNullability: false;
}>({
  // Complexity last: its check wraps the others, so a refused query runs nothing.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, CacheScopePlugin, ComplexityPlugin],
  complexity: complexityOptions,
  defaultFieldNullability: false,
  prisma: {
    // The client lives in the per-request context so that tests and the server
    // can each bring their own database.
    client: (ctx) => ctx.db.prisma as unknown as PrismaClient,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: unusedPrismaQuery(),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A connection's plumbing and a node's id pass on what their parent holds.
    cursorFieldOptions: { cacheScope: 'parent' },
    nodeFieldOptions: { cacheScope: 'parent' },
    edgesFieldOptions: { cacheScope: 'parent' },
    pageInfoFieldOptions: { cacheScope: 'parent' },
    hasNextPageFieldOptions: { cacheScope: 'parent' },
    hasPreviousPageFieldOptions: { cacheScope: 'parent' },
    startCursorFieldOptions: { cacheScope: 'parent' },
    endCursorFieldOptions: { cacheScope: 'parent' },
    idFieldOptions: { cacheScope: 'parent' },
    nodeQueryOptions: { authScopes: { reader: true } },
    nodesQueryOptions: { authScopes: { reader: true }, complexity: (args) => listCost(args.ids.length) },
  },
  scopeAuth: {
    authScopes: (ctx) => ctx.caller.scopes(),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.caller.hasCredentials
        ? forbidden(`Your role does not allow ${info.parentType.name}.${info.fieldName}.`)
        : unauthenticated(
            `${info.parentType.name}.${info.fieldName} needs you to sign in or use an API key: send "Authorization: Bearer <token or key>".`,
          ),
  },
});

// Inputs are validated as graphql-scalars does. Outputs are dates we produced:
// PostgreSQL's `date::text` (YYYY-MM-DD) or Prisma's Dates at UTC midnight.
// Re-validating each of a chart's thousands of date strings was 2 % of its time.
builder.addScalarType(
  'Date',
  new GraphQLScalarType({
    ...DateResolver.toConfig(),
    serialize: (value) => (typeof value === 'string' ? value : DateResolver.serialize(value)),
  }),
);

// Instants (creation, last use, expiry): RFC 3339, strictly (2027-02-30 is refused, not rolled over).
builder.addScalarType('DateTime', DateTimeResolver);

// A stored filter given back as it was given (an alert's `when`).
builder.addScalarType('JSONObject', JSONObjectResolver);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

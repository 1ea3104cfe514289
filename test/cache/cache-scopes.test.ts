// Every field's cache scope, as declared on the field (src/cache-scope.ts):
// the list is committed (test/cache/cache-scopes.txt), so a change to what may be
// shared between callers shows up in review. Fields that require more than the
// reader scope are never public.
import { type GraphQLField, isObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { cacheScopeOf } from '../../src/cache-scope.js';
import { schema } from '../../src/schema/index.js';

const fields = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
  .flatMap((type) =>
    isObjectType(type)
      ? Object.values(type.getFields()).map((field) => ({ coordinate: `${type.name}.${field.name}`, field }))
      : [],
  );

const authScopesOf = (field: GraphQLField<unknown, unknown>) =>
  (field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;

it('lists every field with its scope; undeclared fields are never shared', async () => {
  const listing = fields.map(({ coordinate, field }) => `${coordinate} ${cacheScopeOf(field) ?? 'never shared'}`);
  await expect(`${listing.join('\n')}\n`).toMatchFileSnapshot('cache-scopes.txt');
});

it('declares public only fields that any reader may see', () => {
  const guarded = fields.filter(({ field }) => {
    const scopes = authScopesOf(field);
    return cacheScopeOf(field) === 'public' && scopes !== undefined && JSON.stringify(scopes) !== '{"reader":true}';
  });
  expect(guarded.map(({ coordinate }) => coordinate)).toEqual([]);
});

it('shares no mutation field', () => {
  const shared = fields.filter(
    ({ coordinate, field }) => coordinate.startsWith('Mutation.') && cacheScopeOf(field) !== undefined,
  );
  expect(shared.map(({ coordinate }) => coordinate)).toEqual([]);
});

// A public subscription field's events are executed once for all its
// subscribers (src/graphql/use-shared-subscriptions.ts); none is ever cached.
it('shares the events of no subscription field that needs more than the reader scope', () => {
  const shared = fields.filter(
    ({ coordinate, field }) =>
      coordinate.startsWith('Subscription.') &&
      cacheScopeOf(field) !== undefined &&
      JSON.stringify(authScopesOf(field)) !== '{"reader":true}',
  );
  expect(shared.map(({ coordinate }) => coordinate)).toEqual([]);
});

// Which documents the response cache may answer for every caller alike: those
// whose every field declares that its answer may be shared (`cacheScope:` on
// the field, src/cache-scope.ts); a field that declares nothing is never
// shared. Decided once per parsed document (Yoga caches parsed documents, so a
// chart asked again is the same object), from the selections alone: nothing
// here looks at a result. A `parent` field is shared only under a `public` one:
// every root field must be public for its subtree to be reached at all.
import {
  BREAK,
  type DocumentNode,
  type GraphQLSchema,
  getOperationAST,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { cacheScopeOf } from '../cache-scope.js';

/** The schema coordinates (`Type.field`) that may be shared between callers: declared so, on the field. */
function publicCoordinates(schema: GraphQLSchema): Set<string> {
  const shared = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    shared.add(`${type.name}.__typename`);
    for (const field of Object.values(type.getFields())) {
      const scope = cacheScopeOf(field);
      // A root field has no parent to take its scope from.
      const root = type === schema.getQueryType() || type === schema.getSubscriptionType();
      if (scope === 'public' || (scope === 'parent' && !root)) shared.add(`${type.name}.${field.name}`);
    }
  }
  return shared;
}

/**
 * Whether a parsed document is a query whose every field may be shared;
 * remembered per document. With `subscription`: a subscription whose every
 * event may be shared (src/graphql/use-shared-subscriptions.ts).
 */
export function cacheableDocuments(
  schema: GraphQLSchema,
  operation: 'query' | 'subscription' = 'query',
): (document: DocumentNode, operationName?: string | null) => boolean {
  const shared = publicCoordinates(schema);
  const decided = new WeakMap<DocumentNode, Map<string, boolean>>();
  return (document, operationName) => {
    const byOperation = decided.get(document) ?? new Map<string, boolean>();
    decided.set(document, byOperation);
    const name = operationName ?? '';
    let cacheable = byOperation.get(name);
    if (cacheable === undefined) {
      cacheable = decide(schema, shared, operation, document, operationName);
      byOperation.set(name, cacheable);
    }
    return cacheable;
  };
}

function decide(
  schema: GraphQLSchema,
  shared: Set<string>,
  operation: 'query' | 'subscription',
  document: DocumentNode,
  operationName?: string | null,
): boolean {
  if (getOperationAST(document, operationName)?.operation !== operation) return false;
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  // Every field of the document, fragments included: a fragment the operation
  // does not spread costs a cached answer, never a wrong one.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !shared.has(`${parent.name}.${node.name.value}`)) {
          cacheable = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return cacheable;
}

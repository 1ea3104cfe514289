// Which documents the response cache may answer for every caller alike: those
// whose every field is public ETF data. Decided once per parsed document (Yoga
// caches parsed documents, so a chart asked again is the same object), from
// the selections alone: nothing here looks at a result.
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

/** Query fields whose answers are the same for every reader. */
const PUBLIC_ROOT_FIELDS = new Set(['etf', 'etfs', 'etfsByTicker', '__typename']);
/** Types that hold public ETF data only; a selection on any other type makes a document uncacheable. */
const PUBLIC_TYPE =
  /^(Query|Etf|EtfConnection|EtfEdge|PageInfo|PriceBar|PriceSeries|Indicators|IndicatorColumns|Performance|CorporateAction|Split|Dividend|\w+Point|\w+Columns?)$/;

/** The schema coordinates (`Type.field`) that may be shared between callers. */
function publicCoordinates(schema: GraphQLSchema): Set<string> {
  const shared = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !PUBLIC_TYPE.test(type.name)) continue;
    shared.add(`${type.name}.__typename`);
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' && !PUBLIC_ROOT_FIELDS.has(field.name)) continue;
      const scopes = (field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
      const readerOnly =
        scopes === undefined || (typeof scopes === 'object' && JSON.stringify(scopes) === '{"reader":true}');
      if (readerOnly) shared.add(`${type.name}.${field.name}`);
    }
  }
  return shared;
}

/** Whether a parsed document is a query whose every field may be shared; remembered per document. */
export function cacheableDocuments(
  schema: GraphQLSchema,
): (document: DocumentNode, operationName?: string | null) => boolean {
  const shared = publicCoordinates(schema);
  const decided = new WeakMap<DocumentNode, Map<string, boolean>>();
  return (document, operationName) => {
    const byOperation = decided.get(document) ?? new Map<string, boolean>();
    decided.set(document, byOperation);
    const name = operationName ?? '';
    let cacheable = byOperation.get(name);
    if (cacheable === undefined) {
      cacheable = decide(schema, shared, document, operationName);
      byOperation.set(name, cacheable);
    }
    return cacheable;
  };
}

function decide(
  schema: GraphQLSchema,
  shared: Set<string>,
  document: DocumentNode,
  operationName?: string | null,
): boolean {
  if (getOperationAST(document, operationName)?.operation !== 'query') return false;
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

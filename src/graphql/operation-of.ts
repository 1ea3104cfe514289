// What operation a request's document holds, known before Yoga parses it (the
// response cache looks up, and metrics label, that early). Dashboards send the
// same few documents, so each is parsed once here.
import { getOperationAST, parse } from 'graphql';

export type OperationOf = { kind: 'query' | 'mutation' | 'subscription' | null; name: string | null };

const MAX_KNOWN = 1000;
// By document, then by operation name: a lookup per request, no key built from the document.
const known = new Map<string, Map<string, OperationOf>>();
const UNKNOWN: OperationOf = { kind: null, name: null };

/** The operation `operationName` selects in `document`; kind null when it does not parse or select one. */
export function operationOf(document: string, operationName: string | null | undefined): OperationOf {
  let byName = known.get(document);
  if (byName === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    byName = new Map();
    known.set(document, byName);
  }
  const name = operationName ?? '';
  let operation = byName.get(name);
  if (operation === undefined) {
    try {
      const ast = getOperationAST(parse(document), operationName);
      operation = ast ? { kind: ast.operation, name: ast.name?.value ?? null } : UNKNOWN;
    } catch {
      operation = UNKNOWN; // not GraphQL: execution answers with the syntax error
    }
    // A document with many operations is named a bounded number of ways.
    if (byName.size >= 100) byName.clear();
    byName.set(name, operation);
  }
  return operation;
}

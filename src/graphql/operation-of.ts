// What operation a request's document holds, known before Yoga parses it (the
// response cache looks up, and metrics label, that early). Dashboards send the
// same few documents, so each is parsed once here.
import { getOperationAST, parse } from 'graphql';

export type OperationOf = { kind: 'query' | 'mutation' | 'subscription' | null; name: string | null };

const MAX_KNOWN = 1000;
const known = new Map<string, OperationOf>();
const UNKNOWN: OperationOf = { kind: null, name: null };

/** The operation `operationName` selects in `document`; kind null when it does not parse or select one. */
export function operationOf(document: string, operationName: string | null | undefined): OperationOf {
  const key = `${operationName ?? ''}\u0000${document}`;
  let operation = known.get(key);
  if (operation === undefined) {
    try {
      const ast = getOperationAST(parse(document), operationName);
      operation = ast ? { kind: ast.operation, name: ast.name?.value ?? null } : UNKNOWN;
    } catch {
      operation = UNKNOWN; // not GraphQL: execution answers with the syntax error
    }
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, operation);
  }
  return operation;
}

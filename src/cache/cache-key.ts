// The response cache's key for a request, built before the request is parsed
// (Yoga looks the cache up that early). The plugin's own key hashes a stable
// serialization of every variable, for every operation: for a loadPrices of
// 5,000 bars that was 8% of the server's time, to make a key no mutation ever
// uses. Only a query can be served from the cache, so anything else gets a key
// of its own that matches nothing, and a query's key is the plugin's formula.
import { randomUUID } from 'node:crypto';
import { hashSHA256 } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, parse } from 'graphql';

type KeyParams = {
  documentString: string;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
  sessionId?: string | null;
};

// Dashboards send the same few documents: their kind is parsed once.
const MAX_KNOWN = 1000;
const kinds = new Map<string, string | null>();

function operationKind(document: string, operationName: string | null | undefined): string | null {
  const key = `${operationName ?? ''}\u0000${document}`;
  let kind = kinds.get(key);
  if (kind === undefined) {
    try {
      kind = getOperationAST(parse(document), operationName)?.operation ?? null;
    } catch {
      kind = null; // not GraphQL: execution answers with the syntax error
    }
    if (kinds.size >= MAX_KNOWN) kinds.clear();
    kinds.set(key, kind);
  }
  return kind;
}

/** JSON with object keys sorted, so that the same variables give the same key in any order. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export function responseCacheKey(params: KeyParams): string | Promise<string> {
  if (operationKind(params.documentString, params.operationName) !== 'query') return `uncached:${randomUUID()}`;
  return hashSHA256(
    [
      params.documentString,
      params.operationName ?? '',
      stableJson(params.variableValues ?? {}),
      params.sessionId ?? '',
    ].join('|'),
  );
}

// The response cache's key for a request, built before the request is parsed
// (Yoga looks the cache up that early). The plugin's own key hashes a stable
// serialization of every variable, for every operation: for a loadPrices of
// 5,000 bars that was 8% of the server's time, to make a key no mutation ever
// uses. Only a query can be served from the cache, so anything else gets a key
// of its own that matches nothing; a query's key is a SHA-256 of its text,
// operation name and variables (node:crypto's, synchronous: no promise a lookup).
import { createHash, randomUUID } from 'node:crypto';
import { operationOf } from '../graphql/operation-of.js';

/** Starts the key of every operation the cache must not answer. */
export const UNCACHED_PREFIX = 'uncached:';

type KeyParams = {
  documentString: string;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
  sessionId?: string | null;
};

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

export function responseCacheKey(params: KeyParams): string {
  if (operationOf(params.documentString, params.operationName).kind !== 'query')
    return `${UNCACHED_PREFIX}${randomUUID()}`;
  return createHash('sha256')
    .update(params.documentString)
    .update('|')
    .update(params.operationName ?? '')
    .update('|')
    .update(stableJson(params.variableValues ?? {}))
    .update('|')
    .update(params.sessionId ?? '')
    .digest('base64url');
}

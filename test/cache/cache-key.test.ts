// The response cache's key (src/cache/cache-key.ts): equal for the same query,
// whatever the order of its variables' keys; different for anything a response
// depends on; and never shared by an operation the cache must not answer.
import { describe, expect, it } from 'vitest';
import { responseCacheKey } from '../../src/cache/cache-key.js';

const QUERY = 'query Chart($t: [String!]!, $o: Opts) { etfsByTicker(tickers: $t) { ticker } }';
const key = (params: Parameters<typeof responseCacheKey>[0]) => Promise.resolve(responseCacheKey(params));

describe('the response cache key', () => {
  it('is the same for the same query and variables in any key order', async () => {
    const a = await key({ documentString: QUERY, variableValues: { t: ['SPY'], o: { x: 1, y: [2, { b: 1, a: 2 }] } } });
    const b = await key({ documentString: QUERY, variableValues: { o: { y: [2, { a: 2, b: 1 }], x: 1 }, t: ['SPY'] } });
    expect(a).toBe(b);
  });

  it('differs with the variables, the operation name and the session', async () => {
    const base = { documentString: QUERY, variableValues: { t: ['SPY'] }, sessionId: 'reader' };
    const keys = await Promise.all([
      key(base),
      key({ ...base, variableValues: { t: ['QQQ'] } }),
      key({ ...base, variableValues: { t: ['SPY'], o: null } }),
      key({ ...base, operationName: 'Chart' }),
      key({ ...base, sessionId: 'other' }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives mutations, subscriptions and unparsable documents a key that matches nothing', async () => {
    for (const documentString of [
      'mutation { deleteEtf(ticker: "SPY") }',
      'subscription { pricesUpdated { ticker } }',
      'query A { etfs { totalCount } } mutation B { deleteEtf(ticker: "SPY") }',
      '{ etfs ',
    ]) {
      const operationName = documentString.includes('mutation B') ? 'B' : undefined;
      const first = await key({ documentString, operationName });
      expect(first, documentString).toMatch(/^uncached:/);
      expect(await key({ documentString, operationName })).not.toBe(first);
    }
  });
});

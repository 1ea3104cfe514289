// The limits a deployment sets: rate limits keyed by the proven caller, one
// GraphQL path, one body limit, introspection and public reads switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_CONTAINERS, MAX_JSON_CONTAINERS_READER } from '../../src/graphql/use-limits.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { TEN_TICKERS } from '../helpers/ten-etfs.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TEN_TICKERS) {
    await createEtfWithBars(t.db, ticker, '2020-01-01', '2024-12-31');
  }
});
afterAll(() => t.close());

describe('configurable limits', () => {
  it('rate-limits a caller with a retry-after hint, per key and per address', async () => {
    const limited = await createTestDatabase({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' } });
    try {
      const send = (headers: Record<string, string> = {}, address = '10.1.1.1') =>
        limited.app.fetch(
          'http://etfql.test/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: '{"query":"{ me { id } }"}',
          },
          { req: { socket: { remoteAddress: address } } },
        );
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await send();
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }],
      });
      // Another address, or a valid key, has a bucket of its own.
      expect((await send({}, '10.2.2.2')).status).toBe(200);
      expect((await send(bearer(ADMIN_KEY))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('keys buckets by the principal a credential proves, never by the header text', async () => {
    const limited = await createTestDatabase({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' } });
    try {
      const send = (authorization: string, address: string) =>
        limited.app.fetch(
          'http://etfql.test/graphql',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: '{"query":"{ etfs(first: 1) { edges { cursor } } }"}',
          },
          { req: { socket: { remoteAddress: address } } },
        );
      // Junk tokens count against the address they come from, not a bucket each.
      const junk = [];
      for (let i = 0; i < 5; i++) junk.push((await send(`Bearer junk-${i}`, '10.3.3.3')).status);
      expect(junk.slice(3)).toEqual([429, 429]);
      // One key spelled three ways is one caller, from any address.
      const spellings = [`Bearer ${ADMIN_KEY}`, `Bearer  ${ADMIN_KEY} `, `bearer ${ADMIN_KEY}`, `Bearer ${ADMIN_KEY}`];
      const statuses = [];
      for (const [i, header] of spellings.entries()) statuses.push((await send(header, `10.4.4.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('serves GraphQL on /graphql only: no other spelling skips the gate', async () => {
    for (const path of ['/graphql/', '//graphql', '/graphql//', '///graphql/']) {
      const response = await t.app.fetch(`http://etfql.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(response.status, path).toBe(404);
    }
  });

  it('has one body limit, MAX_BODY_BYTES: 26 MB (past a framework default of 25) is taken at 32 MiB', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(26_000_000)}` });
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...bearer(ADMIN_KEY) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('takes at most MAX_BODY_BYTES_ANONYMOUS (256 KiB) without credentials, and says what a key allows', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(300_000)}` });
    const post = (headers: Record<string, string>) =>
      t.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
        body,
      });
    const anonymous = await post({});
    expect(anonymous.status).toBe(413);
    const answer = await anonymous.json();
    expect(answer.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 256 * 1024 });
    expect(answer.errors[0].message).toContain('with an API key or a session');
    expect((await post(bearer(ADMIN_KEY))).status).toBe(200);
  });

  const viewerToken = async () => {
    await createUser(t.db, 'json-viewer@example.com');
    return signIn(t.app, 'json-viewer@example.com');
  };

  it('takes at most 10,000 JSON objects and arrays from a caller who may not load data', async () => {
    // 20,000 empty filters in 200 ors: far past what a screen takes, yet 80 KB.
    const tree = JSON.stringify({ or: Array.from({ length: 200 }, () => ({ or: Array(100).fill({}) })) });
    const body = `{"query":"query ($w: ScreenFilter!) { screen(where: $w) { edges { cursor } } }","variables":{"w":${tree}}}`;
    const post = (headers: Record<string, string>) =>
      t.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers },
        body,
      });
    for (const refused of [await post({}), await post(bearer(await viewerToken()))]) {
      expect(refused.status).toBe(413);
      expect((await refused.json()).errors[0].extensions).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        limit: MAX_JSON_CONTAINERS_READER,
      });
    }
    // An editor may send as many (loadPrices' bars are objects): the filter's own bound refuses this one.
    const admin = await (await post(bearer(ADMIN_KEY))).json();
    expect(admin.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('refuses a body of more JSON objects and arrays than any call needs, before parsing it', async () => {
    // 2.4 MB of empty filters: 600,000 objects, which parsing alone would build.
    const tree = JSON.stringify({ or: Array.from({ length: 600 }, () => ({ or: Array(999).fill({}) })) });
    const body = `{"query":"query ($w: ScreenFilter!) { screen(where: $w) { edges { cursor } } }","variables":{"w":${tree}}}`;
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...bearer(ADMIN_KEY) },
      body,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limit: MAX_JSON_CONTAINERS,
    });
  });

  it('refuses a body over MAX_BODY_BYTES before reading it', async () => {
    const small = await createTestDatabase({ env: { MAX_BODY_BYTES: '2048' } });
    try {
      const body = JSON.stringify({ query: `{ etf(ticker: "SPY") { ticker } } # ${'x'.repeat(4000)}` });
      const response = await small.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        body,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2048 } }],
      });
    } finally {
      await small.close();
    }
  });

  it('turns introspection off with INTROSPECTION=false', async () => {
    const closed = await createTestDatabase({ env: { INTROSPECTION: 'false' } });
    try {
      const result = await executeText(closed.app, '{ __schema { queryType { name } } }');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await closed.close();
    }
  });

  it('makes reads need a sign-in with PUBLIC_READ=false', async () => {
    const privateApp = await createTestDatabase({ env: { PUBLIC_READ: 'false' } });
    try {
      await createUser(privateApp.db, 'reader@example.com');
      const query = '{ etfsByTicker(tickers: ["SPY"]) { ticker } }';
      const anonymous = await executeText(privateApp.app, query);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const token = await signIn(privateApp.app, 'reader@example.com');
      expect((await executeText(privateApp.app, query, undefined, bearer(token))).data).toEqual({
        etfsByTicker: [null],
      });
    } finally {
      await privateApp.close();
    }
  });
});

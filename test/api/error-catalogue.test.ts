// Every code in the catalogue (src/error-catalogue.ts), provoked from a real
// HTTP server as `npm start` serves it, answers with that code and with the
// HTTP status the catalogue gives it. `provocations` holds one or more for
// each ErrorCode, so a code added to the catalogue without a request that
// provokes it does not compile; a request answered with another code, or a
// status the README does not say, fails here.
//
// The other direction, no code reaching a client that the catalogue lacks:
// the codes we send are ErrorCodes by type (a DomainError takes one, and only
// src/graphql/domain-errors.ts turns one into `extensions`: checked below);
// graphql-yoga's are checked by the answers here and by test/api/fuzz.test.ts,
// which holds every code of its random requests to the catalogue. Scraping
// sources for code-shaped strings, as the README test once did, found
// neither Yoga's codes nor an error sent with no code at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ERROR_CATALOGUE, type ErrorCode, isErrorCode } from '../../src/error-catalogue.js';
import { createHttpServer } from '../../src/http/http-server.js';
import { registry } from '../../src/metrics/metrics.js';
import { notifyPricesUpdated } from '../../src/prices/prices-updated-notice.js';
import { type App, createApp } from '../../src/yoga.js';
import { createUser } from '../helpers/accounts.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** Small limits, so that each is cheap to pass; rate limits that only the strict server has. */
const SMALL_LIMITS = {
  MAX_TICKERS: '3',
  MAX_BODY_BYTES: '1024',
  MAX_QUERY_COST_ANONYMOUS: '3000',
  MAX_RESPONSE_VALUES_ANONYMOUS: '2000',
  RATE_LIMIT_PER_SECOND: '100000',
  RATE_LIMIT_BURST: '100000',
};

let t: TestDatabase;
let broken: TestDatabase;
const servers: Server[] = [];
let base: string;
let strictBase: string;
let brokenBase: string;
let onlyAdminId: number;
/** A short backlog and room for large events: a reader that stops reading is dropped after a few hundred notices. */
let slowBase: string;

async function listen(app: App): Promise<string> {
  const server = createHttpServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['SPY', 'QQQ', 'IWM']) await createEtfWithBars(t.db, ticker, '2020-01-01', '2024-12-31');
  onlyAdminId = (await createUser(t.db, 'only-admin@example.com', 'ADMIN')).id;
  base = await listen(createApp({ db: t.db, config: loadConfig(SMALL_LIMITS) }));
  strictBase = await listen(
    createApp({ db: t.db, config: loadConfig({ RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '1' }) }),
  );
  // A database that lost a table: what any unexpected failure looks like to a client.
  broken = await createTestDatabase();
  await broken.db.prisma.etf.create({ data: { ticker: 'X', name: 'X' } });
  await broken.db.pool.query('DROP TABLE daily_price CASCADE');
  brokenBase = await listen(broken.app);
  slowBase = await listen(
    createApp({
      db: t.db,
      config: loadConfig({ SUBSCRIPTION_BACKLOG: '5', MAX_ALIASES: '1000', MAX_TOKENS: '100000' }),
    }),
  );
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await t?.close();
  await broken?.close();
});

const JSON_TYPE = { 'content-type': 'application/json' };

const post = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}, at = base) =>
  fetch(`${at}/graphql`, {
    method: 'POST',
    headers: { ...JSON_TYPE, ...headers },
    body: JSON.stringify({ query, variables }),
  });

/**
 * A request that gets the code; `status` when it is not the one the catalogue
 * gives (200 without one); `stream` when the code comes as the last event of
 * a subscription's stream.
 */
type Provocation = { name: string; send: () => Promise<Response>; status?: number; stream?: true };

const PRICES_UPDATED = 'subscription { pricesUpdated { ticker } }';

/** Opens `count` subscriptions from this address and holds them while `during` runs. */
async function holdingSubscriptions(count: number, during: () => Promise<Response>): Promise<Response> {
  const held = Array.from({ length: count }, () => new AbortController());
  try {
    await Promise.all(
      held.map((client) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          signal: client.signal,
          headers: { ...JSON_TYPE, accept: 'text/event-stream' },
          body: JSON.stringify({ query: PRICES_UPDATED }),
        }),
      ),
    );
    return await during();
  } finally {
    for (const client of held) client.abort();
  }
}

const droppedSoFar = async () =>
  (await registry.getSingleMetric('etfql_subscriptions_dropped_total')?.get())?.values[0]?.value ?? 0;

/** A subscriber that reads nothing while 400 notices of some 20 KB each go out, then reads what it was sent. */
async function stalledSubscriber(): Promise<Response> {
  const large = `subscription { pricesUpdated { ${Array.from({ length: 1000 }, (_, i) => `a${i}: from`).join(' ')} } }`;
  const response = await fetch(`${slowBase}/graphql?${new URLSearchParams({ query: large })}`, {
    headers: { accept: 'text/event-stream' },
  });
  const dropped = await droppedSoFar();
  const client = await t.db.pool.connect();
  try {
    const updates = Array.from({ length: 400 }, (_, i) => ({
      ticker: `S${i}`,
      from: '2024-01-02' as const,
      to: '2024-01-02' as const,
    }));
    await notifyPricesUpdated(client, updates);
  } finally {
    client.release();
  }
  for (let i = 0; i < 500 && (await droppedSoFar()) === dropped; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return response;
}

const provocations: Record<ErrorCode, [Provocation, ...Provocation[]]> = {
  GRAPHQL_PARSE_FAILED: [{ name: 'not GraphQL', send: () => post('{ etf(') }],
  GRAPHQL_VALIDATION_FAILED: [{ name: 'a field the schema lacks', send: () => post('{ nope }') }],
  BAD_REQUEST: [
    {
      name: 'a body that is not JSON',
      send: () => fetch(`${base}/graphql`, { method: 'POST', headers: JSON_TYPE, body: '{' }),
    },
    {
      name: 'a query that is not a string',
      send: () => fetch(`${base}/graphql`, { method: 'POST', headers: JSON_TYPE, body: '{"query":5}' }),
    },
    {
      name: 'a PUT',
      send: () => fetch(`${base}/graphql`, { method: 'PUT', headers: JSON_TYPE, body: '{}' }),
      status: 405,
    },
  ],
  OPERATION_RESOLUTION_FAILURE: [
    { name: 'two operations, none named', send: () => post('query A { __typename } query B { __typename }') },
  ],
  BAD_USER_INPUT: [
    {
      name: 'a NUL in a variable',
      send: () => post('query($t: String!) { etf(ticker: $t) { ticker } }', { t: 'a\0' }),
    },
    {
      name: 'a variable that does not coerce',
      send: () => post('query($n: Int) { etfs(first: $n) { totalCount } }', { n: 'x' }),
      status: 400,
    },
    { name: 'a value the domain refuses', send: () => post('{ etf(ticker: "SPY") { prices(last: 0) { close } } }') },
  ],
  ONE_MUTATION_PER_REQUEST: [
    {
      name: 'two mutation fields',
      send: () =>
        post('mutation { a: revokeApiKey(id: 1) { id } b: revokeApiKey(id: 2) { id } }', {}, bearer(ADMIN_KEY)),
    },
  ],
  UNSUPPORTED_MEDIA_TYPE: [
    {
      name: 'a form post',
      send: () =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'query=%7B__typename%7D',
        }),
    },
  ],
  LENGTH_REQUIRED: [
    {
      name: 'a streamed body',
      send: () =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: JSON_TYPE,
          body: new Blob([JSON.stringify({ query: '{ __typename }' })]).stream(),
          duplex: 'half',
        } as RequestInit),
    },
  ],
  UNAUTHENTICATED: [{ name: 'an admin field without a credential', send: () => post('{ apiKeys { id } }') }],
  FORBIDDEN: [
    {
      name: 'signUp while ALLOW_SIGNUP is off',
      send: () => post('mutation { signUp(email: "a@example.com", name: "A", password: "a long password") { token } }'),
    },
  ],
  LAST_ACTIVE_ADMIN: [
    {
      name: 'demoting the one active admin account',
      send: () =>
        post(
          'mutation($id: Int!) { setUserRole(id: $id, role: VIEWER) { role } }',
          { id: onlyAdminId },
          bearer(ADMIN_KEY),
        ),
    },
  ],
  NOT_FOUND: [
    {
      name: 'an unknown id, in the result',
      send: () => post('mutation { revokeApiKey(id: 999999) { id } }', {}, bearer(ADMIN_KEY)),
      status: 200,
    },
    {
      name: 'a path that would serve GraphQL',
      send: () => fetch(`${base}/graphql/`, { method: 'POST', headers: JSON_TYPE, body: '{}' }),
    },
  ],
  QUERY_TOO_LARGE: [
    {
      name: 'more tickers than MAX_TICKERS',
      send: () => post('{ etfsByTicker(tickers: ["A", "B", "C", "D"]) { ticker } }'),
    },
    {
      name: 'deeper than MAX_QUERY_DEPTH',
      send: () =>
        post(`{ etf(ticker: "SPY") { ${'node(id: "x") { ... on Etf { '.repeat(12)}ticker${' } }'.repeat(12)} } }`),
    },
    {
      name: 'more aliases than MAX_ALIASES',
      send: () => post(`{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { id }`).join(' ')} }`),
    },
    { name: 'more than 20 directives', send: () => post(`{ __typename ${'@include(if: true) '.repeat(21)}}`) },
  ],
  QUERY_TOO_COSTLY: [
    {
      name: 'an estimate over the limit',
      send: () => post('{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 5000) { close } } }'),
    },
    {
      name: 'histories read on demand over the limit',
      send: () =>
        post('{ etfsByTicker(tickers: ["SPY", "QQQ", "IWM"]) { indicators(last: 10) { wma(period: 3) { value } } } }'),
    },
  ],
  RESPONSE_TOO_LARGE: [
    {
      name: 'more values than the ceiling',
      send: () => post('{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 600) { date close } } }'),
    },
  ],
  RATE_LIMITED: [
    {
      name: 'a second request within the second',
      send: async () => {
        await (await post('{ __typename }', {}, {}, strictBase)).text();
        return post('{ __typename }', {}, {}, strictBase);
      },
    },
  ],
  TOO_MANY_SUBSCRIPTIONS: [
    {
      name: 'a sixth subscription from one address',
      send: () => holdingSubscriptions(5, () => post(PRICES_UPDATED)),
    },
  ],
  SUBSCRIBER_TOO_SLOW: [{ name: 'a subscriber that stops reading', send: stalledSubscriber, stream: true }],
  PAYLOAD_TOO_LARGE: [{ name: 'a body over MAX_BODY_BYTES', send: () => post(`{ __typename } # ${'x'.repeat(2000)}`) }],
  INTERNAL_SERVER_ERROR: [
    {
      name: 'a table gone',
      send: () => post('{ etf(ticker: "X") { prices(last: 1) { close } } }', {}, {}, brokenBase),
    },
  ],
};

/** The data of the last `next` event of a stream of server-sent events. */
function lastEvent(stream: string): unknown {
  const events = stream.split('\n\n').filter((event) => event.startsWith('event: next\n'));
  return JSON.parse(events.at(-1)?.split('\n')[1]?.slice('data: '.length) ?? 'null');
}

describe('every code in the catalogue, from a running server', () => {
  const cases = Object.entries(provocations).flatMap(([code, list]) =>
    list.map((provocation) => [code as ErrorCode, provocation.name, provocation] as const),
  );

  it.each(cases)('%s: %s', async (code, _name, provocation) => {
    const response = await provocation.send();
    const entry = ERROR_CATALOGUE[code];
    expect(response.status).toBe(provocation.status ?? ('status' in entry ? entry.status : 200));
    expect(response.headers.get('content-type')).toMatch(
      provocation.stream ? /^text\/event-stream/ : /^application\/json/,
    );
    const body = (provocation.stream ? lastEvent(await response.text()) : await response.json()) as {
      errors?: { extensions?: { code?: unknown } }[];
    };
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    expect(codes[0]).toBe(code);
    expect(codes.filter((other) => !isErrorCode(other))).toEqual([]);
  });
});

it('keeps the bodies of the refusals before GraphQL runs as clients know them', async () => {
  const notJson = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{}',
  });
  expect(await notJson.text()).toBe(
    '{"errors":[{"message":"POST requests must have Content-Type: application/json.","extensions":{"code":"UNSUPPORTED_MEDIA_TYPE"}}]}',
  );
  const alias = await fetch(`${base}/graphql/`);
  expect(await alias.text()).toBe(
    '{"errors":[{"message":"GraphQL is served at /graphql only.","extensions":{"code":"NOT_FOUND"}}]}',
  );
  const query = `{ __typename } # ${'x'.repeat(2000)}`;
  const tooLarge = await post(query);
  expect(await tooLarge.json()).toEqual({
    errors: [
      {
        message: `The request body is ${JSON.stringify({ query }).length} bytes; the limit is 1024.`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1024 },
      },
    ],
  });
  const streamed = await provocations.LENGTH_REQUIRED[0].send();
  expect(await streamed.text()).toBe(
    '{"errors":[{"message":"Send a Content-Length header with the request body.","extensions":{"code":"LENGTH_REQUIRED"}}]}',
  );
});

/** The modules of src, but for generated code. */
function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'generated' || name === 'gql' ? [] : modules(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

it('makes GraphQL errors in one module, so every code we send is an ErrorCode', () => {
  const makers = modules('src').filter((file) =>
    /new GraphQLError\(|createGraphQLError\(/.test(readFileSync(file, 'utf8')),
  );
  expect(makers).toEqual([path.join('src', 'graphql', 'domain-errors.ts')]);
});

// Write access is exactly as granted: every mutation, tried anonymously and with
// a role too weak for it, is refused with the right code and changes nothing.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { schema } from '../../src/schema/index.js';
import { createApp } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { createUser, PASSWORD, signIn } from '../helpers/accounts.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, execute, executeOk } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const tokens: Record<string, string> = {};
let viewerId = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'SPY');
  for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) {
    const user = await createUser(t.db, `${role.toLowerCase()}@example.com`, role);
    if (role === 'VIEWER') viewerId = user.id;
    tokens[role] = await signIn(t.app, `${role.toLowerCase()}@example.com`);
  }
});
afterAll(() => t.close());

async function snapshotAll() {
  const tables = [
    'etf',
    'daily_price',
    'daily_indicator',
    'corporate_action',
    'app_user',
    'api_key',
    'watchlist_entry',
  ];
  const rows = await Promise.all(
    tables.map((table) =>
      t.db.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2`).then((result) =>
        // A key's lastUsedAt records the attempt itself; it is not data a refused call may change.
        result.rows.map(({ last_used_at: _lastUsed, ...row }) => row),
      ),
    ),
  );
  return Object.fromEntries(tables.map((table, i) => [table, rows[i]]));
}

const AuthPermissionsUpsertEtf = graphql(`
  mutation AuthPermissionsUpsertEtf { upsertEtf(input: { ticker: "NEW", name: "New" }) { ticker } }
`);
const AuthPermissionsLoadPrices = graphql(`
  mutation AuthPermissionsLoadPrices {
    loadPrices(ticker: "SPY", bars: [{ date: "2024-01-02", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted }
  }
`);
const AuthPermissionsCreateUser = graphql(`
  mutation AuthPermissionsCreateUser {
    createUser(input: { email: "x@example.com", name: "X", password: "a-long-enough-password" }) { id }
  }
`);
const AuthPermissionsSetUserRole = graphql(`
  mutation AuthPermissionsSetUserRole($id: Int!) { setUserRole(id: $id, role: ADMIN) { role } }
`);
const AuthPermissionsDeactivateUser = graphql(`
  mutation AuthPermissionsDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }
`);
const AuthPermissionsReactivateUser = graphql(`
  mutation AuthPermissionsReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }
`);
const AuthPermissionsCreateApiKey = graphql(`
  mutation AuthPermissionsCreateApiKey { createApiKey(name: "k", role: ADMIN) { secret } }
`);
const AuthPermissionsRevokeApiKey = graphql(`
  mutation AuthPermissionsRevokeApiKey { revokeApiKey(id: 1) { id } }
`);
const AuthPermissionsUpsertEtfs = graphql(`
  mutation AuthPermissionsUpsertEtfs { upsertEtfs(inputs: [{ ticker: "NEW", name: "New" }]) { ticker } }
`);
const AuthPermissionsDeleteEtf = graphql(`
  mutation AuthPermissionsDeleteEtf { deleteEtf(ticker: "SPY") { ticker } }
`);
const AuthPermissionsDeletePrices = graphql(`
  mutation AuthPermissionsDeletePrices { deletePrices(ticker: "SPY", from: "2024-01-01", to: "2024-12-31") { deleted } }
`);
const AuthPermissionsRecordSplit = graphql(`
  mutation AuthPermissionsRecordSplit { recordSplit(ticker: "SPY", date: "2024-06-03", ratio: 2) { ratio } }
`);
const AuthPermissionsRecordDividend = graphql(`
  mutation AuthPermissionsRecordDividend { recordDividend(ticker: "SPY", exDate: "2024-06-03", amount: 1) { amount } }
`);
const AuthPermissionsDeleteSplit = graphql(`
  mutation AuthPermissionsDeleteSplit { deleteSplit(ticker: "SPY", date: "2024-06-03") }
`);
const AuthPermissionsDeleteDividend = graphql(`
  mutation AuthPermissionsDeleteDividend { deleteDividend(ticker: "SPY", exDate: "2024-06-03") }
`);

const AuthPermissionsCreateAlert = graphql(`
  mutation AuthPermissionsCreateAlert { createAlert(input: { name: "a", when: { metric: CLOSE, gt: 1 } }) { alert { id } } }
`);
const AuthPermissionsUpdateAlert = graphql(`
  mutation AuthPermissionsUpdateAlert { updateAlert(input: { id: "1", name: "b" }) { alert { id } } }
`);
const AuthPermissionsDeleteAlert = graphql(`
  mutation AuthPermissionsDeleteAlert { deleteAlert(id: "1") }
`);

type Headers = Record<string, string>;

// Each mutation with the weakest role that may run it.
const MUTATIONS: Array<[string, 'VIEWER' | 'EDITOR' | 'ADMIN', (headers?: Headers) => ReturnType<typeof execute>]> = [
  ['upsertEtf', 'EDITOR', (headers) => execute(t.app, AuthPermissionsUpsertEtf, {}, headers)],
  ['loadPrices', 'EDITOR', (headers) => execute(t.app, AuthPermissionsLoadPrices, {}, headers)],
  ['createUser', 'ADMIN', (headers) => execute(t.app, AuthPermissionsCreateUser, {}, headers)],
  ['setUserRole', 'ADMIN', (headers) => execute(t.app, AuthPermissionsSetUserRole, { id: viewerId }, headers)],
  ['deactivateUser', 'ADMIN', (headers) => execute(t.app, AuthPermissionsDeactivateUser, { id: viewerId }, headers)],
  ['reactivateUser', 'ADMIN', (headers) => execute(t.app, AuthPermissionsReactivateUser, { id: viewerId }, headers)],
  ['createApiKey', 'ADMIN', (headers) => execute(t.app, AuthPermissionsCreateApiKey, {}, headers)],
  ['revokeApiKey', 'ADMIN', (headers) => execute(t.app, AuthPermissionsRevokeApiKey, {}, headers)],
  ['upsertEtfs', 'EDITOR', (headers) => execute(t.app, AuthPermissionsUpsertEtfs, {}, headers)],
  ['deleteEtf', 'EDITOR', (headers) => execute(t.app, AuthPermissionsDeleteEtf, {}, headers)],
  ['deletePrices', 'EDITOR', (headers) => execute(t.app, AuthPermissionsDeletePrices, {}, headers)],
  ['recordSplit', 'EDITOR', (headers) => execute(t.app, AuthPermissionsRecordSplit, {}, headers)],
  ['recordDividend', 'EDITOR', (headers) => execute(t.app, AuthPermissionsRecordDividend, {}, headers)],
  ['deleteSplit', 'EDITOR', (headers) => execute(t.app, AuthPermissionsDeleteSplit, {}, headers)],
  ['deleteDividend', 'EDITOR', (headers) => execute(t.app, AuthPermissionsDeleteDividend, {}, headers)],
  // Any credential may own alerts: only the anonymous are refused (owners: test/alerts/alerts-api.test.ts).
  ['createAlert', 'VIEWER', (headers) => execute(t.app, AuthPermissionsCreateAlert, {}, headers)],
  ['updateAlert', 'VIEWER', (headers) => execute(t.app, AuthPermissionsUpdateAlert, {}, headers)],
  ['deleteAlert', 'VIEWER', (headers) => execute(t.app, AuthPermissionsDeleteAlert, {}, headers)],
];

// Mutations open to everyone (they are how one signs in) or to any signed-in user.
const OPEN = ['login', 'signUp', 'follow', 'unfollow'];

it('covers every mutation of the schema', () => {
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  expect(mutations.filter((name) => !OPEN.includes(name) && !MUTATIONS.some(([listed]) => listed === name))).toEqual(
    [],
  );
});
const RANK = { VIEWER: 0, EDITOR: 1, ADMIN: 2 } as const;

describe.each(MUTATIONS)('%s', (_name, needed, mutation) => {
  it('is refused anonymously with UNAUTHENTICATED, changing nothing', async () => {
    const before = await snapshotAll();
    const result = await mutation();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshotAll()).toEqual(before);
  });

  it('is refused with every weaker role with FORBIDDEN, changing nothing', async () => {
    for (const role of (['VIEWER', 'EDITOR'] as const).filter((r) => RANK[r] < RANK[needed])) {
      const before = await snapshotAll();
      const result = await mutation(bearer(tokens[role] as string));
      expect(result.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(await snapshotAll()).toEqual(before);
    }
  });
});

const AuthPermissionsFollow = graphql(`
  mutation AuthPermissionsFollow { follow(ticker: "SPY") { followedAt } }
`);
const AuthPermissionsUnfollow = graphql(`
  mutation AuthPermissionsUnfollow { unfollow(ticker: "SPY") }
`);

describe('watchlist mutations', () => {
  it.each(['follow', 'unfollow'])('%s needs a signed-in user: refused anonymously and for API keys', async (name) => {
    const before = await snapshotAll();
    const mutation = (headers?: Headers) =>
      name === 'follow'
        ? execute(t.app, AuthPermissionsFollow, {}, headers)
        : execute(t.app, AuthPermissionsUnfollow, {}, headers);
    expect((await mutation()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await mutation(bearer(ADMIN_KEY))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotAll()).toEqual(before);
  });
});

const AuthPermissionsCreateNightlyKey = graphql(`
  mutation AuthPermissionsCreateNightlyKey {
    createApiKey(name: "nightly loader", role: EDITOR) { secret apiKey { id name prefix role lastUsedAt } }
  }
`);
const AuthPermissionsLoadNoBars = graphql(`
  mutation AuthPermissionsLoadNoBars { loadPrices(ticker: "SPY", bars: []) { inserted } }
`);
const AuthPermissionsRevokeKey = graphql(`
  mutation AuthPermissionsRevokeKey($id: Int!) { revokeApiKey(id: $id) { revokedAt } }
`);
const AuthPermissionsCreateTwiceKey = graphql(`
  mutation AuthPermissionsCreateTwiceKey { createApiKey(name: "twice", role: VIEWER) { apiKey { id } } }
`);
const AuthPermissionsCreateExpiringKey = graphql(`
  mutation AuthPermissionsCreateExpiringKey($e: DateTime) { createApiKey(name: "k", role: VIEWER, expiresAt: $e) { secret } }
`);
const AuthPermissionsThreeMutations = graphql(`
  mutation AuthPermissionsThreeMutations {
    first: createApiKey(name: "first of three", role: VIEWER) { secret }
    broken: createApiKey(name: "broken", role: VIEWER, expiresAt: "2001-01-01T00:00:00Z") { secret }
    last: createApiKey(name: "last of three", role: VIEWER) { secret }
  }
`);
// The same through fragments: the count is of what would run.
const AuthPermissionsTwoMutationsInFragments = graphql(`
  mutation AuthPermissionsTwoMutationsInFragments {
    ...AuthPermissionsMutationA
    ... on Mutation { b: createApiKey(name: "b", role: VIEWER) { secret } }
  }
  fragment AuthPermissionsMutationA on Mutation { a: createApiKey(name: "a", role: VIEWER) { secret } __typename }
`);
const AuthPermissionsOneMutation = graphql(`
  mutation AuthPermissionsOneMutation { __typename createApiKey(name: "alone", role: VIEWER) { secret } }
`);

describe('API keys', () => {
  it('shows the secret once, lists keys without it, works until revoked', async () => {
    const created = await executeOk(t.app, AuthPermissionsCreateNightlyKey, {}, bearer(tokens.ADMIN as string));
    const { secret, apiKey } = created.createApiKey;
    expect(secret).toMatch(/^etfql_[\w-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'nightly loader', role: 'EDITOR', lastUsedAt: null });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const stored = await t.db.pool.query('SELECT hash FROM api_key WHERE id = $1', [apiKey.id]);
    expect(stored.rows[0].hash).not.toContain(secret.slice(6));

    const load = () => execute(t.app, AuthPermissionsLoadNoBars, {}, bearer(secret));
    expect((await load()).data).toEqual({ loadPrices: { inserted: 0 } });

    const listed = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(tokens.ADMIN as string) },
      body: JSON.stringify({ query: '{ apiKeys { id name prefix role createdAt lastUsedAt revokedAt } }' }),
    });
    const text = await listed.text();
    expect(text).not.toContain(secret);
    expect(apiKey.prefix).toHaveLength(10);
    // The ADMIN_API_KEY, chosen by a person, shows nothing of itself.
    const keys = JSON.parse(text).data.apiKeys as { name: string; prefix: string }[];
    const admin = keys.find((key) => key.name === 'ADMIN_API_KEY');
    expect(admin?.prefix).toMatch(/^#[0-9a-f]{9}$/);
    expect(ADMIN_KEY).not.toContain((admin?.prefix ?? '#').slice(1, 5));
    expect(JSON.parse(text).data.apiKeys[0]).toMatchObject({ name: 'nightly loader', lastUsedAt: expect.any(String) });

    await execute(t.app, AuthPermissionsRevokeKey, { id: apiKey.id }, bearer(tokens.ADMIN as string));
    const refused = await load();
    expect(refused.errors?.[0]?.message).toBe('The API key is revoked.');
  });

  it('revokes in one statement; a second revocation keeps the first time; an unknown id is NOT_FOUND', async () => {
    const admin = bearer(tokens.ADMIN as string);
    const created = await executeOk(t.app, AuthPermissionsCreateTwiceKey, {}, admin);
    const { id } = created.createApiKey.apiKey;
    const revoke = () => execute(t.app, AuthPermissionsRevokeKey, { id }, admin);
    t.statements.length = 0;
    const first = await revoke();
    expect(t.statements.filter((text) => /"api_key"/.test(text) && /^\s*(UPDATE|SELECT)/.test(text))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await revoke();
    expect(second.data).toEqual(first.data);
    const unknown = await execute(t.app, AuthPermissionsRevokeKey, { id: 999999 }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an expiry in the past or malformed', async () => {
    const before = await t.db.pool.query('SELECT count(*)::int AS n FROM api_key');
    for (const [expiresAt, message] of [
      ['2001-01-01T00:00:00Z', 'expiresAt: is in the past'],
      // DateTime is RFC 3339, strictly: no free text, no 30 February rolled into March.
      ['next tuesday', 'DateTime cannot represent an invalid date-time-string'],
      ['2027-02-30T00:00:00Z', 'DateTime cannot represent an invalid date-time-string'],
    ]) {
      const result = await execute(
        t.app,
        AuthPermissionsCreateExpiringKey,
        { e: expiresAt },
        bearer(tokens.ADMIN as string),
      );
      expect(result.errors?.[0]?.message).toContain(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM api_key')).rows).toEqual(before.rows);
  });

  it('refuses a mutation document with several fields before any of them commits', async () => {
    const before = await t.db.pool.query('SELECT count(*)::int AS n FROM api_key');
    const several = [
      () => execute(t.app, AuthPermissionsThreeMutations, {}, bearer(tokens.ADMIN as string)),
      () => execute(t.app, AuthPermissionsTwoMutationsInFragments, {}, bearer(tokens.ADMIN as string)),
    ];
    for (const send of several) {
      const result = await send();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('ONE_MUTATION_PER_REQUEST');
      expect(result.errors?.[0]?.message).toMatch(/one mutation field; this one has (3|2)/);
    }
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM api_key')).rows).toEqual(before.rows);

    // One field (with __typename beside it) runs as before.
    const one = await execute(t.app, AuthPermissionsOneMutation, {}, bearer(tokens.ADMIN as string));
    expect(one.errors).toBeUndefined();
  });
});

const AuthPermissionsLogin = graphql(`
  mutation AuthPermissionsLogin($p: String!) { login(email: "viewer@example.com", password: $p) { token } }
`);
// The password in the document itself, not in the variables.
const AuthPermissionsLoginLiteral = graphql(`
  mutation AuthPermissionsLoginLiteral { login(email: "viewer@example.com", password: "wrong-but-secret-words") { token } }
`);
const AuthPermissionsCreateLogKey = graphql(`
  mutation AuthPermissionsCreateLogKey { createApiKey(name: "x", role: VIEWER) { secret } }
`);
const AuthPermissionsEtf = graphql(`
  query AuthPermissionsEtf { etf(ticker: "SPY") { ticker } }
`);
const AuthPermissionsUpsertEmptyEtf = graphql(`
  mutation AuthPermissionsUpsertEmptyEtf { upsertEtf(input: { ticker: "", name: "" }) { id } }
`);

it('never writes passwords or key secrets to the logs', async () => {
  let logged = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const app = createApp({
    db: t.db,
    config: loadConfig({ LOG_LEVEL: 'debug' }),
    logger: pino({ level: 'debug' }, sink),
  });
  await execute(app, AuthPermissionsLogin, { p: PASSWORD });
  await execute(app, AuthPermissionsLoginLiteral);
  const created = await executeOk(app, AuthPermissionsCreateLogKey, {}, bearer(ADMIN_KEY));
  const secret = created.createApiKey.secret;
  await execute(app, AuthPermissionsEtf, {}, bearer(secret));
  await execute(app, AuthPermissionsUpsertEmptyEtf, {}, bearer(secret));
  expect(logged.length).toBeGreaterThan(0);
  for (const value of [PASSWORD, 'wrong-but-secret-words', secret, ADMIN_KEY, 'argon2id'])
    expect(logged).not.toContain(value);
});

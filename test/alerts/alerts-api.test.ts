// The alerts API: an alert is its owner's (a signed-in user or an API key),
// seen and changed by them and by admins alone; every input problem is
// refused with its path and nothing written; webhook URLs that reach
// loopback, private, link-local or metadata addresses are refused; the secret
// is shown once; an owner's alerts are bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let alice: Record<string, string>;
let bob: Record<string, string>;
let viewerKey: Record<string, string>;
const admin = bearer(ADMIN_KEY);

const CREATE = `mutation($input: CreateAlertInput!) {
  createAlert(input: $input) { secret alert { id name when tickers webhookUrl fireOnBackfill } }
}`;
const LIST = '{ alerts { id name tickers } }';

const run = (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string> = {}) =>
  executeText(t.app, query, variables, headers);
const alertCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM alert')).rows[0]?.n;

beforeAll(async () => {
  t = await createTestDatabase({ env: { ALERTS_PER_OWNER: '3' } });
  await createEtf(t.db, 'SPY');
  await createEtf(t.db, 'QQQ');
  await createUser(t.db, 'alice@example.com');
  await createUser(t.db, 'bob@example.com');
  alice = bearer(await signIn(t.app, 'alice@example.com'));
  bob = bearer(await signIn(t.app, 'bob@example.com'));
  const key = await run('mutation { createApiKey(name: "script", role: VIEWER) { secret } }', undefined, admin);
  viewerKey = bearer((key.data?.createApiKey as { secret: string } | undefined)?.secret ?? '');
}, 60_000);
afterAll(() => t.close());

describe('owners', () => {
  let aliceAlert: string;

  it('needs a user or a key', async () => {
    const anonymous = await run(CREATE, { input: { name: 'x', when: { metric: 'CLOSE', gt: 1 } } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run(LIST, undefined)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives the alert to its maker: a user, or an API key of any role', async () => {
    const made = await run(
      CREATE,
      { input: { name: 'SPY over 700', when: { metric: 'CLOSE', gt: 700 }, tickers: ['spy'] } },
      alice,
    );
    expect(made.errors).toBeUndefined();
    const alert = (made.data as Record<string, unknown>).createAlert as {
      alert: { id: string; tickers: string[]; when: unknown; webhookUrl: null };
      secret: null;
    };
    expect(alert.alert).toMatchObject({ tickers: ['SPY'], when: { metric: 'CLOSE', gt: 700 }, webhookUrl: null });
    expect(alert.secret).toBeNull();
    aliceAlert = alert.alert.id;
    const byKey = await run(CREATE, { input: { name: 'any ETF', when: { metric: 'RSI_14', lt: 30 } } }, viewerKey);
    expect(byKey.errors).toBeUndefined();
    expect((await run(LIST, undefined, viewerKey)).data?.alerts).toEqual([
      {
        id: (byKey.data?.createAlert as { alert: { id: string } } | undefined)?.alert.id,
        name: 'any ETF',
        tickers: null,
      },
    ]);
  });

  it('hides it from others, who can neither change nor delete it; admins can', async () => {
    expect((await run(LIST, undefined, bob)).data?.alerts).toEqual([]);
    const change = await run(
      'mutation($id: ID!) { updateAlert(input: { id: $id, name: "mine now" }) { alert { name } } }',
      { id: aliceAlert },
      bob,
    );
    expect(change.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await run('mutation($id: ID!) { deleteAlert(id: $id) }', { id: aliceAlert }, bob);
    expect(remove.data?.deleteAlert).toBe(false);
    expect((await run('{ alerts(all: true) { id } }', undefined, bob)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const all = await run('{ alerts(all: true) { id } }', undefined, admin);
    expect((all.data?.alerts as unknown[] | undefined)?.length).toBe(2);
    const renamed = await run(
      'mutation($id: ID!) { updateAlert(input: { id: $id, name: "renamed" }) { alert { name } } }',
      { id: aliceAlert },
      admin,
    );
    expect(renamed.data?.updateAlert).toEqual({ alert: { name: 'renamed' } });
    expect((await run(LIST, undefined, alice)).data?.alerts).toEqual([
      { id: aliceAlert, name: 'renamed', tickers: ['SPY'] },
    ]);
  });

  it('lets the owner watch every ETF again and delete it', async () => {
    const all = await run(
      'mutation($id: ID!) { updateAlert(input: { id: $id, tickers: null }) { alert { tickers } } }',
      { id: aliceAlert },
      alice,
    );
    expect(all.data?.updateAlert).toEqual({ alert: { tickers: null } });
    expect(
      (await run('mutation($id: ID!) { deleteAlert(id: $id) }', { id: aliceAlert }, alice)).data?.deleteAlert,
    ).toBe(true);
    expect((await run(LIST, undefined, alice)).data?.alerts).toEqual([]);
  });

  it('bounds the alerts of one owner (ALERTS_PER_OWNER)', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await run(CREATE, { input: { name: `n${i}`, when: { metric: 'CLOSE', gt: i } } }, bob)).errors,
      ).toBeUndefined();
    }
    const before = await alertCount();
    const over = await run(CREATE, { input: { name: 'one more', when: { metric: 'CLOSE', gt: 1 } } }, bob);
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await alertCount()).toBe(before);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty name', { name: '  ', when: { metric: 'CLOSE', gt: 1 } }, 'input.name'],
    ['an unknown ticker', { name: 'x', when: { metric: 'CLOSE', gt: 1 }, tickers: ['NOPE'] }, 'input.tickers'],
    ['an empty ticker list', { name: 'x', when: { metric: 'CLOSE', gt: 1 }, tickers: [] }, 'input.tickers'],
    ['an empty and', { name: 'x', when: { and: [] } }, 'input.when.and'],
    [
      'a condition nested too deep',
      { name: 'x', when: { not: { not: { not: { not: { not: { metric: 'CLOSE', gt: 1 } } } } } } },
      'input.when.not.not.not.not.not',
    ],
    ['a name too long', { name: 'x'.repeat(201), when: { metric: 'CLOSE', gt: 1 } }, 'input.name'],
    [
      'an FTP URL',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'ftp://example.com/hook' },
      'input.webhookUrl',
    ],
    [
      'a URL with a password',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'https://u:p@example.com/' },
      'input.webhookUrl',
    ],
    [
      'a loopback URL',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://127.0.0.1:9000/hook' },
      'input.webhookUrl',
    ],
    [
      'localhost',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://localhost/hook' },
      'input.webhookUrl',
    ],
    [
      'a private address',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://10.1.2.3/hook' },
      'input.webhookUrl',
    ],
    [
      'the metadata address',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://169.254.169.254/latest/meta-data' },
      'input.webhookUrl',
    ],
    [
      'IPv6 loopback',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://[::1]/hook' },
      'input.webhookUrl',
    ],
    [
      'an IPv4-mapped private address',
      { name: 'x', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://[::ffff:192.168.1.1]/' },
      'input.webhookUrl',
    ],
  ];
  it.each(cases)('refuses %s, with its path, writing nothing', async (_name, input, path) => {
    const before = await alertCount();
    const result = await run(CREATE, { input }, alice);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = result.errors?.[0]?.extensions?.problems as { path: string }[];
    expect(problems.map((p) => p.path)).toContain(path);
    expect(await alertCount()).toBe(before);
  });

  it('refuses a condition of too many filters and a flood of tickers, before working on them', async () => {
    const before = await alertCount();
    const wide = {
      or: Array.from({ length: 100 }, () => ({
        or: [
          { metric: 'CLOSE', gt: 1 },
          { metric: 'CLOSE', lt: 1 },
        ],
      })),
    };
    const tooWide = await run(CREATE, { input: { name: 'wide', when: wide } }, alice);
    expect(['BAD_USER_INPUT', 'QUERY_TOO_LARGE']).toContain(tooWide.errors?.[0]?.extensions?.code);
    const flood = await run(
      CREATE,
      {
        input: {
          name: 'flood',
          when: { metric: 'CLOSE', gt: 1 },
          tickers: Array.from({ length: 20_000 }, () => 'SPY'),
        },
      },
      alice,
    );
    expect(flood.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(flood.errors)).toMatch(/must name 1 to 500 ETFs/);
    expect(await alertCount()).toBe(before);
  });

  it('refuses an id that is not one', async () => {
    for (const id of ['abc', '-1', '0', '99999999999999999999']) {
      const result = await run('mutation($id: ID!) { deleteAlert(id: $id) }', { id }, alice);
      expect(result.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});

describe('webhook secrets', () => {
  it('are shown once, when a webhook is set or the secret rotated, and never listed', async () => {
    const t2 = await createTestDatabase({ env: { ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    try {
      await createUser(t2.db, 'carol@example.com');
      const carol = bearer(await signIn(t2.app, 'carol@example.com'));
      const made = await executeText(
        t2.app,
        CREATE,
        { input: { name: 'hook', when: { metric: 'CLOSE', gt: 1 }, webhookUrl: 'http://127.0.0.1:9/hook' } },
        carol,
      );
      const { secret, alert } = (made.data as Record<string, unknown>).createAlert as {
        secret: string;
        alert: { id: string; webhookUrl: string };
      };
      expect(secret).toMatch(/^whsec_[\w-]{43}$/);
      expect(alert.webhookUrl).toBe('http://127.0.0.1:9/hook');
      const rotated = await executeText(
        t2.app,
        'mutation($id: ID!) { updateAlert(input: { id: $id, rotateSecret: true }) { secret } }',
        { id: alert.id },
        carol,
      );
      const next = (rotated.data?.updateAlert as { secret: string } | undefined)?.secret;
      expect(next).toMatch(/^whsec_/);
      expect(next).not.toBe(secret);
      const renamed = await executeText(
        t2.app,
        'mutation($id: ID!) { updateAlert(input: { id: $id, name: "n" }) { secret } }',
        { id: alert.id },
        carol,
      );
      expect(renamed.data?.updateAlert).toEqual({ secret: null });
      const stored = await t2.db.pool.query('SELECT webhook_secret FROM alert WHERE id = $1', [alert.id]);
      expect(stored.rows[0]?.webhook_secret).toBe(next);
      const removed = await executeText(
        t2.app,
        'mutation($id: ID!) { updateAlert(input: { id: $id, webhookUrl: null }) { alert { webhookUrl } } }',
        { id: alert.id },
        carol,
      );
      expect(removed.data?.updateAlert).toEqual({ alert: { webhookUrl: null } });
      expect(
        (await t2.db.pool.query('SELECT webhook_secret FROM alert WHERE id = $1', [alert.id])).rows[0]?.webhook_secret,
      ).toBeNull();
    } finally {
      await t2.close();
    }
  });
});

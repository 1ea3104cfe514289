// At least one active ADMIN account stays: demoting or deactivating the last
// one is refused (LAST_ACTIVE_ADMIN), and two admins who demote or deactivate
// each other at the same moment leave one of them, whatever isolation level
// the database's sessions default to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.js';
import { type App, createApp } from '../../src/yoga.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { bearer } from '../helpers/graphql-client.js';
import { codeOf, type HttpApp, serveOverHttp } from '../helpers/http-app.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const SET_ROLE = 'mutation($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }';
const DEACTIVATE = 'mutation($id: Int!) { deactivateUser(id: $id) { active } }';
const REACTIVATE = 'mutation($id: Int!) { reactivateUser(id: $id) { active } }';
const ROUNDS = 5;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const users = (db: Database) => db.prisma.user.findMany({ orderBy: { id: 'asc' } });
const activeAdmins = (db: Database) => db.prisma.user.count({ where: { role: 'ADMIN', deactivatedAt: null } });

describe('one admin left', () => {
  let http: HttpApp;
  let only: { id: number };
  beforeAll(async () => {
    http = await serveOverHttp(t.app);
    only = await createUser(t.db, 'only-admin@example.com', 'ADMIN');
  });
  afterAll(() => http?.close());

  it.each([
    ['demoting', () => http.post(SET_ROLE, { id: only.id, role: 'EDITOR' }, bearer(ADMIN_KEY))],
    ['deactivating', () => http.post(DEACTIVATE, { id: only.id }, bearer(ADMIN_KEY))],
  ])('refuses %s the last active admin account, and changes nothing', async (_name, send) => {
    const before = await users(t.db);
    const answer = await send();
    expect(codeOf(answer)).toBe('LAST_ACTIVE_ADMIN');
    expect(answer.errors?.[0]?.message).toMatch(/last active admin.*promote another account/i);
    expect(await users(t.db)).toEqual(before);
  });
});

describe.each(['read committed', 'repeatable read', 'serializable'])('two admins at once (%s)', (isolation) => {
  let db: Database;
  let app: App;
  let http: HttpApp;
  let a: { id: number; email: string };
  let b: { id: number; email: string };

  beforeAll(async () => {
    // New sessions of this database default to `isolation`; the pool opened after the change has only such sessions.
    const name = new URL(t.url).pathname.slice(1);
    await t.db.pool.query(`ALTER DATABASE ${name} SET default_transaction_isolation = '${isolation}'`);
    db = createDatabase(t.url, { poolSize: 4 });
    const { rows } = await db.pool.query<{ level: string }>(
      "SELECT current_setting('default_transaction_isolation') AS level",
    );
    expect(rows[0]?.level).toBe(isolation);
    app = createApp({ db });
    http = await serveOverHttp(app);
    const tag = isolation.replace(' ', '-');
    a = await createUser(db, `a-${tag}@example.com`, 'ADMIN');
    b = await createUser(db, `b-${tag}@example.com`, 'ADMIN');
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
    await t.db.pool.query(`ALTER DATABASE ${new URL(t.url).pathname.slice(1)} RESET default_transaction_isolation`);
  });

  /** Both back to active admins (through the API, so that every cache hears of it), signed in afresh. */
  async function reset() {
    for (const id of [a.id, b.id]) {
      await http.post(SET_ROLE, { id, role: 'ADMIN' }, bearer(ADMIN_KEY));
      await http.post(REACTIVATE, { id }, bearer(ADMIN_KEY));
    }
    // Every account but these two (the other describes') is out of the way: these are the only active admins.
    await db.prisma.user.updateMany({
      where: { id: { notIn: [a.id, b.id] }, role: 'ADMIN' },
      data: { role: 'VIEWER' },
    });
    expect(await activeAdmins(db)).toBe(2);
    return { tokenA: await signIn(app, a.email), tokenB: await signIn(app, b.email) };
  }

  it.each([
    ['demote', (id: number, token: string) => http.post(SET_ROLE, { id, role: 'VIEWER' }, bearer(token))],
    ['deactivate', (id: number, token: string) => http.post(DEACTIVATE, { id }, bearer(token))],
  ])(
    'leaves one active admin when they %s each other, round after round',
    async (_name, change) => {
      for (let round = 0; round < ROUNDS; round++) {
        const { tokenA, tokenB } = await reset();
        const answers = await Promise.all([change(b.id, tokenA), change(a.id, tokenB)]);
        const codes = answers.map(codeOf);
        expect(await activeAdmins(db)).toBe(1);
        // One wins; the other is refused, as the last admin or as no admin any more.
        expect(codes.filter((code) => code === undefined)).toHaveLength(1);
        expect(codes.filter((code) => code !== undefined)).toEqual([
          expect.stringMatching(/^(LAST_ACTIVE_ADMIN|FORBIDDEN|UNAUTHENTICATED)$/),
        ]);
      }
    },
    60_000,
  );
});

import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { createUser, PASSWORD, signIn } from '../helpers/accounts.js';
import { bearer, execute } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OLD_SECRET = 'the-previous-secret-that-is-long-enough-012345';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ env: { JWT_SECRET: `${SECRET},${OLD_SECRET}` } });
  await createUser(t.db, 'admin@example.com', 'ADMIN');
  await createUser(t.db, 'viewer@example.com', 'VIEWER');
  await createUser(t.db, 'gone@example.com', 'EDITOR', { deactivatedAt: new Date() });
});
afterAll(() => t.close());

const AuthUsersMe = graphql(`
  query AuthUsersMe { me { id email name role active } }
`);
const AuthUsersLogin = graphql(`
  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }
`);
const AuthUsersUpsertEtf = graphql(`
  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }
`);
const AuthUsersSetUserRole = graphql(`
  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }
`);
const AuthUsersDeactivateUser = graphql(`
  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }
`);
const AuthUsersReactivateUser = graphql(`
  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }
`);
const AuthUsersCreateUser = graphql(`
  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }
`);
const AuthUsersCreateUserId = graphql(`
  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }
`);
const AuthUsersSignUp = graphql(`
  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {
    signUp(email: $email, name: $name, password: $password) { user { role } }
  }
`);

const me = async (token: string) => execute(t.app, AuthUsersMe, {}, bearer(token));

describe('login and me', () => {
  it('signs in with any case of the email and shows the user, never the password', async () => {
    const response = await t.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($p: String!) { login(email: "Viewer@Example.COM", password: $p) { token expiresAt user { email role } } }',
        variables: { p: PASSWORD },
      }),
    });
    const text = await response.text();
    expect(text).not.toContain('argon2');
    const login = JSON.parse(text).data.login;
    expect(login.user).toEqual({ email: 'viewer@example.com', role: 'VIEWER' });
    expect(new Date(login.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect((await me(login.token)).data).toMatchObject({ me: { email: 'viewer@example.com', active: true } });
  });

  it('answers null for me when anonymous', async () => {
    expect((await execute(t.app, AuthUsersMe)).data).toEqual({ me: null });
  });

  it.each([
    ['a wrong password', 'viewer@example.com', 'not the password at all'],
    ['an unknown email', 'nobody@example.com', PASSWORD],
    ['a deactivated account', 'gone@example.com', PASSWORD],
  ])('refuses %s with one and the same message', async (_name, email, password) => {
    const result = await execute(t.app, AuthUsersLogin, { e: email, p: password });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toBe('Wrong email or password, or the account is deactivated.');
  });

  it('slows down repeated failed logins', async () => {
    const attempt = async () => {
      const started = performance.now();
      await execute(t.app, AuthUsersLogin, { e: 'admin@example.com', p: 'guess-guess-guess' });
      return performance.now() - started;
    };
    const first = await attempt();
    for (let i = 0; i < 4; i++) await attempt();
    // Failures 1–3 are free; the 4th waits 250 ms, the 5th 500, the 6th 1 s.
    const sixth = await attempt();
    expect(sixth).toBeGreaterThan(first + 900);
  });

  it('runs concurrent guesses one at a time, and refuses those past a short queue', async () => {
    const app = createApp({
      db: t.db,
      config: loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }),
    });
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        execute(app, AuthUsersLogin, { e: 'racer@example.com', p: 'guess-guess-guess' }),
      ),
    );
    const elapsed = performance.now() - started;
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code);
    // One runs, five wait; the other fourteen are refused at once.
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(14);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(6);
    // One after another, so the delays add up: 3 free failures, then 250 + 500 ms.
    expect(elapsed).toBeGreaterThan(700);
  });
});

describe('session tokens', () => {
  const sign = (secret: string, claims: { sub: string; exp?: number; iss?: string }) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(claims.iss ?? 'etfql')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(new TextEncoder().encode(secret));

  it('accepts tokens signed with a previous secret still listed (rotation)', async () => {
    const viewer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'viewer@example.com' } });
    expect((await me(await sign(OLD_SECRET, { sub: String(viewer.id) }))).data).toMatchObject({
      me: { email: 'viewer@example.com' },
    });
  });

  it.each([
    [
      'an expired token',
      async (id: number) => sign(SECRET, { sub: String(id), exp: Math.floor(Date.now() / 1000) - 10 }),
    ],
    [
      'a token signed with another secret',
      async (id: number) => sign('some-other-secret-that-is-long-enough-0000', { sub: String(id) }),
    ],
    ['a token from another issuer', async (id: number) => sign(SECRET, { sub: String(id), iss: 'not-etfql' })],
    [
      'a tampered token (another user id in the payload)',
      async (id: number) => {
        const [header, , signature] = (await sign(SECRET, { sub: String(id) })).split('.');
        const payload = Buffer.from(JSON.stringify({ sub: '1', iss: 'etfql', exp: 9_999_999_999 })).toString(
          'base64url',
        );
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['garbage in JWT shape', async () => 'abc.def.ghi'],
  ])('refuses %s', async (_name, make) => {
    const viewer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'viewer@example.com' } });
    const result = await me(await make(viewer.id));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data?.me ?? null).toBeNull();
  });

  it('stops a deactivated user at once, and applies a role change at once', async () => {
    const user = await createUser(t.db, 'soon-gone@example.com', 'VIEWER');
    const token = await signIn(t.app, 'soon-gone@example.com');
    const adminToken = await signIn(t.app, 'admin@example.com');
    const upsert = { input: { ticker: 'ROLE', name: 'Role test' } };
    expect((await execute(t.app, AuthUsersUpsertEtf, upsert, bearer(token))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );

    await execute(t.app, AuthUsersSetUserRole, { id: user.id, role: 'EDITOR' }, bearer(adminToken));
    expect((await execute(t.app, AuthUsersUpsertEtf, upsert, bearer(token))).data).toEqual({
      upsertEtf: { ticker: 'ROLE' },
    });

    await execute(t.app, AuthUsersDeactivateUser, { id: user.id }, bearer(adminToken));
    expect((await me(token)).errors?.[0]?.message).toMatch(/deactivated/);
  });

  it('does not revive the tokens of a deactivated account when it is reactivated', async () => {
    const user = await createUser(t.db, 'comes-back@example.com', 'VIEWER');
    const before = await signIn(t.app, 'comes-back@example.com');
    const adminToken = await signIn(t.app, 'admin@example.com');
    await execute(t.app, AuthUsersDeactivateUser, { id: user.id }, bearer(adminToken));
    expect((await execute(t.app, AuthUsersReactivateUser, { id: user.id }, bearer(adminToken))).data).toEqual({
      reactivateUser: { active: true },
    });

    const stale = await me(before);
    expect(stale.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(stale.errors?.[0]?.message).toMatch(/signed out/);
    // Signing in again works, and the new token does.
    const after = await signIn(t.app, 'comes-back@example.com');
    expect((await me(after)).data?.me).toMatchObject({ email: 'comes-back@example.com' });
  });
});

describe('managing users', () => {
  it('lets an admin create users; emails are unique whatever their case', async () => {
    const admin = await signIn(t.app, 'admin@example.com');
    const create = (email: string) =>
      execute(
        t.app,
        AuthUsersCreateUser,
        { input: { email, name: 'New', password: 'a-long-enough-password', role: 'EDITOR' } },
        bearer(admin),
      );
    expect((await create('New.Person@Example.com')).data).toEqual({
      createUser: { email: 'new.person@example.com', role: 'EDITOR', active: true },
    });
    expect((await create('new.person@EXAMPLE.com')).errors?.[0]?.message).toMatch(/email: is already registered/);
  });

  it.each([
    ['a bad email', { email: 'not-an-email', name: 'X', password: 'a-long-enough-password' }, 'input.email'],
    [
      'a short password',
      { email: 'x@example.com', name: 'X', password: 'short' },
      'input.password: must be at least 12',
    ],
    ['an empty name', { email: 'x@example.com', name: ' ', password: 'a-long-enough-password' }, 'input.name'],
  ])('refuses %s and creates nothing', async (_name, input, message) => {
    const admin = await signIn(t.app, 'admin@example.com');
    const before = await t.db.prisma.user.count();
    const result = await execute(t.app, AuthUsersCreateUserId, { input }, bearer(admin));
    expect(result.errors?.[0]?.message).toContain(message);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it('keeps admins from locking themselves out', async () => {
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    const token = await signIn(t.app, 'admin@example.com');
    const result = await execute(t.app, AuthUsersDeactivateUser, { id: admin.id }, bearer(token));
    expect(result.errors?.[0]?.message).toMatch(/cannot deactivate yourself/);
  });

  it('refuses self sign-up unless ALLOW_SIGNUP is set', async () => {
    const signUp = { email: 'me@example.com', name: 'Me', password: 'a-long-enough-password' };
    expect((await execute(t.app, AuthUsersSignUp, signUp)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const open = await createTestDatabase({ env: { ALLOW_SIGNUP: 'true' } });
    try {
      expect((await execute(open.app, AuthUsersSignUp, signUp)).data).toEqual({ signUp: { user: { role: 'VIEWER' } } });
    } finally {
      await open.close();
    }
  });
});

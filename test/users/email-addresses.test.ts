// E-mail addresses have one form whatever way a client spells them: NFKC,
// lower-case, plain ASCII. Spellings that look the same but are not (an
// invisible character, a look-alike letter) are refused, never made into a
// second account; so is anything longer than an address can be. Every path
// that takes an address goes through the same rule: sign-up, createUser,
// login, the start-up admin and the create-admin command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/yoga.js';
import { createUser, PASSWORD } from '../helpers/accounts.js';
import { runCli } from '../helpers/cli-run.js';
import { bearer } from '../helpers/graphql-client.js';
import { codeOf, type HttpApp, serveOverHttp } from '../helpers/http-app.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let http: HttpApp;

beforeAll(async () => {
  t = await createTestDatabase();
  http = await serveOverHttp(createApp({ db: t.db, config: loadConfig({ ALLOW_SIGNUP: 'true' }) }));
  await createUser(t.db, 'alice@example.com', 'EDITOR');
});
afterAll(async () => {
  await http?.close();
  await t?.close();
});

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { email } }';
const SIGN_UP =
  'mutation($e: String!, $n: String!, $p: String!) { signUp(email: $e, name: $n, password: $p) { user { email } } }';

const createAccount = (email: string, name = 'Someone', password = 'a-long-enough-password') =>
  http.post(CREATE_USER, { input: { email, name, password } }, bearer(ADMIN_KEY));
const signUp = (email: string, name = 'Someone', password = 'a-long-enough-password') =>
  http.post(SIGN_UP, { e: email, n: name, p: password });
const login = (email: string, password = PASSWORD) => http.post(LOGIN, { e: email, p: password });
const problems = (answer: Awaited<ReturnType<typeof login>>) => answer.errors?.[0]?.extensions?.problems ?? [];

/** Every account, as stored: what a refusal must leave as it was. */
const accounts = () => t.db.prisma.user.findMany({ orderBy: { id: 'asc' } });

describe('invisible and control characters', () => {
  it.each([
    ['a zero-width space', 'ali\u200Bce@example.com'],
    ['a soft hyphen', 'ali\u00ADce@example.com'],
    ['a right-to-left override', '\u202Eali@example.com'],
    ['a left-to-right mark', 'alice\u200E@example.com'],
    ['a zero-width joiner', 'alice@exa\u200Dmple.com'],
    ['a word joiner', 'alice@\u2060example.com'],
    ['a byte-order mark', '\uFEFFalice@example.com'],
    ['a tab inside', 'ali\tce@example.com'],
    ['a no-break space inside', 'ali\u00A0ce@example.com'],
    ['a line separator', 'alice@example.com\u2028x'],
    ['a private-use character', 'alice\uE000@example.com'],
    ['a lone surrogate', 'alice\uD800@example.com'],
  ])('refuses %s on sign-up, createUser and login, and stores nothing', async (_name, email) => {
    const before = await accounts();
    for (const answer of [await signUp(email), await createAccount(email), await login(email)]) {
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(problems(answer)[0]?.message).toMatch(/invisible, control or space character/);
    }
    expect(await accounts()).toEqual(before);
  });
});

describe('look-alike letters', () => {
  it('takes full-width letters as the ASCII address they fold to: the same account', async () => {
    const fullWidth = '\uFF41\uFF4C\uFF49\uFF43\uFF45@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.\uFF43\uFF4F\uFF4D';
    const before = await accounts();
    const created = await createAccount(fullWidth);
    expect(codeOf(created)).toBe('BAD_USER_INPUT');
    expect(problems(created)).toEqual([{ path: 'input.email', message: 'is already registered' }]);
    expect((await login(fullWidth)).data).toEqual({ login: { user: { email: 'alice@example.com' } } });
    expect((await login('ALICE@EXAMPLE.COM')).data).toEqual({ login: { user: { email: 'alice@example.com' } } });
    expect(await accounts()).toEqual(before);
  });

  it.each([
    ['a dotless i', 'al\u0131ce@example.com'],
    ['a Cyrillic a', '\u0430lice@example.com'],
    ['a Greek omicron', 'alice@examp\u006Ce.c\u03BFm'],
    ['an accented letter', 'alic\u00E9@example.com'],
    ['a capital I with a dot', 'AL\u0130CE@example.com'],
  ])('refuses %s, which NFKC does not fold to ASCII, and stores nothing', async (_name, email) => {
    const before = await accounts();
    for (const answer of [await signUp(email), await createAccount(email), await login(email)]) {
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(problems(answer)[0]?.message).toMatch(/ASCII/);
    }
    expect(await accounts()).toEqual(before);
  });
});

describe('lengths', () => {
  const long = `${'a'.repeat(243)}@example.com`; // 255 characters

  it('refuses a login with an address longer than 254 characters, before any lookup or throttling', async () => {
    const answer = await login(long);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(problems(answer)).toEqual([{ path: 'email', message: 'must be at most 254 characters' }]);
    // One of a megabyte is refused the same way, and its text is not echoed back.
    const huge = await login(`${'b'.repeat(200_000)}@example.com`); // within the anonymous body limit
    expect(codeOf(huge)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(huge).length).toBeLessThan(1_000);
  });

  it('refuses a login with a password longer than any account can have, before hashing it', async () => {
    const answer = await login('alice@example.com', 'p'.repeat(257));
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(problems(answer)).toEqual([{ path: 'password', message: 'must be at most 256 characters long' }]);
  });

  it.each([
    ['an address of 255 characters', { email: long }, 'input.email'],
    ['a password of 257 characters', { password: 'p'.repeat(257) }, 'input.password'],
    ['a name of 201 characters', { name: 'n'.repeat(201) }, 'input.name'],
    ['a name with a right-to-left override', { name: 'Mallory \u202Enimda' }, 'input.name'],
    ['a name with a control character', { name: 'Mallory\u0007' }, 'input.name'],
  ])('refuses an account with %s and stores nothing', async (_name, change, path) => {
    const before = await accounts();
    const input = { email: 'new.person@example.com', name: 'New', password: 'a-long-enough-password', ...change };
    const answer = await createAccount(input.email, input.name, input.password);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(problems(answer)[0]?.path).toBe(path);
    expect(await accounts()).toEqual(before);
  });
});

describe('the create-admin command', () => {
  it('promotes the account a full-width spelling folds to, and refuses an invisible character', async () => {
    const env = { DATABASE_URL: t.url, ADMIN_PASSWORD: 'another-strong-password' };
    const carol = await createUser(t.db, 'carol@example.com', 'VIEWER');
    const promoted = await runCli('create-admin', ['\uFF23arol@example.com'], env);
    expect(promoted.code).toBe(0);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: carol.id } })).toMatchObject({ role: 'ADMIN' });

    const before = await accounts();
    const refused = await runCli('create-admin', ['car\u200Bol@example.com'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/admin\.email: .*invisible, control or space character/);
    expect(await accounts()).toEqual(before);
  }, 60_000);
});

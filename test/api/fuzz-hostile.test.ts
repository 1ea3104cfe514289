// The families of the outside probe, grown by fast-check against the real
// server in-process: filter trees of every shape (empty, wide, deep, invalid
// leaves), aliased indicators computed over whole histories, and account
// inputs of long and hostile Unicode. Whatever comes, the answer is data or a
// coded error, small whatever the input (problem lists are capped), never
// INTERNAL_SERVER_ERROR; every stored e-mail address stays in its canonical
// form. Bounded by runs and time, seeded for replay (FUZZ_SEED).
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isErrorCode } from '../../src/error-catalogue.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

beforeAll(async () => {
  t = await createTestDatabase({ env: { ALLOW_SIGNUP: 'true', RATE_LIMIT_PER_SECOND: '100000' } });
  await createEtfWithBars(t.db, 'TREE', '2020-01-01', '2024-06-28');
  await createEtfWithBars(t.db, 'LEAF', '2022-01-01', '2024-06-28');
});
afterAll(() => t.close());

type Answer = Awaited<ReturnType<typeof executeText>>;

function expectCodedAndSmall(result: Answer, sent: unknown, maxBytes = 200_000) {
  const context = JSON.stringify(sent).slice(0, 300);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
    expect(isErrorCode(error.extensions?.code), `${error.message} ${context}`).toBe(true);
  }
  expect(JSON.stringify(result).length, context).toBeLessThan(maxBytes);
}

const metrics = fc.constantFrom('RSI_14', 'CLOSE', 'RETURN_1Y', 'FROM_LOW_52W', 'VOLATILITY_1Y', 'SMA_200');
const leaf = fc.oneof(
  fc.constant({}),
  fc.record({ metric: metrics, gt: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ metric: metrics }), // nothing to compare: a problem
  fc.record({ lt: fc.integer() }), // compares nothing: a problem
  fc.record({ metric: metrics, between: fc.record({ min: fc.integer(), max: fc.integer() }) }),
  fc.record({ assetClass: fc.array(fc.constantFrom('EQUITY', 'FIXED_INCOME'), { maxLength: 3 }) }),
  fc.record({ metric: metrics, gteMetric: metrics }),
);
/** Trees up to 7 levels deep and 120 wide: past every bound, in every direction. */
const filter: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ or: fc.array(tie('node'), { maxLength: 120 }) }),
    fc.record({ and: fc.array(tie('node'), { maxLength: 120 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

it('answers any filter tree, as a variable or written in the query, with data or a small coded error', async () => {
  const seen = { answered: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(filter, fc.boolean(), fc.boolean(), async (where, inline, keyed) => {
      const headers = keyed ? bearer(ADMIN_KEY) : {};
      const sent = inline
        ? {
            query: `{ screen(where: ${JSON.stringify(where)
              .replace(/"(\w+)":/g, '$1:')
              .replace(/"([A-Z_0-9]+)"/g, '$1')}) { edges { cursor } } }`,
          }
        : { query: 'query ($w: ScreenFilter!) { screen(where: $w) { edges { cursor } } }', variables: { w: where } };
      const result = await executeText(t.app, sent.query, sent.variables, headers);
      expectCodedAndSmall(result, sent);
      if (result.errors) seen.refused++;
      else seen.answered++;
    }),
    { numRuns: 300, interruptAfterTimeLimit: 25_000, seed: SEED },
  );
  expect(seen.answered).toBeGreaterThan(0);
  expect(seen.refused).toBeGreaterThan(0);
}, 60_000);

const kernel = fc.oneof(
  fc.integer({ min: -5, max: 1200 }).map((p) => `cti(period: ${p}) { value }`),
  fc.integer({ min: -5, max: 1200 }).map((p) => `beta(benchmark: "LEAF", period: ${p}) { beta }`),
  fc.integer({ min: -5, max: 1200 }).map((p) => `volatility(estimator: YANG_ZHANG, period: ${p}) { value }`),
  fc.integer({ min: -5, max: 1200 }).map((p) => `alma(period: ${p}) { value }`),
  fc.integer({ min: -5, max: 1200 }).map((p) => `sma(period: ${p}) { value }`),
);

it('answers any set of aliased indicators with data or a coded refusal, anonymous or keyed', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(kernel, { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 3000 }),
      fc.boolean(),
      async (fields, last, keyed) => {
        const aliases = fields.map((field, i) => `a${i}: ${field}`).join(' ');
        const query = `{ etfsByTicker(tickers: ["TREE", "LEAF"]) { indicators(last: ${last}) { ${aliases} } } }`;
        const result = await executeText(t.app, query, {}, keyed ? bearer(ADMIN_KEY) : {});
        expectCodedAndSmall(result, { query }, 50_000_000);
      },
    ),
    { numRuns: 60, interruptAfterTimeLimit: 25_000, seed: SEED },
  );
}, 60_000);

const hostileCharacters = fc.constantFrom(
  '\u200b', // zero-width space
  '\u00ad', // soft hyphen
  '\u202e', // right-to-left override
  '\u200e',
  '\ufeff',
  '\u2028',
  '\u0131', // dotless i
  '\u0430', // Cyrillic a
  'Ａ', // full-width A
  'İ',
  '\u0000',
  '\ud800', // a lone surrogate
  ' ',
  '\t',
  '"',
  '🙂',
);
const emails = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.emailAddress(), fc.array(fc.tuple(fc.nat(), hostileCharacters), { maxLength: 3 }))
    .map(([address, inserts]) =>
      inserts.reduce(
        (text, [at, c]) => text.slice(0, at % (text.length + 1)) + c + text.slice(at % (text.length + 1)),
        address,
      ),
    ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.nat({ max: 200_000 }).map((n) => `${'a'.repeat(n)}@example.com`),
);

it('answers hostile e-mail addresses with coded errors, and stores only canonical ones', async () => {
  await fc.assert(
    fc.asyncProperty(emails, fc.string({ maxLength: 300 }), fc.boolean(), async (email, name, signUp) => {
      const query = signUp
        ? 'mutation ($e: String!, $n: String!) { signUp(email: $e, name: $n, password: "a long enough password") { token } }'
        : 'mutation ($e: String!) { login(email: $e, password: "a long enough password") { token } }';
      const result = await executeText(t.app, query, { e: email, n: name || 'Name' });
      expectCodedAndSmall(result, { email: email.slice(0, 100), signUp });
    }),
    // Each sign-up hashes a password (Argon2id): few runs, and a time limit.
    { numRuns: 80, interruptAfterTimeLimit: 15_000, seed: SEED },
  );
  // Printable ASCII without spaces or capitals: what canonicalEmail stores.
  const { rows } = await t.db.pool.query<{ email: string }>('SELECT email FROM app_user');
  for (const { email } of rows) expect(email).toMatch(/^[!-~]+$/);
  for (const { email } of rows) expect(email).toBe(email.toLowerCase());
}, 60_000);

// Fuzzing the real server in-process (fast-check): operations built from the
// schema's read and write fields, with values drawn from hostile and edge-case
// pools (wrong types, empty and huge strings, NUL, quotes, SQL, emoji, extreme
// numbers, impossible dates), sent anonymously and as an admin. Whatever comes,
// the server answers with data or an error coded from the catalogue, never
// INTERNAL_SERVER_ERROR; no response passes its ceiling; and a mutation that is
// refused changes nothing. Bounded: a fixed number of runs and a time limit,
// seeded so that a failure can be replayed (the seed is in the report).
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isErrorCode } from '../../src/error-catalogue.js';
import { createEtfWithBars, snapshot } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const seen = { requests: 0, refused: 0, answered: 0, mutationsRefusedUnchanged: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'FUZZ', '2023-01-02', '2024-06-28');
});
afterAll(async () => {
  process.stdout.write(`fuzz: ${JSON.stringify(seen)}\n`);
  await t.close();
});

const strings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'FUZZ',
    'fuzz',
    'SPY',
    "'; DROP TABLE etf;--",
    '%',
    '_',
    '\\',
    '"',
    'a\u0000b',
    '🙂',
    'é'.repeat(100),
    'A'.repeat(5000),
    'RXRmOjE=',
    'RXRmOmFiYw==',
    'R1BDOlM6enp6',
  ),
);
const ints = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 300 }) },
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2, 52, 252, 1000, 1001, 20_000, 20_001, 2 ** 31 - 1, -(2 ** 31)),
);
const floats = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0.01, max: 500, noNaN: true }) },
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 1, 2, 1e9, 1e308, 5e-324, -1),
);
const dates = fc.oneof(
  fc
    .date({ min: new Date('1890-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', '2024-13-01', '24-01-01', 'yesterday', '2024-01-01T00:00:00Z', '', '0000-00-00'),
);
/** A value for any variable: usually of the declared type, sometimes not, sometimes null. */
const anyOf = (typed: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 40, arbitrary: typed },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.oneof(strings, ints, fc.boolean()) },
  );
const ticker = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('FUZZ', 'fuzz') }, strings);

const intervals = fc.constantFrom('DAILY', 'DAILY', 'WEEKLY', 'MONTHLY', 'HOURLY');
const tickerLists = fc.array(ticker, { maxLength: 12 });

/** Read operations: a template and the arbitraries of its variables. */
const reads: [string, Record<string, fc.Arbitrary<unknown>>][] = [
  [
    'query($t: String!, $f: Date, $to: Date, $l: Int, $i: Interval, $a: Boolean) { etf(ticker: $t) { ticker prices(from: $f, to: $to, last: $l, interval: $i, adjusted: $a) { date open close volume } latestPrice { close } } }',
    { t: ticker, f: dates, to: dates, l: ints, i: intervals, a: fc.boolean() },
  ],
  [
    'query($ts: [String!]!, $l: Int, $p: Int, $s: Float, $fa: Int, $sl: Int) { etfsByTicker(tickers: $ts) { ticker series(last: $l) { dates close } indicators(last: $l) { sma(period: $p) { value } bollinger(period: $p, stdDev: $s) { upper } macd(fast: $fa, slow: $sl) { histogram } columns { dates rsi(period: $p) { value } } } } }',
    { ts: tickerLists, l: ints, p: ints, s: floats, fa: ints, sl: ints },
  ],
  [
    // The argument kinds of the second set of indicators: int and float lists, bounded floats, an enum, a ticker.
    'query($ts: [String!]!, $l: Int, $p: Int, $r: [Int!], $w: [Float!], $o: Float, $b: String!, $e: VolatilityEstimator, $y: Int) { etfsByTicker(tickers: $ts) { ticker indicators(last: $l) { kst(rocPeriods: $r, smaPeriods: $r, weights: $w) { value signal } ultimateOscillator(periods: $r, weights: $w) { value } alma(period: $p, offset: $o, sigma: $o) { value } tdi(period: $p, multiple: $o) { tdi } hma(period: $p) { value } beta(benchmark: $b, period: $p) { beta } columns { volatility(period: $p, estimator: $e, annualization: $y) { value } } } } }',
    {
      ts: tickerLists,
      l: ints,
      p: ints,
      r: fc.array(ints, { maxLength: 12 }),
      w: fc.array(floats, { maxLength: 12 }),
      o: floats,
      b: ticker,
      e: fc.constantFrom('CLOSE', 'PARKINSON', 'YANG_ZHANG', 'close', 'PARABOLIC', ''),
      y: ints,
    },
  ],
  [
    'query($n: Int, $a: String, $s: String) { etfs(first: $n, after: $a, search: $s) { edges { cursor node { ticker } } pageInfo { hasNextPage } } }',
    { n: ints, a: strings, s: strings },
  ],
  ['query($id: ID!) { node(id: $id) { id ... on Etf { ticker } } }', { id: strings }],
  ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: fc.array(strings, { maxLength: 20 }) }],
];

const bar = fc.record({
  date: dates,
  open: floats,
  high: floats,
  low: floats,
  close: floats,
  volume: fc.oneof(floats, ints),
});

/** Write operations, sent as the admin; each refused one must leave the database as it was. */
const writes: [string, Record<string, fc.Arbitrary<unknown>>][] = [
  [
    'mutation($t: String!, $b: [PriceBarInput!]!) { loadPrices(ticker: $t, bars: $b) { inserted updated } }',
    { t: ticker, b: fc.array(anyOf(bar), { maxLength: 5 }) },
  ],
  [
    'mutation($t: String!, $d: Date!, $r: Float!) { recordSplit(ticker: $t, date: $d, ratio: $r) { ratio } }',
    { t: ticker, d: dates, r: floats },
  ],
  [
    'mutation($t: String!, $d: Date!, $a: Float!) { recordDividend(ticker: $t, exDate: $d, amount: $a) { amount } }',
    { t: ticker, d: dates, a: floats },
  ],
  [
    'mutation($t: String!, $n: String!, $e: Float, $c: String) { upsertEtf(input: { ticker: $t, name: $n, expenseRatio: $e, currency: $c }) { ticker } }',
    { t: strings, n: strings, e: floats, c: strings },
  ],
  [
    'mutation($t: String!, $f: Date!, $to: Date!) { deletePrices(ticker: $t, from: $f, to: $to) { deleted } }',
    { t: ticker, f: dates, to: dates },
  ],
];

const request = (templates: typeof reads) =>
  fc.oneof(
    ...templates.map(([query, variables]) =>
      fc.record(Object.fromEntries(Object.entries(variables).map(([name, arb]) => [name, anyOf(arb)]))).map((vars) => ({
        query,
        variables: vars,
      })),
    ),
  );

function expectNoInternalError(result: Awaited<ReturnType<typeof executeText>>, sent: unknown) {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, JSON.stringify(sent).slice(0, 500)).not.toContain('INTERNAL_SERVER_ERROR');
  // Coded, and with a code a client can look up (src/error-catalogue.ts).
  for (const error of result.errors ?? []) expect(isErrorCode(error.extensions?.code), error.message).toBe(true);
}

it('answers random reads with data or a coded error, never an internal one', async () => {
  await fc.assert(
    fc.asyncProperty(request(reads), fc.boolean(), async (sent, asAdmin) => {
      seen.requests++;
      const result = await executeText(t.app, sent.query, sent.variables, asAdmin ? bearer(ADMIN_KEY) : {});
      if (result.errors) seen.refused++;
      else seen.answered++;
      expectNoInternalError(result, sent);
      expect(JSON.stringify(result).length).toBeLessThan(50_000_000);
    }),
    { numRuns: 1200, interruptAfterTimeLimit: 40_000, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
  );
}, 60_000);

it('answers random writes the same way, and a refused write changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(request(writes), async (sent) => {
      seen.requests++;
      const before = await snapshot(t.db);
      const result = await executeText(t.app, sent.query, sent.variables, bearer(ADMIN_KEY));
      expectNoInternalError(result, sent);
      if (result.errors) {
        seen.refused++;
        expect(await snapshot(t.db), JSON.stringify(sent).slice(0, 500)).toEqual(before);
        seen.mutationsRefusedUnchanged++;
      } else {
        seen.answered++;
      }
    }),
    { numRuns: 400, interruptAfterTimeLimit: 40_000, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
  );
}, 60_000);

// `decimals` rounds values, and nothing else: the same bars, the same SQL, full
// precision when omitted. On `series` and `indicators` it is an argument of the
// window; `prices` keeps its fixed arguments, so its bars
// take it per field: `close(decimals: 2)`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roundTo } from '../../src/prices/rounding.js';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { execute, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'SPY', '2023-01-02', '2024-12-31');
});
afterAll(() => t.close());

const DecimalsExact = graphql(`
  query DecimalsExact {
    etf(ticker: "SPY") {
      prices(last: 30) { close volume }
      series(last: 30) { close }
      indicators(last: 30) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }
    }
  }
`);
const DecimalsRounded = graphql(`
  query DecimalsRounded {
    etf(ticker: "SPY") {
      prices(last: 30) { close(decimals: 2) volume }
      series(last: 30, decimals: 2) { close }
      indicators(last: 30, decimals: 2) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }
    }
  }
`);

async function run(document: typeof DecimalsExact | typeof DecimalsRounded) {
  const result = await execute(t.app, document);
  expect(result.errors).toBeUndefined();
  const etf = result.data?.etf;
  if (!etf) throw new Error('no SPY in the response');
  return { etf };
}

const decimalsOf = (value: number) => (String(value).split('.')[1] ?? '').length;

it('rounds every value it returns, stored and computed indicators alike, to the places asked', async () => {
  const exact = await run(DecimalsExact);
  t.statements.length = 0;
  const rounded = await run(DecimalsRounded);
  const pairs: [number | null, number | null][] = [
    ...exact.etf.prices.map((bar, i) => [bar.close, rounded.etf.prices[i]?.close ?? null] as [number, number]),
    ...exact.etf.series.close.map((close, i) => [close, rounded.etf.series.close[i] ?? null] as [number, number]),
    ...exact.etf.indicators.sma.map(
      (p, i) => [p.value, rounded.etf.indicators.sma[i]?.value ?? null] as [number, number],
    ),
    ...exact.etf.indicators.wma.map(
      (p, i) => [p.value, rounded.etf.indicators.wma[i]?.value ?? null] as [number, number],
    ),
    ...exact.etf.indicators.columns.rsi.value.map(
      (v, i) => [v, rounded.etf.indicators.columns.rsi.value[i] ?? null] as [number, number],
    ),
  ];
  expect(pairs.length).toBeGreaterThanOrEqual(150);
  for (const [full, short] of pairs) {
    if (full === null) {
      expect(short).toBeNull();
      continue;
    }
    expect(short).toBe(roundTo(full, 2));
    expect(decimalsOf(short as number)).toBeLessThanOrEqual(2);
  }
  // Some values had more places: the test is not vacuous.
  expect(pairs.some(([full]) => full !== null && decimalsOf(full) > 2)).toBe(true);
  // Rounding happens after the reads: the same batched statements as without it.
  expect(t.statements.filter((s) => !/^\s*(BEGIN|COMMIT)/.test(s)).length).toBeLessThanOrEqual(6);
});

it('rounds half away from zero', () => {
  expect(roundTo(2.5, 0)).toBe(3);
  expect(roundTo(-2.5, 0)).toBe(-3);
  expect(roundTo(538.8793999999996, 2)).toBe(538.88);
  expect(roundTo(-0.004, 2)).toBe(-0);
});

const DecimalsNegative = graphql(`
  query DecimalsNegative { etf(ticker: "SPY") { series(last: 5, decimals: -1) { close } } }
`);
const DecimalsTooMany = graphql(`
  query DecimalsTooMany { etf(ticker: "SPY") { indicators(last: 5, decimals: 11) { sma(period: 5) { value } } } }
`);
const DecimalsNegativeOnBar = graphql(`
  query DecimalsNegativeOnBar { etf(ticker: "SPY") { prices(last: 5) { open(decimals: -1) } } }
`);

it.each([
  ['-1', () => execute(t.app, DecimalsNegative)],
  ['11', () => execute(t.app, DecimalsTooMany)],
  // Not an Int: no typed document can send it.
  ['2.5', () => executeText(t.app, '{ etf(ticker: "SPY") { prices(last: 5) { close(decimals: 2.5) } } }')],
  ['-1 on a bar', () => execute(t.app, DecimalsNegativeOnBar)],
])('refuses decimals: %s with a coded error, naming the argument', async (_name, send) => {
  const result = await send();
  expect(result.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  expect(result.errors?.[0]?.message).toMatch(/decimals|Int cannot represent/);
});

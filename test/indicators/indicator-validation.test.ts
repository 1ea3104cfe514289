// Bad indicator arguments: a clear error naming the argument, before any SQL
// for the indicator runs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INDICATORS, type IndicatorName, paramProblems } from '../../src/indicators/catalog.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'VAL', '2024-01-01', '2024-03-31');
});
afterAll(() => t.close());

it.each([
  ['sma(period: 0)', 'period: must be a whole number from 1 to 1000, got 0'],
  ['ema(period: -3)', 'period: must be a whole number from 1 to 1000, got -3'],
  ['wma(period: 1001)', 'period: must be a whole number from 1 to 1000, got 1001'],
  ['macd(fast: 26, slow: 12)', 'fast: must be below slow (12), got 26'],
  ['macd(fast: 12, slow: 12)', 'fast: must be below slow (12), got 12'],
  ['bollinger(stdDev: 0)', 'stdDev: must be above 0'],
  ['bollinger(stdDev: -1)', 'stdDev: must be above 0'],
  ['stochastic(kPeriod: 14, dPeriod: 0)', 'dPeriod: must be a whole number'],
  ['rsi(period: null)', 'period: is required'],
  // The arguments of the second set: minimum periods above 1.
  ['hma(period: 1)', 'period: must be a whole number from 2 to 1000, got 1'],
  ['cti(period: 1)', 'period: must be a whole number from 2 to 1000, got 1'],
  ['beta(benchmark: "VAL", period: 1)', 'period: must be a whole number from 2 to 1000, got 1'],
  ['volatility(period: 1, estimator: YANG_ZHANG)', 'period: must be at least 2 for YANG_ZHANG, got 1'],
  // An int with bounds of its own.
  ['volatility(annualization: 0)', 'annualization: must be a whole number from 1 to 366, got 0'],
  ['volatility(annualization: 2147483647)', 'annualization: must be a whole number from 1 to 366, got 2147483647'],
  ['volatility(annualization: null)', 'annualization: is required'],
  // Int lists: length, each item, and lists that must match.
  ['kst(rocPeriods: [])', 'rocPeriods: must hold 1 to 10 values, got 0'],
  ['kst(rocPeriods: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])', 'rocPeriods: must hold 1 to 10 values, got 11'],
  ['kst(rocPeriods: [10, 0, 20, 30])', 'rocPeriods[1]: must be a whole number from 1 to 1000, got 0'],
  ['kst(smaPeriods: [10, 10, 10, -15])', 'smaPeriods[3]: must be a whole number from 1 to 1000, got -15'],
  ['kst(rocPeriods: null)', 'rocPeriods: is required'],
  ['kst(rocPeriods: [10, 15])', 'smaPeriods: must hold as many values as rocPeriods (2), got 4'],
  ['kst(smaPeriods: [10, 10, 10])', 'smaPeriods: must hold as many values as rocPeriods (4), got 3'],
  ['kst(weights: [1, 2])', 'weights: must hold as many values as rocPeriods (4), got 2'],
  ['kst(signal: 0)', 'signal: must be a whole number from 1 to 1000, got 0'],
  ['ultimateOscillator(periods: [7, 14])', 'periods: must hold exactly 3 values, got 2'],
  ['ultimateOscillator(periods: [7, 14, 28, 56])', 'periods: must hold exactly 3 values, got 4'],
  ['ultimateOscillator(periods: [7, 14, 1001])', 'periods[2]: must be a whole number from 1 to 1000, got 1001'],
  // Float lists: finite, bounded, and UO's may not add up to 0.
  ['kst(weights: [1, 2, 3, 1e400])', 'weights[3]: must be a finite number, got Infinity'],
  ['kst(weights: [1, 2, 3, -1e300])', 'weights[3]: must be from -1000 to 1000, got -1e+300'],
  ['ultimateOscillator(weights: [1, -1, 0])', 'weights: must not add up to 0'],
  ['ultimateOscillator(weights: [])', 'weights: must hold exactly 3 values, got 0'],
  // Bounded floats.
  ['keltner(multiplier: 0)', 'multiplier: must be above 0 and at most 100, got 0'],
  ['keltner(multiplier: -2)', 'multiplier: must be above 0 and at most 100, got -2'],
  ['alma(offset: 1.5)', 'offset: must be from 0 to 1, got 1.5'],
  ['alma(offset: -0.1)', 'offset: must be from 0 to 1, got -0.1'],
  ['alma(sigma: 0)', 'sigma: must be above 0 and at most 1000, got 0'],
  ['alma(sigma: 1e400)', 'sigma: must be a finite number, got Infinity'],
  ['emv(volumeDivisor: 0)', 'volumeDivisor: must be above 0 and at most 1000000000000, got 0'],
  ['emv(volumeDivisor: -10000)', 'volumeDivisor: must be above 0 and at most 1000000000000, got -10000'],
  ['tdi(multiple: 0)', 'multiple: must be above 0 and at most 100, got 0'],
  ['tdi(period: 20, multiple: 0.01)', 'multiple: must make period × multiple at least 1, got 0.01'],
  // A ticker: malformed or hostile, refused before any lookup.
  ['beta(benchmark: "")', 'benchmark: must not be empty'],
  ['beta(benchmark: "X;DROP--")', 'benchmark: may contain only letters, digits'],
  ['beta(benchmark: "ABCDEFGHIJKLMNOPQ")', 'benchmark: must be at most 16 characters'],
])('%s is refused', async (field, message) => {
  const name = field.slice(0, field.indexOf('(')) as IndicatorName;
  const points = INDICATORS[name].point.fields[0];
  t.statements.length = 0;
  const result = await executeText(t.app, `{ etf(ticker: "VAL") { indicators { ${field} { ${points} } } } }`);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toContain(message);
  expect(result.errors?.[0]?.path).toEqual(['etf', 'indicators', name]);
  // Only the ETF lookup ran; no history was read, nothing was computed.
  expect(t.statements).toHaveLength(1);
});

it('refuses a missing required period at validation time', async () => {
  const result = await executeText(t.app, '{ etf(ticker: "VAL") { indicators { sma { value } } } }');
  expect(result.errors?.[0]?.message).toMatch(/argument "period" of type "Int!" is required/);
});

it('refuses a bad window like prices does', async () => {
  const result = await executeText(
    t.app,
    '{ etf(ticker: "VAL") { indicators(from: "2024-03-01", to: "2024-01-01") { obv { value } } } }',
  );
  expect(result.errors?.[0]?.message).toMatch(/from: 2024-03-01 is after to/);
});

it('answers all-null points when the period is longer than the history', async () => {
  const result = await executeText(
    t.app,
    '{ etf(ticker: "VAL") { indicators(last: 3) { sma(period: 500) { date value } } } }',
  );
  const points = (result.data as { etf: { indicators: { sma: { value: number | null }[] } } }).etf.indicators.sma;
  expect(points).toHaveLength(3);
  expect(points.every((p) => p.value === null)).toBe(true);
});

it('refuses an unknown benchmark, naming it, before reading any bars', async () => {
  t.statements.length = 0;
  const result = await executeText(
    t.app,
    '{ etf(ticker: "VAL") { indicators { beta(benchmark: "nope") { beta } volatility { value } } } }',
  );
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toContain('benchmark: no ETF has the ticker NOPE');
  expect(result.errors?.[0]?.path).toEqual(['etf', 'indicators', 'beta']);
  // The ETF, the benchmark's id and the history volatility reads; beta read no bars.
  expect(t.statements.filter((sql) => sql.includes('/* etfs-by-ticker */'))).toHaveLength(1);
  expect(t.statements.filter((sql) => sql.includes('-bars'))).toHaveLength(1);
});

it.each([
  [
    'an unknown estimator',
    'volatility(estimator: PARABOLIC)',
    'Value "PARABOLIC" does not exist in "VolatilityEstimator" enum',
  ],
  [
    'an estimator as a string',
    'volatility(estimator: "CLOSE")',
    'Enum "VolatilityEstimator" cannot represent non-enum value',
  ],
  ['a float for an int list', 'kst(rocPeriods: [10.5])', 'Int cannot represent non-integer value: 10.5'],
  ['a period beyond 32 bits', 'ultimateOscillator(periods: [7, 14, 9999999999])', 'Int cannot represent non 32-bit'],
  ['a string for a weight', 'kst(weights: ["NaN", 2, 3, 4])', 'Float cannot represent non numeric value'],
])('refuses %s at validation time, before any SQL', async (_label, field, message) => {
  t.statements.length = 0;
  const result = await executeText(t.app, `{ etf(ticker: "VAL") { indicators { ${field} { date } } } }`);
  expect(result.errors?.[0]?.message).toContain(message);
  expect(t.statements).toHaveLength(0);
});

it('refuses hostile variables: NaN, huge lists', async () => {
  const query =
    'query($w: [Float!], $p: [Int!]) { etf(ticker: "VAL") { indicators { kst(weights: $w, rocPeriods: $p) { date } } } }';
  const nan = await executeText(t.app, query, { w: [1, 2, 3, Number.NaN] });
  expect(nan.errors?.[0]?.message).toMatch(/\$w/);
  t.statements.length = 0;
  // As many as an anonymous body may carry (MAX_BODY_BYTES_ANONYMOUS).
  const huge = await executeText(t.app, query, { p: Array.from({ length: 50_000 }, () => 10) });
  expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(huge.errors?.[0]?.message).toContain('rocPeriods: must hold 1 to 10 values, got 50000');
  expect(t.statements).toHaveLength(1);
});

it('checks values that GraphQL cannot send, for callers of the catalog', () => {
  expect(paramProblems('alma', { period: 9, offset: Number.NaN, sigma: 6 })).toEqual([
    { path: 'offset', message: 'must be a finite number, got NaN' },
  ]);
  expect(paramProblems('volatility', { period: 20, estimator: 'close', annualization: 252 })).toEqual([
    {
      path: 'estimator',
      message:
        'must be one of CLOSE, GARMAN_KLASS, PARKINSON, ROGERS_SATCHELL, GARMAN_KLASS_YANG_ZHANG, YANG_ZHANG, got close',
    },
  ]);
  expect(paramProblems('kst', { rocPeriods: [10], smaPeriods: [10], signal: 9, weights: [Number.NaN] })).toEqual([
    { path: 'weights[0]', message: 'must be a finite number, got NaN' },
  ]);
  expect(paramProblems('beta', { benchmark: 42, period: 60 } as never)).toEqual([
    { path: 'benchmark', message: 'must be a ticker' },
  ]);
});

// Bad indicator arguments: a clear error naming the argument, before any SQL
// for the indicator runs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEtfWithBars } from './fixtures.js';
import { executeText } from './graphql-client.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

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
])('%s is refused', async (field, message) => {
  const name = field.slice(0, field.indexOf('('));
  const points = name === 'macd' ? 'macd' : name === 'bollinger' ? 'upper' : name === 'stochastic' ? 'fastK' : 'value';
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

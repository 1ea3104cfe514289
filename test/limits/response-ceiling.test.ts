// The response ceiling: a response past MAX_RESPONSE_VALUES stops building at
// once and becomes one RESPONSE_TOO_LARGE error, whatever the estimate let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/yoga.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { executeText } from '../helpers/graphql-client.js';
import { TEN_TICKERS } from '../helpers/ten-etfs.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TEN_TICKERS) {
    await createEtfWithBars(t.db, ticker, '2020-01-01', '2024-12-31');
  }
});
afterAll(() => t.close());

describe('the response ceiling', () => {
  const small = () =>
    createApp({
      db: t.db,
      config: loadConfig({
        MAX_RESPONSE_VALUES_ANONYMOUS: '2000',
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      }),
    });

  it.each([
    ['prices', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 600) { date close } } }'],
    ['series', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { series(last: 600) { dates close } } }'],
    ['stored indicators', '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { rsi { value } } } }'],
    [
      'computed indicators',
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { wma(period: 3) { value } } } }',
    ],
    [
      'indicator columns',
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { indicators(last: 600) { columns { dates rsi { value } } } } }',
    ],
  ])('aborts a response past it (%s): one error, no partial data', async (_name, query) => {
    // 2 ETFs × 600 bars × 2 values = 2,400 > 2,000, though the estimate (1,200) passes.
    const result = await executeText(small(), query);
    expect(result).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: 2000 } })],
    });
  });

  it('answers one within it', async () => {
    const result = await executeText(
      small(),
      '{ etfsByTicker(tickers: ["SPY", "QQQ"]) { prices(last: 400) { date close } } }',
    );
    expect(result.errors).toBeUndefined();
  });
});

// The read ceiling of indicators computed on demand: the bars a request reads
// for them are counted, whole histories included, against its cost limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/yoga.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { TEN_TICKERS } from '../helpers/ten-etfs.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TEN_TICKERS) {
    await createEtfWithBars(t.db, ticker, '2020-01-01', '2024-12-31');
  }
});
afterAll(() => t.close());

describe('the read ceiling of indicators computed on demand', () => {
  // Each of the ten ETFs holds 1,305 bars. A computed indicator reads whole
  // histories however short its window: 3 × 1,305 = 3,915 bars read for a
  // response of 30 points, whose estimate (30) passes any limit.
  const app = () =>
    createApp({
      db: t.db,
      config: loadConfig({
        MAX_QUERY_COST_ANONYMOUS: '3000',
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      }),
    });
  const query = (tickers: string[]) =>
    `{ etfsByTicker(tickers: ${JSON.stringify(tickers)}) { ticker indicators(last: 10) { wma(period: 3) { value } sma(period: 7) { value } } } }`;

  it('refuses a request past it, whole, having read at most the limit and one row', async () => {
    const result = await executeText(app(), query(['SPY', 'QQQ', 'IWM']));
    expect(result).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'QUERY_TOO_COSTLY', limit: 3000 } })],
    });
    expect(result.errors?.[0]?.message).toMatch(/would read more than 3000 bars of history/);
  });

  it('answers one within it, and the general limit applies with a credential', async () => {
    const within = await executeText(app(), query(['SPY', 'QQQ']));
    expect(within.errors).toBeUndefined();
    expect(within.data?.etfsByTicker).toHaveLength(2);
    const keyed = await executeText(app(), query(['SPY', 'QQQ', 'IWM']), undefined, bearer(ADMIN_KEY));
    expect(keyed.errors).toBeUndefined();
  });

  it('counts every history read of a request: two intervals of 2 ETFs pass alone, not together', async () => {
    const both = `{ etfsByTicker(tickers: ["SPY", "QQQ"]) { d: indicators(last: 10) { wma(period: 3) { value } } w: indicators(last: 10, interval: WEEKLY) { wma(period: 3) { value } } a: indicators(last: 10, adjusted: true) { wma(period: 3) { value } } } }`;
    const result = await executeText(app(), both);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});

// The default set is stored in daily_indicator by the load path and served from
// there; it must be the kernels' numbers (to 1e-12 relative: see close-points.ts),
// and stay so when prices change.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/catalog.js';
import { STORED_INDICATORS } from '../../src/indicators/stored/default-set.js';
import type { PriceBar } from '../../src/prices/history.js';
import { toHistory } from '../../src/prices/history.js';
import { graphql } from '../gql/index.js';
import { expectPointsClose } from '../helpers/close-points.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, execute, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'PER', '2022-01-03', '2024-12-31');
});
afterAll(() => t.close());

const fieldFor = (entry: (typeof STORED_INDICATORS)[number]) => {
  const args = Object.entries(entry.params)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `${entry.indicator}(${args}) { date ${INDICATORS[entry.indicator].point.fields.join(' ')} }`;
};

async function served(windowArgs = '') {
  const fields = STORED_INDICATORS.map((entry, i) => `i${i}: ${fieldFor(entry)}`).join('\n');
  const result = await executeText(
    t.app,
    `{ etf(ticker: "PER") { prices { date open high low close volume } indicators${windowArgs} { ${fields} } } }`,
    undefined,
    // Every stored indicator over the whole history is above the anonymous cost limit.
    bearer(ADMIN_KEY),
  );
  expect(result.errors).toBeUndefined();
  return (
    result.data as { etf: { prices: Record<string, number>[]; indicators: Record<string, Record<string, unknown>[]> } }
  ).etf;
}

const IndicatorStoredChangeBar = graphql(`
  mutation IndicatorStoredChangeBar {
    loadPrices(ticker: "PER", bars: [{ date: "2023-05-01", open: 150, high: 190, low: 140, close: 180, volume: 5000000 }]) {
      updated
    }
  }
`);
const IndicatorStoredAppendBar = graphql(`
  mutation IndicatorStoredAppendBar {
    loadPrices(ticker: "PER", bars: [{ date: "2025-01-02", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) {
      inserted
    }
  }
`);

/** What the kernels give over the prices the API serves, as the API would serve it. */
function computed(prices: Record<string, number>[], entry: (typeof STORED_INDICATORS)[number]) {
  const { bars } = toHistory(prices as unknown as PriceBar[]);
  const outputs = INDICATORS[entry.indicator].compute(bars, entry.params) as Record<string, Float64Array>;
  return prices.map((bar, t) => ({
    date: bar.date,
    ...Object.fromEntries(
      INDICATORS[entry.indicator].point.fields.map((field) => {
        const value = outputs[field]?.[t] as number;
        return [field, Number.isFinite(value) ? value : null];
      }),
    ),
  }));
}

async function expectServedEqualsComputed() {
  const etf = await served();
  STORED_INDICATORS.forEach((entry, i) => {
    const label = `${entry.indicator} ${JSON.stringify(entry.params)}`;
    expectPointsClose(etf.indicators[`i${i}`] as Record<string, unknown>[], computed(etf.prices, entry), label);
  });
}

it('serves the stored default set, identical to the kernels', async () => {
  const stored = await t.db.pool.query('SELECT count(*)::int AS n FROM daily_indicator');
  const bars = await t.db.pool.query('SELECT count(*)::int AS n FROM daily_price');
  expect(stored.rows[0].n).toBe(bars.rows[0].n);
  await expectServedEqualsComputed();
});

it('really reads the stored rows (a value changed behind its back shows)', async () => {
  await t.db.pool.query("UPDATE daily_indicator SET sma_50 = 12345 WHERE date = '2024-06-03'");
  const etf = await served('(from: "2024-06-03", to: "2024-06-03")');
  expect(etf.indicators.i1).toEqual([{ date: '2024-06-03', value: 12345 }]);
  await t.db.pool.query(
    "UPDATE daily_indicator i SET sma_50 = (SELECT avg(close) FROM (SELECT close FROM daily_price WHERE etf_id = i.etf_id AND date <= '2024-06-03' ORDER BY date DESC LIMIT 50) w) WHERE date = '2024-06-03'",
  );
});

it('recomputes from a changed bar in the middle on, through loadPrices', async () => {
  const before = await t.db.pool.query(
    "SELECT date::text, sma_20, ema_12, rsi_14 FROM daily_indicator WHERE date < '2023-05-01' ORDER BY date",
  );
  const result = await execute(t.app, IndicatorStoredChangeBar, {}, bearer(ADMIN_KEY));
  expect(result.data).toEqual({ loadPrices: { updated: 1 } });
  await expectServedEqualsComputed();
  // Rows before the change are untouched.
  const after = await t.db.pool.query(
    "SELECT date::text, sma_20, ema_12, rsi_14 FROM daily_indicator WHERE date < '2023-05-01' ORDER BY date",
  );
  expect(after.rows).toEqual(before.rows);
});

it('extends the stored set when bars are appended', async () => {
  const result = await execute(t.app, IndicatorStoredAppendBar, {}, bearer(ADMIN_KEY));
  expect(result.data).toEqual({ loadPrices: { inserted: 1 } });
  await expectServedEqualsComputed();
});

it('fills in missing stored indicators at start-up (prices written without them)', async () => {
  const { queueLaggingRefreshes } = await import('../../src/indicators/stored/keep-current.js');
  const { runDueJobs } = await import('../../src/jobs/worker.js');
  await t.db.pool.query("DELETE FROM daily_indicator WHERE date >= '2024-03-01'");
  expect(await queueLaggingRefreshes(t.db.pool)).toBe(1);
  await runDueJobs(t.db.pool);
  await expectServedEqualsComputed();
  expect(await queueLaggingRefreshes(t.db.pool)).toBe(0);
});

// Splits and dividends: recorded and listed through the API, with adjusted
// prices and indicators that follow every change of an action or of a bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/catalog.js';
import { STORED_INDICATORS } from '../../src/indicators/stored/default-set.js';
import type { PriceBar } from '../../src/prices/history.js';
import { toHistory } from '../../src/prices/history.js';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { type Action, backAdjust } from '../helpers/back-adjust.js';
import { expectPointsClose } from '../helpers/close-points.js';
import { createEtfWithBars, snapshot } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let raw: BarInput[];
beforeAll(async () => {
  t = await createTestDatabase();
  raw = await createEtfWithBars(t.db, 'ADJ', '2021-01-04', '2024-12-31');
  await createEtfWithBars(t.db, 'PLAIN', '2024-01-01', '2024-12-31');
});
afterAll(() => t.close());

async function run(query: string) {
  const result = await executeText(t.app, query, undefined, bearer(ADMIN_KEY));
  return result as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function ok(query: string) {
  const result = await run(query);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

async function storedBars(ticker: string): Promise<PriceBar[]> {
  const etf = (await ok(`{ etf(ticker: "${ticker}") { prices { date open high low close volume } } }`)) as {
    etf: { prices: PriceBar[] };
  };
  return etf.etf.prices;
}

const storedFields = STORED_INDICATORS.map(
  (entry, i) =>
    `i${i}: ${entry.indicator}(${Object.entries(entry.params)
      .map(([key, value]) => `${key}: ${value}`)
      .join(
        ', ',
      )}) { date ${Object.keys(entry.columns).includes('value') ? 'value' : Object.keys(entry.columns).join(' ')} }`,
).join('\n');

/** Served adjusted prices and every stored indicator equal the oracle and the kernels over it. */
async function expectAdjusted(ticker: string, actions: Action[]) {
  const expected = backAdjust(await storedBars(ticker), actions);
  const served = (await ok(
    `{ etf(ticker: "${ticker}") { prices(adjusted: true) { date open high low close volume }
       indicators(adjusted: true) { ${storedFields} wma(period: 30) { date value } } } }`,
  )) as { etf: { prices: PriceBar[]; indicators: Record<string, Record<string, unknown>[]> } };
  expectPointsClose(served.etf.prices, expected, 'adjusted prices');

  const { bars } = toHistory(expected);
  STORED_INDICATORS.forEach((entry, i) => {
    const outputs = INDICATORS[entry.indicator].compute(bars, entry.params) as Record<string, Float64Array>;
    const fields = Object.keys(served.etf.indicators[`i${i}`]?.[0] ?? {}).filter((field) => field !== 'date');
    const wanted = expected.map((bar, t) => ({
      date: bar.date,
      ...Object.fromEntries(fields.map((field) => [field, finite(outputs[field]?.[t])])),
    }));
    expectPointsClose(served.etf.indicators[`i${i}`] ?? [], wanted, `adjusted ${entry.indicator}`, 1e-11);
  });
  const wma = INDICATORS.wma.compute(bars, { period: 30 }).value;
  const wmaWanted = expected.map((bar, t) => ({ date: bar.date, value: finite(wma[t]) }));
  expectPointsClose(served.etf.indicators.wma ?? [], wmaWanted, 'adjusted wma (on demand)', 1e-11);
}

const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : null);

describe('recording and listing', () => {
  it('records a split and a dividend and lists them, oldest first', async () => {
    const split = await ok('mutation { recordSplit(ticker: "adj", date: "2023-06-01", ratio: 4) { date ratio } }');
    expect(split).toEqual({ recordSplit: { date: '2023-06-01', ratio: 4 } });
    const prior = raw.filter((bar) => bar.date < '2022-03-15').at(-1) as BarInput;
    const dividend = await ok(
      'mutation { recordDividend(ticker: "ADJ", exDate: "2022-03-15", amount: 1.25) { exDate amount factor } }',
    );
    expect(dividend).toEqual({
      recordDividend: { exDate: '2022-03-15', amount: 1.25, factor: 1 - 1.25 / prior.close },
    });
    const listed = await ok(
      '{ etf(ticker: "ADJ") { splits { date ratio } dividends { exDate amount } corporateActions { kind date value priceFactor volumeFactor } } }',
    );
    expect(listed).toEqual({
      etf: {
        splits: [{ date: '2023-06-01', ratio: 4 }],
        dividends: [{ exDate: '2022-03-15', amount: 1.25 }],
        corporateActions: [
          { kind: 'DIVIDEND', date: '2022-03-15', value: 1.25, priceFactor: 1 - 1.25 / prior.close, volumeFactor: 1 },
          { kind: 'SPLIT', date: '2023-06-01', value: 4, priceFactor: 0.25, volumeFactor: 4 },
        ],
      },
    });
  });

  it('serves adjusted prices and adjusted indicators, stored and on demand', async () => {
    await expectAdjusted('ADJ', [
      { kind: 'DIVIDEND', date: '2022-03-15', value: 1.25 },
      { kind: 'SPLIT', date: '2023-06-01', value: 4 },
    ]);
  });

  it('leaves unadjusted prices and indicators as they were', async () => {
    const bars = await storedBars('ADJ');
    expect(bars.map(({ date, close }) => ({ date, close }))).toEqual(raw.map(({ date, close }) => ({ date, close })));
    const stored = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = 'ADJ' AND NOT adjusted",
    );
    expect(stored.rows[0].n).toBe(raw.length);
  });

  it('replaces an action recorded again on the same date', async () => {
    await ok('mutation { recordSplit(ticker: "ADJ", date: "2023-06-01", ratio: 2) { ratio } }');
    await expectAdjusted('ADJ', [
      { kind: 'DIVIDEND', date: '2022-03-15', value: 1.25 },
      { kind: 'SPLIT', date: '2023-06-01', value: 2 },
    ]);
  });

  it('keeps adjusted values current when a bar before an action changes (the close before an ex-date)', async () => {
    const prior = raw.filter((bar) => bar.date < '2022-03-15').at(-1) as BarInput;
    await ok(
      `mutation { loadPrices(ticker: "ADJ", bars: [{ date: "${prior.date}", open: ${prior.open}, high: ${prior.high * 1.2}, low: ${prior.low}, close: ${prior.close * 1.2}, volume: ${prior.volume} }]) { updated } }`,
    );
    const listed = (await ok('{ etf(ticker: "ADJ") { dividends { factor } } }')) as {
      etf: { dividends: { factor: number }[] };
    };
    expect(listed.etf.dividends[0]?.factor).toBe(1 - 1.25 / (prior.close * 1.2));
    await expectAdjusted('ADJ', [
      { kind: 'DIVIDEND', date: '2022-03-15', value: 1.25 },
      { kind: 'SPLIT', date: '2023-06-01', value: 2 },
    ]);
  });

  it('carries adjusted indicators on when bars are appended after the last action', async () => {
    await ok(
      'mutation { loadPrices(ticker: "ADJ", bars: [{ date: "2025-01-02", open: 50, high: 52, low: 49, close: 51, volume: 1000 }, { date: "2025-01-03", open: 51, high: 53, low: 50, close: 52, volume: 1200 }]) { inserted } }',
    );
    await expectAdjusted('ADJ', [
      { kind: 'DIVIDEND', date: '2022-03-15', value: 1.25 },
      { kind: 'SPLIT', date: '2023-06-01', value: 2 },
    ]);
  });

  it('aggregates adjusted daily bars into weeks', async () => {
    const result = (await ok(
      '{ etf(ticker: "ADJ") { weekly: prices(adjusted: true, interval: WEEKLY, from: "2023-05-29", to: "2023-06-09") { date open high low close volume } daily: prices(adjusted: true, from: "2023-05-29", to: "2023-06-09") { date open high low close volume } } }',
    )) as { etf: { weekly: PriceBar[]; daily: PriceBar[] } };
    const week = result.etf.daily.filter((bar) => bar.date <= '2023-06-02');
    // The week of the split: its earlier days adjusted, its last day not.
    expect(result.etf.weekly[0]).toEqual({
      date: '2023-06-02',
      open: week[0]?.open,
      high: Math.max(...week.map((bar) => bar.high)),
      low: Math.min(...week.map((bar) => bar.low)),
      close: week.at(-1)?.close,
      volume: week.reduce((sum, bar) => sum + bar.volume, 0),
    });
  });

  it('deletes actions; with none left, adjusted equals raw and the adjusted rows are gone', async () => {
    expect(await ok('mutation { deleteSplit(ticker: "ADJ", date: "2023-06-01") }')).toEqual({ deleteSplit: true });
    expect(await ok('mutation { deleteSplit(ticker: "ADJ", date: "2023-06-01") }')).toEqual({ deleteSplit: false });
    await expectAdjusted('ADJ', [{ kind: 'DIVIDEND', date: '2022-03-15', value: 1.25 }]);
    expect(await ok('mutation { deleteDividend(ticker: "ADJ", exDate: "2022-03-15") }')).toEqual({
      deleteDividend: true,
    });
    await expectAdjusted('ADJ', []);
    const adjustedRows = await t.db.pool.query('SELECT count(*)::int AS n FROM daily_indicator WHERE adjusted');
    expect(adjustedRows.rows[0].n).toBe(0);
  });

  it('serves an ETF without actions the same adjusted or not', async () => {
    const both = (await ok(
      `{ etf(ticker: "PLAIN") { raw: prices { close } adjusted: prices(adjusted: true) { close }
         a: indicators { sma(period: 20) { value } } b: indicators(adjusted: true) { sma(period: 20) { value } } } }`,
    )) as { etf: Record<string, unknown> };
    expect(both.etf.adjusted).toEqual(both.etf.raw);
    expect(both.etf.b).toEqual(both.etf.a);
  });
});

describe('bad input is refused with a clear error and changes nothing', () => {
  it.each([
    ['an unknown ticker', 'recordSplit(ticker: "NOPE", date: "2023-06-01", ratio: 2) { ratio }', 'NOT_FOUND', /NOPE/],
    [
      'a zero ratio',
      'recordSplit(ticker: "ADJ", date: "2023-06-01", ratio: 0) { ratio }',
      'BAD_USER_INPUT',
      /ratio: must be above 0/,
    ],
    [
      'a negative ratio',
      'recordSplit(ticker: "ADJ", date: "2023-06-01", ratio: -2) { ratio }',
      'BAD_USER_INPUT',
      /ratio/,
    ],
    [
      'a ratio of 1',
      'recordSplit(ticker: "ADJ", date: "2023-06-01", ratio: 1) { ratio }',
      'BAD_USER_INPUT',
      /not a split/,
    ],
    [
      'an absurd ratio',
      'recordSplit(ticker: "ADJ", date: "2023-06-01", ratio: 1e9) { ratio }',
      'BAD_USER_INPUT',
      /between/,
    ],
    [
      'a zero dividend',
      'recordDividend(ticker: "ADJ", exDate: "2023-06-01", amount: 0) { amount }',
      'BAD_USER_INPUT',
      /amount: must be above 0/,
    ],
    [
      'a dividend above the close',
      'recordDividend(ticker: "ADJ", exDate: "2023-06-01", amount: 10000) { amount }',
      'BAD_USER_INPUT',
      /not below the close before its ex-date/,
    ],
    ['a bad date', 'recordSplit(ticker: "ADJ", date: "2023-02-30", ratio: 2) { ratio }', undefined, /Date/],
    [
      'a hostile ticker',
      `recordSplit(ticker: "x'; DROP TABLE etf; --", date: "2023-06-01", ratio: 2) { ratio }`,
      'BAD_USER_INPUT',
      /ticker/,
    ],
  ])('%s', async (_name, mutation, code, message) => {
    const before = await snapshot(t.db);
    const result = await run(`mutation { ${mutation} }`);
    expect(result.data?.[mutation.split('(')[0] as string] ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(message);
    if (code) expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a load that would put the close before an ex-date at or below its dividend', async () => {
    const prior = raw.filter((bar) => bar.date < '2024-06-03').at(-1) as BarInput;
    await ok(`mutation { recordDividend(ticker: "ADJ", exDate: "2024-06-03", amount: ${prior.close / 2}) { amount } }`);
    const before = await snapshot(t.db);
    const result = await run(
      `mutation { loadPrices(ticker: "ADJ", bars: [{ date: "${prior.date}", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { updated } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/dividend .* ex 2024-06-03 is not below the close/);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('actions close together', () => {
  // Each bar takes the factors of the first action after its date, found by a
  // binary search over the ETF's actions: a split and a dividend on one date,
  // a bar on an action's date, and actions on consecutive days are its edges.
  it('adjusts as the definition says', async () => {
    await ok('mutation { recordSplit(ticker: "PLAIN", date: "2024-06-03", ratio: 3) { ratio } }');
    await ok('mutation { recordDividend(ticker: "PLAIN", exDate: "2024-06-03", amount: 0.5) { amount } }');
    await ok('mutation { recordDividend(ticker: "PLAIN", exDate: "2024-06-04", amount: 0.25) { amount } }');
    await ok('mutation { recordSplit(ticker: "PLAIN", date: "2024-12-31", ratio: 0.5) { ratio } }');
    await expectAdjusted('PLAIN', [
      { kind: 'SPLIT', date: '2024-06-03', value: 3 },
      { kind: 'DIVIDEND', date: '2024-06-03', value: 0.5 },
      { kind: 'DIVIDEND', date: '2024-06-04', value: 0.25 },
      { kind: 'SPLIT', date: '2024-12-31', value: 0.5 },
    ]);
  });
});

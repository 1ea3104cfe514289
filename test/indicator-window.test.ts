// Window independence: the value on a date is the one computed over the whole
// history up to that date, whatever from/to/last or the other fields asked for.
// For every indicator, daily and weekly, a window in the middle of the history
// must equal the full-history values on the same dates; and the points must have
// exactly the dates of `prices` with the same arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_NAMES, INDICATORS, type ParamSpec } from '../src/indicators/catalog.js';
import { POINT_FIELDS } from '../src/indicators/indicator-points.js';
import { createEtfWithBars } from './fixtures.js';
import { graphql } from './gql/index.js';
import { bearer, executeOk, executeText } from './graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from './test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'WIN', '2019-01-01', '2024-12-31');
});
afterAll(() => t.close());

/** Short periods so that weekly series (about 310 bars) leave the warm-up well before the window. */
function fieldFor(name: (typeof INDICATOR_NAMES)[number]): string {
  const spec = INDICATORS[name];
  const args = (spec.params as ParamSpec[])
    .map((param) => {
      const value =
        { fast: 5, slow: 13, signal: 4, stdDev: 2.5, kPeriod: 9, dPeriod: 3, slowDPeriod: 2 }[param.name] ?? 10;
      return `${param.name}: ${value}`;
    })
    .join(', ');
  const fields = POINT_FIELDS[spec.point].join(' ');
  return `${name}${args ? `(${args})` : ''} { date ${fields} }`;
}

type Points = Record<string, Array<{ date: string } & Record<string, number | null>>>;

async function indicators(windowArgs: string): Promise<{ prices: { date: string }[]; indicators: Points }> {
  const fields = INDICATOR_NAMES.map(fieldFor).join('\n');
  const result = await executeText(
    t.app,
    `{ etf(ticker: "WIN") { prices(${windowArgs}) { date } indicators(${windowArgs}) { ${fields} } } }`,
    undefined,
    // Every indicator over the whole history costs more than a request without credentials may.
    bearer(ADMIN_KEY),
  );
  expect(result.errors).toBeUndefined();
  return (result.data as { etf: { prices: { date: string }[]; indicators: Points } }).etf;
}

describe.each(['DAILY', 'WEEKLY'])('%s', (interval) => {
  it('gives every indicator the same values in a middle window as over the whole history', async () => {
    const full = await indicators(`interval: ${interval}`);
    const windows = [
      `interval: ${interval}, from: "2022-03-09", to: "2022-09-14"`,
      `interval: ${interval}, to: "2023-06-30", last: 7`,
    ];
    for (const args of windows) {
      const part = await indicators(args);
      expect(part.prices.length).toBeGreaterThan(5);
      for (const name of INDICATOR_NAMES) {
        const points = part.indicators[name] ?? [];
        // Same dates as prices with the same arguments: one axis for every series.
        expect(
          points.map((p) => p.date),
          name,
        ).toEqual(part.prices.map((p) => p.date));
        const byDate = new Map((full.indicators[name] ?? []).map((p) => [p.date, p]));
        for (const point of points) {
          // The last bar of a weekly window may be a partial week cut at `to`;
          // earlier ones must match the full history exactly.
          if (interval === 'WEEKLY' && point.date === points.at(-1)?.date && args.includes('to:')) continue;
          expect(point, `${name} on ${point.date} (${args})`).toEqual(byDate.get(point.date));
        }
        // Past the warm-up, the window holds real numbers, not only nulls.
        expect(
          points.some((p) => Object.values(p).some((v) => typeof v === 'number')),
          name,
        ).toBe(true);
      }
    }
  });
});

const IndicatorWindowEmaAlone = graphql(`
  query IndicatorWindowEmaAlone { etf(ticker: "WIN") { indicators(last: 5) { ema(period: 10) { date value } } } }
`);
const IndicatorWindowEmaTogether = graphql(`
  query IndicatorWindowEmaTogether {
    etf(ticker: "WIN") { indicators(last: 5) { sma(period: 3) { value } ema(period: 10) { date value } macd { macd } } }
  }
`);

it('does not depend on the other fields of the request', async () => {
  const alone = await executeOk(t.app, IndicatorWindowEmaAlone);
  const together = await executeOk(t.app, IndicatorWindowEmaTogether);
  expect(alone.etf).not.toBeNull();
  expect(together.etf?.indicators.ema).toEqual(alone.etf?.indicators.ema);
});

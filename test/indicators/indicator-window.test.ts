// Window independence: the value on a date is the one computed over the whole
// history up to that date, whatever from/to/last or the other fields asked for.
// For every indicator, daily and weekly, a window in the middle of the history
// must equal the full-history values on the same dates; and the points must have
// exactly the dates of `prices` with the same arguments. Every indicator of the
// catalog is asked for, each value of an enum argument (volatility's
// estimators) as a field of its own; beta against a benchmark whose dates
// differ from the ETF's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { INDICATOR_NAMES, INDICATORS, type ParamSpec } from '../../src/indicators/catalog.js';
import { PARAM_ENUMS } from '../../src/indicators/params.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { createEtf, createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeOk, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'WIN', '2019-01-01', '2024-12-31');
  // beta's benchmark: a later start, and every 17th trading day missing, so the
  // dates are inner-joined, not zipped.
  await createEtf(t.db, 'BEN');
  const days = tradingDays('2019-02-01', '2024-12-31').filter((_, i) => i % 17 !== 5);
  await loadPrices(t.db, 'BEN', syntheticBars('BEN', days, { start: 50, drift: 0.04, volatility: 0.15, volume: 2e6 }));
  await runDueJobs(t.db.pool);
});
afterAll(() => t.close());

const WHOLE: Record<string, number> = { fast: 5, slow: 13, signal: 4, kPeriod: 9, dPeriod: 3, slowDPeriod: 2 };

/** An argument's value here: short periods, so that weekly series (about 310 bars) leave the warm-up well before the window. */
function argument(param: ParamSpec): string {
  switch (param.kind) {
    case 'int':
      return String(WHOLE[param.name] ?? (param.name === 'annualization' ? 52 : 10));
    case 'float':
      return String(param.name === 'stdDev' ? 2.5 : param.default);
    case 'ints':
    case 'floats':
      return JSON.stringify(param.default);
    case 'enum':
      return String(param.default);
    case 'ticker':
      return '"BEN"';
  }
}

/** The fields asking for one indicator, by alias: one per value of an enum argument. */
function fieldsFor(name: (typeof INDICATOR_NAMES)[number]): [string, string][] {
  const spec = INDICATORS[name];
  const { params } = spec;
  const args = (enumValue?: string) =>
    params
      .map((param) => `${param.name}: ${param.kind === 'enum' && enumValue ? enumValue : argument(param)}`)
      .join(', ');
  const selection = `{ date ${spec.point.fields.join(' ')} }`;
  const field = (enumValue?: string) => `${name}${params.length > 0 ? `(${args(enumValue)})` : ''} ${selection}`;
  const enumParam = params.find((param) => param.kind === 'enum');
  if (enumParam?.kind !== 'enum') return [[name, field()]];
  return Object.keys(PARAM_ENUMS[enumParam.enumName]).map((value) => [`${name}_${value}`, field(value)]);
}

const FIELDS = INDICATOR_NAMES.flatMap(fieldsFor);

type Points = Record<string, Array<{ date: string } & Record<string, number | null>>>;

/** Fields per request: every indicator over the whole history at once would cost more than even an admin key may. */
const PER_REQUEST = 15;

async function indicators(windowArgs: string): Promise<{ prices: { date: string }[]; indicators: Points }> {
  const merged: { prices: { date: string }[]; indicators: Points } = { prices: [], indicators: {} };
  for (let i = 0; i < FIELDS.length; i += PER_REQUEST) {
    const fields = FIELDS.slice(i, i + PER_REQUEST)
      .map(([alias, field]) => `${alias}: ${field}`)
      .join('\n');
    const result = await executeText(
      t.app,
      `{ etf(ticker: "WIN") { prices(${windowArgs}) { date } indicators(${windowArgs}) { ${fields} } } }`,
      undefined,
      // Indicators over the whole history cost more than a request without credentials may.
      bearer(ADMIN_KEY),
    );
    expect(result.errors).toBeUndefined();
    const { etf } = result.data as { etf: { prices: { date: string }[]; indicators: Points } };
    merged.prices = etf.prices;
    Object.assign(merged.indicators, etf.indicators);
  }
  return merged;
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
      for (const [name] of FIELDS) {
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

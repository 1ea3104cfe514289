import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { graphql } from '../gql/index.js';
import { createEtf, createEtfWithBars } from '../helpers/fixtures.js';
import { execute, executeOk } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let bars: BarInput[];

beforeAll(async () => {
  t = await createTestDatabase();
  bars = await createEtfWithBars(t.db, 'AAA', '2023-01-02', '2024-12-31');
  await createEtf(t.db, 'EMPTY');
});
afterAll(() => t.close());

const Prices = graphql(`
  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {
    etf(ticker: $ticker) {
      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }
      latestPrice { date close }
    }
  }
`);

const dates = (list: { date: string }[]) => list.map((bar) => bar.date);
const isoDate = (bar: BarInput) => String(bar.date);

describe('prices', () => {
  it('returns every daily bar in ascending order, values as loaded', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA' });
    expect(data.etf?.prices).toHaveLength(bars.length);
    expect(data.etf?.prices[0]).toEqual({ ...bars[0], date: isoDate(bars[0] as BarInput) });
    expect(dates(data.etf?.prices ?? [])).toEqual(bars.map(isoDate));
  });

  it('treats from and to as inclusive', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', from: '2024-03-04', to: '2024-03-08' });
    expect(dates(data.etf?.prices ?? [])).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
    ]);
  });

  it('takes last N bars up to `to`, still ascending', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', to: '2024-03-10', last: 3 });
    expect(dates(data.etf?.prices ?? [])).toEqual(['2024-03-06', '2024-03-07', '2024-03-08']);
  });

  it('combines from and last: the last N inside the window', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', from: '2024-12-30', last: 10 });
    expect(dates(data.etf?.prices ?? [])).toEqual(['2024-12-30', '2024-12-31']);
  });

  it('gives [] outside the data and for an ETF without bars; latestPrice null there', async () => {
    const before = await executeOk(t.app, Prices, { ticker: 'AAA', to: '2000-01-01' });
    expect(before.etf?.prices).toEqual([]);
    const empty = await executeOk(t.app, Prices, { ticker: 'EMPTY' });
    expect(empty.etf).toEqual({ prices: [], latestPrice: null });
  });

  it('has latestPrice equal to the last daily bar', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', last: 1 });
    const last = bars.at(-1) as BarInput;
    expect(data.etf?.latestPrice).toEqual({ date: isoDate(last), close: last.close });
  });

  it.each([
    ['from after to', { from: '2024-02-01', to: '2024-01-01' }, /from: 2024-02-01 is after to/],
    ['last of 0', { last: 0 }, /last: must be between 1 and 20000/],
    ['negative last', { last: -5 }, /last: must be between 1 and 20000/],
    ['huge last', { last: 1_000_000 }, /last: must be between 1 and 20000/],
  ])('rejects %s with BAD_USER_INPUT', async (_name, args, message) => {
    const result = await execute(t.app, Prices, { ticker: 'AAA', ...args });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it.each(['2024-13-01', '2024-02-30', '24-01-01', 'yesterday', '2024-01-01T00:00:00Z'])(
    'rejects the malformed date %s',
    async (from) => {
      const result = await execute(t.app, Prices, { ticker: 'AAA', from });
      expect(result.errors?.[0]?.message).toMatch(/Date cannot represent/);
      expect(result.data ?? null).toBeNull();
    },
  );
});

/** The aggregation rule, written independently of the SQL: group by period key. */
function aggregate(list: BarInput[], periodKey: (date: string) => string) {
  const periods = new Map<string, BarInput[]>();
  for (const bar of list) {
    const key = periodKey(isoDate(bar));
    periods.set(key, [...(periods.get(key) ?? []), bar]);
  }
  return [...periods.values()].map((period) => ({
    date: isoDate(period.at(-1) as BarInput),
    open: (period[0] as BarInput).open,
    high: Math.max(...period.map((bar) => bar.high)),
    low: Math.min(...period.map((bar) => bar.low)),
    close: (period.at(-1) as BarInput).close,
    volume: period.reduce((sum, bar) => sum + bar.volume, 0),
  }));
}

const isoWeekMonday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
};

describe('weekly and monthly bars', () => {
  it('aggregates ISO weeks: first open, max high, min low, last close, summed volume, last date', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', interval: 'WEEKLY' });
    expect(data.etf?.prices).toEqual(aggregate(bars, isoWeekMonday));
  });

  it('aggregates calendar months', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', interval: 'MONTHLY' });
    expect(data.etf?.prices).toEqual(aggregate(bars, (date) => date.slice(0, 7)));
  });

  it('keeps whole periods when `from` falls inside one, and cuts the last at `to`', async () => {
    // 2024-03-06 is a Wednesday: that week starts on Monday 2024-03-04.
    const data = await executeOk(t.app, Prices, {
      ticker: 'AAA',
      interval: 'WEEKLY',
      from: '2024-03-06',
      to: '2024-03-13',
    });
    const inRange = bars.filter((bar) => isoDate(bar) >= '2024-03-04' && isoDate(bar) <= '2024-03-13');
    expect(data.etf?.prices).toEqual(aggregate(inRange, isoWeekMonday));
    expect(dates(data.etf?.prices ?? [])).toEqual(['2024-03-08', '2024-03-13']);
  });

  it('leaves out a period whose last trading day is before `from`', async () => {
    // Saturday 2024-03-09: the week of 03-04 ended on Friday 03-08, before it.
    const data = await executeOk(t.app, Prices, {
      ticker: 'AAA',
      interval: 'WEEKLY',
      from: '2024-03-09',
      to: '2024-03-15',
    });
    expect(dates(data.etf?.prices ?? [])).toEqual(['2024-03-15']);
  });

  it('counts last N in periods', async () => {
    const data = await executeOk(t.app, Prices, { ticker: 'AAA', interval: 'MONTHLY', last: 3 });
    expect(dates(data.etf?.prices ?? [])).toEqual(['2024-10-31', '2024-11-29', '2024-12-31']);
  });
});

// The demo ends on the last weekday before today, and a database seeded on an
// earlier day (an old .data/) is brought up to date on the next start: the demo
// ETFs' series go on from their last close, through loadPrices, with holdings
// for the quarter ends since; an ETF of the user's own is never touched.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { DEMO_ETFS, demoFirstDate, demoLastDate } from '../../src/demo/demo-etfs.js';
import { demoQuarterEndsBetween } from '../../src/demo/demo-holdings.js';
import { seedDemoData, seedDemoHoldings } from '../../src/demo/seed-demo.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { prepareDatabase } from '../../src/startup/prepare-database.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

describe('the demo calendar', () => {
  it('ends on the last weekday before today (UTC) that is not a fixed holiday', () => {
    expect(demoLastDate(new Date('2026-12-14T00:30:00Z'))).toBe('2026-12-11'); // a Monday: the Friday
    expect(demoLastDate(new Date('2026-12-16T23:59:00Z'))).toBe('2026-12-15');
    expect(demoLastDate(new Date('2026-12-26T12:00:00Z'))).toBe('2026-12-24'); // the 25th has no bar
    expect(demoLastDate(new Date('2027-01-02T12:00:00Z'))).toBe('2026-12-31');
  });

  it('starts ten years earlier, as the fixed demo did', () => {
    expect(demoFirstDate('2025-12-31')).toBe('2016-01-04');
    expect(demoFirstDate('2026-12-11')).toBe('2016-12-12');
  });

  it('has quarter ends between two dates, the later one included', () => {
    expect(demoQuarterEndsBetween('2025-12-31', '2026-12-11')).toEqual(['2026-03-31', '2026-06-30', '2026-09-30']);
    expect(demoQuarterEndsBetween('2026-09-30', '2026-12-31')).toEqual(['2026-12-31']);
    expect(demoQuarterEndsBetween('2026-12-11', '2026-12-14')).toEqual([]);
  });
});

const OLD_LAST = '2025-12-31';
const last = demoLastDate();
let url: string;
let db: Database;
const lines: string[] = [];
type Bar = { date: string; open: number; high: number; low: number; close: number; volume: string };
let before: Map<string, Bar[]>;

async function bars(ticker: string): Promise<Bar[]> {
  const { rows } = await db.pool.query<Bar>(
    `SELECT p.date::text AS date, open, high, low, close, volume::text AS volume
     FROM daily_price p JOIN etf e ON e.id = p.etf_id WHERE e.ticker = $1 ORDER BY p.date`,
    [ticker],
  );
  return rows;
}

async function snapshots(ticker: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ as_of: string }>(
    `SELECT s.as_of::text FROM holding_snapshot s JOIN etf e ON e.id = s.etf_id WHERE e.ticker = $1 ORDER BY s.as_of`,
    [ticker],
  );
  return rows.map((row) => row.as_of);
}

/** What `npm start` does to the database, with the demo on. */
async function start(): Promise<void> {
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const prepared = await prepareDatabase(url, loadConfig({ DATABASE_URL: url, SEED_DEMO: 'true' }), logger);
  await prepared.close();
}

beforeAll(async () => {
  // A database as an older etfql left it: the demo seeded as of 2025-12-31,
  // and one ETF of the user's own beside it.
  url = await createEmptyDatabase();
  await applyMigrations(url);
  db = createDatabase(url, { poolSize: 2 });
  await seedDemoData(db, OLD_LAST);
  await seedDemoHoldings(db, OLD_LAST);
  await createEtfWithBars(db, 'MINE', '2024-01-02', '2025-06-30');
  before = new Map();
  for (const ticker of ['SPY', 'TLT', 'MINE']) before.set(ticker, await bars(ticker));
  await start();
}, 300_000);

afterAll(() => db?.close());

it('brings every demo ETF up to the last weekday before today, keeping its history', async () => {
  expect(last > OLD_LAST).toBe(true);
  const { rows } = await db.pool.query<{ ticker: string; first: string; last: string }>(
    `SELECT e.ticker, min(p.date)::text AS first, max(p.date)::text AS last
     FROM etf e JOIN daily_price p ON p.etf_id = e.id WHERE e.ticker <> 'MINE' GROUP BY e.ticker`,
  );
  expect(rows).toHaveLength(DEMO_ETFS.length);
  for (const row of rows) expect(row, row.ticker).toEqual({ ticker: row.ticker, first: '2016-01-04', last });
  const spy = await bars('SPY');
  expect(spy.slice(0, before.get('SPY')?.length)).toEqual(before.get('SPY'));
  expect(spy.length - (before.get('SPY')?.length ?? 0)).toBe(tradingDays('2026-01-01', last).length);
  expect(lines.join('')).toContain('brought the demo data up to date');
});

it('goes on from the last close, without a jump, the same bars for the same day', async () => {
  const days = tradingDays('2026-01-01', last);
  for (const ticker of ['SPY', 'TLT']) {
    const old = before.get(ticker) as Bar[];
    const lastClose = (old.at(-1) as Bar).close;
    const appended = (await bars(ticker)).slice(old.length);
    const demo = DEMO_ETFS.find((etf) => etf.ticker === ticker);
    const expected = syntheticBars(
      ticker,
      days,
      { ...(demo?.synthetic as NonNullable<typeof demo>['synthetic']), start: lastClose },
      `${ticker}|${days[0]}`,
    );
    expect(appended.map(({ volume, ...bar }) => ({ ...bar, volume: Number(volume) }))).toEqual(expected);
    // The first new open is a day's move away from the last close, as any other day's.
    expect(Math.abs(Math.log((appended[0] as Bar).open / lastClose))).toBeLessThan(0.05);
  }
});

it('keeps the stored indicators and holdings current, quarter ends only', async () => {
  const { rows } = await db.pool.query<{ last: string }>(
    `SELECT max(i.date)::text AS last FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = 'SPY'`,
  );
  expect(rows[0]?.last).toBe(last);
  expect(await snapshots('SPY')).toEqual(['2025-09-30', OLD_LAST, ...demoQuarterEndsBetween(OLD_LAST, last)]);
});

it("never touches an ETF of the user's own", async () => {
  expect(await bars('MINE')).toEqual(before.get('MINE'));
  expect(await snapshots('MINE')).toEqual([]);
});

it('adds nothing on a start the same day', async () => {
  const spy = await bars('SPY');
  const held = await snapshots('SPY');
  lines.length = 0;
  await start();
  expect(await bars('SPY')).toEqual(spy);
  expect(await snapshots('SPY')).toEqual(held);
  expect(lines.join('')).not.toContain('brought the demo data up to date');
}, 60_000);

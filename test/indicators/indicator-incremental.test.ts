// Incremental maintenance of the stored indicators: appending bars carries each
// recursive indicator's state on from the last stored row, and changing a bar
// in the middle recomputes from that date; either way the stored rows equal a
// full recomputation over the whole history to 1e-12.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/transaction.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { lockEtfId } from '../../src/etfs/lock-etf.js';
import { refreshSeries } from '../../src/indicators/stored/refresh-stored.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { upsertBars } from '../../src/prices/upsert-bars.js';
import { type BarInput, validateBars } from '../../src/prices/validate-bars.js';
import { expectPointsClose } from '../helpers/close-points.js';
import { createEtf } from '../helpers/fixtures.js';
import { storedAndFull as storedAndFullOf } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let bars: BarInput[];
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'INC');
  // 1,500 bars: past every warm-up (SMA 200, MACD's signal) by far.
  bars = syntheticBars('INC', tradingDays('2019-01-01', '2025-12-31').slice(0, 1700), {
    start: 80,
    drift: 0.04,
    volatility: 0.25,
    volume: 2e6,
  });
  await loadPrices(t.db, 'INC', bars.slice(0, 1500));
});
afterAll(() => t.close());

const storedAndFull = () => storedAndFullOf(t.db, 'INC');

/** The transaction that last wrote each stored row: rows that were not rewritten keep theirs. */
async function writers(): Promise<Map<string, string>> {
  const { rows } = await t.db.pool.query<{ date: string; xmin: string }>(
    'SELECT date::text AS date, xmin::text AS xmin FROM daily_indicator WHERE NOT adjusted',
  );
  return new Map(rows.map((row) => [row.date, row.xmin]));
}

/** How many rows dated before `date` a piece of work rewrote. */
async function rewrittenBefore(date: string, work: () => Promise<unknown>): Promise<number> {
  const before = await writers();
  await work();
  const after = await writers();
  return [...before].filter(([day, xmin]) => day < date && after.get(day) !== xmin).length;
}

it('appends one bar at a time, carrying state, equal to a full recomputation', async () => {
  const appended = bars.slice(1500, 1530);
  const rewritten = await rewrittenBefore((appended[0] as BarInput).date as string, async () => {
    for (const bar of appended) await loadPrices(t.db, 'INC', [bar]);
  });
  expect(rewritten).toBe(0);
  const { stored, full } = await storedAndFull();
  expect(stored).toHaveLength(1530);
  expectPointsClose(stored, full, 'after 30 single appends');
});

it('appends a block of bars incrementally', async () => {
  const rewritten = await rewrittenBefore((bars[1530] as BarInput).date as string, () =>
    loadPrices(t.db, 'INC', bars.slice(1530, 1600)),
  );
  expect(rewritten).toBe(0);
  const { stored, full } = await storedAndFull();
  expect(stored).toHaveLength(1600);
  expectPointsClose(stored, full, 'after a block append');
});

it('recomputes from a bar changed in the middle on, and leaves earlier rows alone', async () => {
  const changed = bars[900] as BarInput;
  const before = await t.db.pool.query(`SELECT * FROM daily_indicator WHERE date < $1 ORDER BY date`, [changed.date]);
  const rewritten = await rewrittenBefore(changed.date as string, () =>
    loadPrices(t.db, 'INC', [{ ...changed, close: changed.close * 1.05, high: changed.high * 1.05 }]),
  );
  expect(rewritten).toBe(0);
  const after = await t.db.pool.query(`SELECT * FROM daily_indicator WHERE date < $1 ORDER BY date`, [changed.date]);
  expect(after.rows).toEqual(before.rows);
  const { stored, full } = await storedAndFull();
  expectPointsClose(stored, full, 'after a change in the middle');
});

it('recomputes the whole history when the state it would carry on is missing', async () => {
  await t.db.pool.query("DELETE FROM daily_indicator WHERE date BETWEEN '2023-01-02' AND '2023-01-31'");
  const etf = await t.db.prisma.etf.findUniqueOrThrow({ where: { ticker: 'INC' } });
  const rewritten = await rewrittenBefore('2023-01-02', () =>
    withTransaction(t.db.pool, (client) => refreshSeries(client, false, [{ etfId: etf.id, from: '2023-02-01' }])),
  );
  // Every row is rewritten, the first bar's included.
  expect(rewritten).toBe((await storedAndFull()).stored.filter((row) => (row.date as string) < '2023-01-02').length);
  const { stored, full } = await storedAndFull();
  expect(stored).toHaveLength(1600);
  expectPointsClose(stored, full, 'after a fallback to the full history');
});

it('changes nothing when a load changes nothing', async () => {
  const rewritten = await rewrittenBefore('9999-12-31', () => loadPrices(t.db, 'INC', bars.slice(1590, 1600)));
  expect(rewritten).toBe(0);
});

it('serializes writers of one ETF, so that the stored indicators see both loads', async () => {
  // A first load holds its transaction open after writing; a second one starts
  // meanwhile. Without the ETF lock it would compute its indicators without
  // the first load's bars.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const first = withTransaction(t.db.pool, async (client) => {
    const etfId = await lockEtfId(client, 'INC');
    await upsertBars(client, [{ etfId, bars: validateBars(bars.slice(1600, 1650)) }]);
    await held;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const second = loadPrices(t.db, 'INC', bars.slice(1650, 1700));
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  await Promise.all([first, second]);
  const { stored, full } = await storedAndFull();
  expect(stored).toHaveLength(1700);
  expectPointsClose(stored, full, 'after overlapping loads');
});

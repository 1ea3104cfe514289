// The demo's synthetic holdings: shaped like real funds (hundreds of
// positions, overlapping large caps, a fund of funds over other demo ETFs),
// with valid identifiers (checked by the test helper's own check digits),
// the same on every run, and never given to an ETF the demo did not seed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cusipCheck, isinCheck } from '../../bench/holdings-files.js';
import { DEMO_ETFS, demoLastDate } from '../../src/demo/demo-etfs.js';
import { demoHoldingDates, demoPositions } from '../../src/demo/demo-holdings.js';
import { seedDemoHoldings } from '../../src/demo/seed-demo.js';
import { graphql } from '../gql/index.js';
import { createEtf } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const DEMO_NOTE = 'Demo data: the metadata is real; the holdings are SYNTHETIC.';

beforeAll(async () => {
  t = await createTestDatabase();
  for (const etf of DEMO_ETFS) await createEtf(t.db, etf.ticker, { description: DEMO_NOTE });
  await createEtf(t.db, 'MINE', { description: 'A fund of my own' });
}, 60_000);
afterAll(() => t.close());

it('is the same on every run, with valid identifiers and weights that add up to 100', () => {
  for (const { ticker } of DEMO_ETFS) {
    for (const asOf of demoHoldingDates()) {
      const positions = demoPositions(ticker, asOf);
      expect(positions, ticker).not.toBeNull();
      expect(demoPositions(ticker, asOf)).toEqual(positions);
      const sum = (positions ?? []).reduce((total, p) => total + p.weight, 0);
      expect(Math.abs(sum - 100), ticker).toBeLessThan(0.01);
      for (const p of positions ?? []) {
        if (p.cusip) expect(p.cusip.slice(8)).toBe(cusipCheck(p.cusip.slice(0, 8)));
        if (p.isin) expect(p.isin.slice(11)).toBe(isinCheck(p.isin.slice(0, 11)));
      }
    }
  }
  expect(demoPositions('MINE', demoLastDate())).toBeNull();
});

it('seeds the demo ETFs only, once', async () => {
  const written = await seedDemoHoldings(t.db);
  expect(written).toBeGreaterThan(10_000);
  expect(await seedDemoHoldings(t.db)).toBe(0);
  const { rows } = await t.db.pool.query<{ ticker: string; snapshots: number }>(
    `SELECT e.ticker, count(s.id)::int AS snapshots FROM etf e LEFT JOIN holding_snapshot s ON s.etf_id = e.id
     GROUP BY e.ticker ORDER BY e.ticker`,
  );
  for (const row of rows) expect(row.snapshots, row.ticker).toBe(row.ticker === 'MINE' ? 0 : 2);
  const source = await t.db.pool.query('SELECT DISTINCT source FROM holding_snapshot');
  expect(source.rows).toEqual([{ source: 'DEMO' }]);
});

const DemoShape = graphql(`
  query DemoShape {
    spy: etf(ticker: "SPY") { holdings(first: 1) { totalCount } }
    vti: etf(ticker: "VTI") { holdings(first: 1) { totalCount } }
    aor: etf(ticker: "AOR") {
      holdings { edges { node { etf { ticker } } } }
      exposure(by: ASSET_CLASS, lookThrough: true) { key weight }
    }
    overlap(tickers: ["SPY", "VOO", "QQQ", "XLK", "AGG"]) { a { ticker } b { ticker } overlap }
  }
`);

it('looks like real funds: hundreds of positions, overlapping large caps, a fund of funds', async () => {
  const data = await executeOk(t.app, DemoShape);
  expect(data.spy?.holdings.totalCount).toBe(501);
  expect(data.vti?.holdings.totalCount).toBeGreaterThan(1_000);
  expect(data.aor?.holdings.edges.map((edge) => edge.node.etf?.ticker ?? null)).toEqual([
    'AGG',
    'VTI',
    'EFA',
    'EEM',
    'TLT',
    null,
  ]);
  const classes = new Map(data.aor?.exposure.map((slice) => [slice.key, slice.weight]));
  expect(classes.get('FUND')).toBeUndefined();
  expect(classes.get('EQUITY')).toBeGreaterThan(50);
  expect(classes.get('FIXED_INCOME')).toBeGreaterThan(35);
  const overlap = new Map(data.overlap.map((pair) => [`${pair.a.ticker}-${pair.b.ticker}`, pair.overlap]));
  expect(overlap.get('SPY-VOO')).toBeGreaterThan(90);
  expect(overlap.get('QQQ-XLK')).toBeGreaterThan(20);
  // Stocks and bonds share nothing but cash.
  expect(overlap.get('SPY-AGG')).toBeLessThan(1);
  const holders = await executeText(t.app, '{ holders(security: "ZAAA") { etf { ticker } } }');
  expect((holders.data?.holders as unknown[] | undefined)?.length).toBeGreaterThanOrEqual(4);
});

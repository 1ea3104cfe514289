// A page of a screen is one SQL statement, for 5 ETFs as for 40, latest or as
// of an earlier date, first page or next (a control shows the count would see
// more). The stored indicators are respected: while an ETF's stored set lags
// its bars (a large load whose job has not run), its values are computed, and
// the answer is the one given once the job has run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { refreshBehindLatestMetrics } from '../../src/performance/latest-metrics.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import type { ScreenFilter } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { createEtf } from '../helpers/fixtures.js';
import { executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const days = tradingDays('2024-06-03', '2025-12-31');

async function fund(ticker: string, series = days) {
  await createEtf(t.db, ticker, { assetClass: ticker < 'F20' ? 'EQUITY' : 'FIXED_INCOME' });
  await loadPrices(
    t.db,
    ticker,
    syntheticBars(ticker, series, { start: 50, drift: 0.05, volatility: 0.3, volume: 1e6 }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (let i = 0; i < 5; i++) await fund(`F${String(i).padStart(2, '0')}`);
}, 120_000);
afterAll(() => t.close());

const BatchScreen = graphql(`
  query BatchScreen($where: ScreenFilter!, $asOf: Date, $after: String) {
    screen(where: $where, orderBy: [{ metric: RSI_14, direction: DESC }], first: 3, asOf: $asOf, after: $after) {
      totalCount
      edges { cursor date node { ticker } values { metric value } }
      pageInfo { endCursor }
    }
  }
`);

const WholeScreen = graphql(`
  query WholeScreen($where: ScreenFilter!) {
    screen(where: $where, orderBy: [{ metric: RSI_14 }, { metric: MACD_HISTOGRAM }], first: 100) {
      totalCount
      edges { date node { ticker } values { metric value } }
    }
  }
`);

const WHERE: ScreenFilter = {
  and: [
    { assetClass: ['EQUITY', 'FIXED_INCOME'] },
    { metric: 'RSI_14', gt: 0 },
    { metric: 'CLOSE', gtMetric: 'LOW_52W' },
    { metric: 'RETURN_1M', gt: -1 },
  ],
};

async function countPages(asOf?: string) {
  t.statements.length = 0;
  const first = await executeOk(t.app, BatchScreen, { where: WHERE, asOf });
  const afterFirst = t.statements.length;
  t.statements.length = 0;
  await executeOk(t.app, BatchScreen, { where: WHERE, asOf, after: first.screen.pageInfo.endCursor });
  return { first: afterFirst, next: t.statements.length, total: first.screen.totalCount };
}

describe('statements per page', () => {
  it('one, for 5 ETFs as for 40, latest or computed as of an earlier date', async () => {
    const few = { latest: await countPages(), earlier: await countPages('2025-09-30') };
    for (let i = 5; i < 40; i++) await fund(`F${String(i).padStart(2, '0')}`);
    const many = { latest: await countPages(), earlier: await countPages('2025-09-30') };
    expect(many.latest.total).toBe(40);
    expect(many.earlier.total).toBe(40);
    for (const counts of [few.latest, few.earlier, many.latest, many.earlier]) {
      expect(counts).toMatchObject({ first: 1, next: 1 });
    }
  }, 120_000);

  it('would see more: one screen per asOf costs one statement each (control)', async () => {
    const fields = ['2025-12-01', '2025-12-02', '2025-12-03']
      .map((date, i) => `s${i}: screen(where: { metric: RSI_14, gt: 0 }, asOf: "${date}") { totalCount }`)
      .join('\n');
    t.statements.length = 0;
    const result = await executeText(t.app, `{ ${fields} }`);
    expect(result.errors).toBeUndefined();
    expect(t.statements.length).toBe(3);
  });
});

describe('an ETF without a latest_metrics row (written before the table, or by hand)', () => {
  it('has its figures computed, to the same answer, in one more statement', async () => {
    const where: ScreenFilter = { metric: 'RETURN_1M', gt: -1 };
    const served = await executeOk(t.app, WholeScreen, { where });
    await t.db.pool.query(`DELETE FROM latest_metrics WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'F03')`);
    t.statements.length = 0;
    const computed = await executeOk(t.app, WholeScreen, { where });
    expect(t.statements.length).toBe(2);
    expect(computed).toEqual(served);
    await refreshBehindLatestMetrics(t.db.pool);
  });
});

describe('a stored set that lags its bars', () => {
  it('is computed meanwhile, to the values stored once the job has run', async () => {
    // Over 1,000 bars: the load commits its prices and leaves the indicators to a job.
    await fund('LAGGING', tradingDays('2020-01-02', '2025-12-31'));
    const { rows } = await t.db.pool.query<{ through: string | null }>(
      `SELECT stored_indicators_through::text AS through FROM etf WHERE ticker = 'LAGGING'`,
    );
    expect(rows[0]?.through).toBeNull();

    const where: ScreenFilter = { metric: 'SMA_200', gt: 0 };
    t.statements.length = 0;
    const pending = await executeOk(t.app, WholeScreen, { where });
    // The page, the lagging ETF's history, the page again with its values, and
    // its figures (its latest_metrics row waits for the same job).
    expect(t.statements.length).toBe(4);
    await runDueJobs(t.db.pool);
    t.statements.length = 0;
    const current = await executeOk(t.app, WholeScreen, { where });
    expect(t.statements.length).toBe(1);
    expect(current.screen.edges.map((edge) => edge.node.ticker)).toContain('LAGGING');
    expect(pending).toEqual(current);
  });
});

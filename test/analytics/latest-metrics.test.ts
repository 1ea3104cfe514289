// latest_metrics holds each ETF's figures as of its last bar, so that screens
// and Etf.performance read a row instead of a year of bars. It must never be
// stale: every write of bars or actions rewrites it in its own transaction (a
// large one drops it and leaves it to its job), and a figure served from it
// equals the same figure computed from the bars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { refreshBehindLatestMetrics } from '../../src/performance/latest-metrics.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { graphql } from '../gql/index.js';
import { backAdjust } from '../helpers/back-adjust.js';
import { type Bar, expectedPerformance, expectFigures } from '../helpers/expected-metrics.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { bearer, execute, executeOk } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const PARAMS = { start: 40, drift: 0.04, volatility: 0.3, volume: 5e5 };
const bars: Record<string, Bar[]> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [ticker, first] of [
    ['ALPHA', '2020-01-02'],
    ['BETA', '2025-06-02'],
  ] as const) {
    await createEtf(t.db, ticker);
    bars[ticker] = syntheticBars(ticker, tradingDays(first, '2025-12-31'), PARAMS) as Bar[];
    await loadPrices(t.db, ticker, bars[ticker] as Bar[]);
  }
  // ALPHA's load is large: its figures wait for its job, as its stored indicators do.
  await runDueJobs(t.db.pool);
}, 60_000);
afterAll(() => t.close());

const Figures = graphql(`
  query LatestFigures($tickers: [String!]!, $adjusted: Boolean) {
    etfsByTicker(tickers: $tickers) {
      ticker
      performance(adjusted: $adjusted) {
        asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y
        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W
      }
    }
  }
`);
const LoadBars = graphql(`
  mutation LoadBarsForMetrics($ticker: String!, $bars: [PriceBarInput!]!) {
    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }
  }
`);
const DeleteBars = graphql(`
  mutation DeleteBarsForMetrics($ticker: String!, $from: Date!, $to: Date!) {
    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }
  }
`);
const Split = graphql(`
  mutation SplitForMetrics($ticker: String!, $date: Date!, $ratio: Float!) {
    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }
  }
`);
const Unsplit = graphql(`
  mutation UnsplitForMetrics($ticker: String!, $date: Date!) { deleteSplit(ticker: $ticker, date: $date) }
`);
const DeleteEtf = graphql(`
  mutation DeleteEtfForMetrics($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }
`);
const admin = bearer(ADMIN_KEY);

const figures = async (tickers: string[], adjusted = true) =>
  (await executeOk(t.app, Figures, { tickers, adjusted })).etfsByTicker.map((etf) => etf?.performance ?? null);

const rows = async (ticker: string) =>
  (
    await t.db.pool.query<{ adjusted: boolean; date: string }>(
      `SELECT adjusted, date::text AS date FROM latest_metrics m JOIN etf e ON e.id = m.etf_id WHERE e.ticker = $1 ORDER BY adjusted`,
      [ticker],
    )
  ).rows;

describe('latest_metrics', () => {
  it('a figure read from a row is the figure computed from the bars, to the bit', async () => {
    const served = await figures(['ALPHA', 'BETA']);
    expect(await rows('ALPHA')).toEqual([{ adjusted: false, date: '2025-12-31' }]);
    await t.db.pool.query('DELETE FROM latest_metrics');
    // No row: the same statement computes them.
    expect(await figures(['ALPHA', 'BETA'])).toEqual(served);
    // Start-up writes the missing rows again.
    expect(await refreshBehindLatestMetrics(t.db.pool)).toBe(2);
    expect(await refreshBehindLatestMetrics(t.db.pool)).toBe(0);
    expect(await figures(['ALPHA', 'BETA'])).toEqual(served);
    expectFigures(served[0] as Record<string, unknown>, expectedPerformance(bars.ALPHA as Bar[]) ?? {}, 'ALPHA');
  });

  it('follows a load through the API in the same transaction', async () => {
    const next = { date: '2026-01-02', open: 50, high: 52, low: 49, close: 51.5, volume: 777 };
    await executeOk(t.app, LoadBars, { ticker: 'ALPHA', bars: [next] }, admin);
    bars.ALPHA = [...(bars.ALPHA as Bar[]), next];
    expect(await rows('ALPHA')).toEqual([{ adjusted: false, date: '2026-01-02' }]);
    const [alpha] = await figures(['ALPHA']);
    expectFigures(alpha as Record<string, unknown>, expectedPerformance(bars.ALPHA) ?? {}, 'ALPHA after a load');
  });

  it('follows a change in the middle of the history, which moves a base close', async () => {
    const changed = { ...(bars.ALPHA?.find((bar) => bar.date === '2025-01-02') as Bar), close: 12.25, low: 12 };
    await executeOk(t.app, LoadBars, { ticker: 'ALPHA', bars: [changed] }, admin);
    bars.ALPHA = (bars.ALPHA as Bar[]).map((bar) => (bar.date === changed.date ? changed : bar));
    const [alpha] = await figures(['ALPHA']);
    expectFigures(alpha as Record<string, unknown>, expectedPerformance(bars.ALPHA) ?? {}, 'ALPHA after a change');
  });

  it('follows a deletion of the last bars', async () => {
    await executeOk(t.app, DeleteBars, { ticker: 'BETA', from: '2025-12-20', to: '2025-12-31' }, admin);
    bars.BETA = (bars.BETA as Bar[]).filter((bar) => bar.date < '2025-12-20');
    expect(await rows('BETA')).toEqual([{ adjusted: false, date: '2025-12-19' }]);
    const [beta] = await figures(['BETA']);
    expectFigures(beta as Record<string, unknown>, expectedPerformance(bars.BETA) ?? {}, 'BETA after a deletion');
  });

  it('keeps an adjusted row while the ETF has actions, and drops it with the last one', async () => {
    await executeOk(t.app, Split, { ticker: 'ALPHA', date: '2024-06-03', ratio: 4 }, admin);
    expect((await rows('ALPHA')).map((row) => row.adjusted)).toEqual([false, true]);
    const adjusted = backAdjust(bars.ALPHA as Bar[], [{ kind: 'SPLIT', date: '2024-06-03', value: 4 }]);
    const [total] = await figures(['ALPHA']);
    expectFigures(total as Record<string, unknown>, expectedPerformance(adjusted) ?? {}, 'ALPHA adjusted');
    const [traded] = await figures(['ALPHA'], false);
    expectFigures(traded as Record<string, unknown>, expectedPerformance(bars.ALPHA as Bar[]) ?? {}, 'ALPHA raw');

    await executeOk(t.app, Unsplit, { ticker: 'ALPHA', date: '2024-06-03' }, admin);
    expect((await rows('ALPHA')).map((row) => row.adjusted)).toEqual([false]);
    expect(await figures(['ALPHA'])).toEqual(await figures(['ALPHA'], false));
  });

  it('a rejected load changes nothing', async () => {
    const before = await snapshot(t.db);
    const metrics = (await t.db.pool.query('SELECT * FROM latest_metrics ORDER BY etf_id, adjusted')).rows;
    const bad = { date: '2026-01-05', open: 50, high: 40, low: 49, close: 51, volume: 1 };
    const result = await execute(t.app, LoadBars, { ticker: 'ALPHA', bars: [bad] }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.db.pool.query('SELECT * FROM latest_metrics ORDER BY etf_id, adjusted')).rows).toEqual(metrics);
  });

  it('goes with its ETF', async () => {
    await executeOk(t.app, DeleteEtf, { ticker: 'BETA' }, admin);
    const { rows: left } = await t.db.pool.query('SELECT etf_id FROM latest_metrics');
    expect(left).toHaveLength(1);
  });

  it("leaves a large load's figures to its job, and computes them meanwhile", async () => {
    await createEtf(t.db, 'GAMMA');
    const history = syntheticBars('GAMMA', tradingDays('2019-01-02', '2025-12-31'), PARAMS) as Bar[];
    await loadPrices(t.db, 'GAMMA', history);
    expect(await rows('GAMMA')).toEqual([]);
    const [computed] = await figures(['GAMMA']);
    expectFigures(computed as Record<string, unknown>, expectedPerformance(history) ?? {}, 'GAMMA before its job');
    await runDueJobs(t.db.pool);
    expect(await rows('GAMMA')).toEqual([{ adjusted: false, date: '2025-12-31' }]);
    expect(await figures(['GAMMA'])).toEqual([computed]);
  });
});

// Work a request asks for is bounded before it runs, by what will execute:
// filter trees by every node they hold, problem lists by a count, fields that
// compute over whole histories (kernels, a screen as of a date) by what they
// compute rather than by the bars they show; and what runs anyway runs in
// slices, so /health answers while the heaviest request a key allows runs.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_PER_COST_UNIT } from '../../src/limits/query-cost.js';
import { PERFORMANCE_COST } from '../../src/schema/performance.js';
import { MAX_FILTER_NODES } from '../../src/screen/screen-filter.js';
import { createEtf, createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { type HttpApp, serveOverHttp } from '../helpers/http-app.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const TICKERS = ['LONGA', 'LONGB'];
beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TICKERS) await createEtfWithBars(t.db, ticker, '2015-01-01', '2024-12-31');
  // ETFs without bars yet: a screen still judges them.
  for (let i = 0; i < 8; i++) await createEtf(t.db, `NEW${i}`);
});
afterAll(() => t.close());

const SCREEN = 'query ($w: ScreenFilter!) { screen(where: $w) { edges { node { ticker } } } }';
/** `groups` ors of 100 empty filters each. */
const emptyTree = (groups: number) => ({
  or: Array.from({ length: groups }, () => ({ or: Array.from({ length: 100 }, () => ({})) })),
});

describe('filter trees', () => {
  it('refuses a variable holding more filters than a where may, empty ones included, before coercing it', async () => {
    t.statements.length = 0;
    const result = await executeText(t.app, SCREEN, { w: emptyTree(3) }, bearer(ADMIN_KEY));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: MAX_FILTER_NODES });
    expect(result.errors?.[0]?.message).toContain('$w');
    expect(result.data ?? null).toBeNull();
    // The key was looked up; nothing was screened.
    expect(t.statements.filter((sql) => /latest_metrics|daily_/.test(sql))).toHaveLength(0);
  });

  it('refuses the same tree written in the query itself', async () => {
    const literal = JSON.stringify(emptyTree(3)).replace(/"(\w+)":/g, '$1:');
    const result = await executeText(
      t.app,
      `{ screen(where: ${literal}) { edges { cursor } } }`,
      {},
      bearer(ADMIN_KEY),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(`more than ${MAX_FILTER_NODES} filters`);
  });

  it('still takes a tree within the bound', async () => {
    const result = await executeText(t.app, SCREEN, { w: emptyTree(1) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.screen).toBeTruthy();
  });

  it('lists at most 100 problems, and counts the rest', async () => {
    // 150 comparisons without anything to compare: 152 filters, within the bound.
    const where = { or: [...Array(99).fill({ metric: 'RSI_14' }), { or: Array(51).fill({ metric: 'RSI_14' }) }] };
    const result = await executeText(t.app, SCREEN, { w: where });
    const extensions = result.errors?.[0]?.extensions as { problems: unknown[]; problemCount: number };
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(extensions.problems).toHaveLength(100);
    expect(extensions.problemCount).toBe(150);
  });
});

/** Calendar days from the earliest bar in the database to today: the history a kernel may read. */
const historyBars = async () => {
  const { rows } = await t.db.pool.query<{ earliest: string }>('SELECT min(date)::text AS earliest FROM daily_price');
  return Math.floor((Date.now() - Date.parse(rows[0]?.earliest as string)) / 86_400_000) + 1;
};

const aliased = (count: number, field: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

const ctiQuery = `query ($t: [String!]!) { etfsByTicker(tickers: $t) { indicators(last: 1) { ${aliased(48, (i) => `cti(period: ${950 + i}) { value }`)} } } }`;

describe('fields that compute over whole histories', () => {
  it('cost what their kernels compute, not the one bar they show', async () => {
    const result = await executeText(t.app, ctiQuery, { t: TICKERS });
    const bars = await historyBars();
    let computed = 0;
    for (let i = 0; i < 48; i++) computed += Math.ceil((bars * (950 + i)) / WORK_PER_COST_UNIT);
    // Per ETF: 48 series of one bar read, and 48 kernels run.
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: TICKERS.length * (48 + computed),
      limit: 100_000,
    });
  });

  it('cost beta by its benchmark regression over the whole history', async () => {
    const query = `query ($t: [String!]!) { etfsByTicker(tickers: $t) { indicators(last: 1) { ${aliased(48, (i) => `beta(benchmark: "LONGB", period: ${950 + i}) { beta }`)} } } }`;
    const result = await executeText(t.app, query, { t: TICKERS });
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors?.[0]?.extensions?.cost).toBeGreaterThan(100_000);
  });

  it('cost a screen as of a date a year of bars for every ETF', async () => {
    const etfs = Number((await t.db.pool.query('SELECT count(*) AS n FROM etf')).rows[0].n);
    const screens = aliased(
      50,
      (i) => `screen(asOf: "2024-${String((i % 12) + 1).padStart(2, '0')}-15", where: {}) { edges { cursor } }`,
    );
    const result = await executeText(t.app, `{ ${screens} }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 50 * etfs * PERFORMANCE_COST,
    });
    // The latest figures are stored: one row an ETF.
    const latest = await executeText(t.app, '{ screen(where: {}) { edges { cursor } } }');
    expect(latest.errors).toBeUndefined();
  });

  it('cost nothing more for indicators of the stored set, which are read', async () => {
    const result = await executeText(
      t.app,
      'query ($t: [String!]!) { etfsByTicker(tickers: $t) { indicators(last: 30000) { sma(period: 20) { value } ema(period: 12) { value } } } }',
      { t: TICKERS },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 2 * 2 * 30_000 });
  });
});

describe('the heaviest request a key allows', () => {
  let http: HttpApp;
  beforeAll(async () => {
    http = await serveOverHttp(t.app);
  });
  afterAll(() => http.close());

  it('runs in slices: /health answers meanwhile and the event loop is never held long', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let slowestHealth = 0;
    let running = true;
    delay.enable();
    const poller = (async () => {
      while (running) {
        const started = performance.now();
        await fetch(`${http.base}/health`).then((response) => response.arrayBuffer());
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const answer = await http.post(ctiQuery, { t: TICKERS }, bearer(ADMIN_KEY));
    running = false;
    await poller;
    delay.disable();
    expect(answer.errors).toBeUndefined();
    // 96 kernels of ~10 ms each ran; generous bounds, as other test files share the cores.
    expect(delay.max / 1e6).toBeLessThan(250);
    expect(slowestHealth).toBeLessThan(250);
  });
});

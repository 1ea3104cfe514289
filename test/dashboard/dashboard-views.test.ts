// The dashboard's views beside the chart (screen, risk, correlation,
// holdings) in a real headless Chromium against the real server with the demo
// data: each is clicked through, and what it draws is compared with what the
// API answers for the same arguments, written with the page's own rounding
// (src/dashboard/format.ts).

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import {
  CorrelationViewDocument,
  HoldingsViewDocument,
  RiskViewDocument,
  ScreenViewDocument,
} from '../../src/dashboard/documents.js';
import { coefficient, fixed, metricValue, percent, percentOf100 } from '../../src/dashboard/format.js';
import type {
  CorrelationViewQuery,
  HoldingsViewQuery,
  RiskViewQuery,
  ScreenViewQuery,
} from '../../src/dashboard/gql/graphql.js';
import { demoLastDate } from '../../src/demo/demo-etfs.js';
import { seedDemoData, seedDemoHoldings } from '../../src/demo/seed-demo.js';
import { requireContentLength } from '../../src/http/require-length.js';
import { createUser, PASSWORD } from '../helpers/accounts.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let browser: Browser;
let baseUrl: string;
/** Each view's draw time (response to paint) as the page measured it, written out for the report. */
const drawTimes: Record<string, number[]> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db);
  await seedDemoHoldings(t.db);
  server = createServer(requireContentLength(t.app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  await mkdir('test-results', { recursive: true });
}, 300_000);

afterAll(async () => {
  await writeFile(path.join('test-results', 'dashboard-views-draw.json'), JSON.stringify(drawTimes, null, 2));
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

type Watch = { page: Page; graphqlRequests: string[]; consoleErrors: string[] };
type Mode = 'screen' | 'risk' | 'correlation' | 'holdings';

async function open(pathAndQuery: string, width = 1300): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width, height: 850 }, acceptDownloads: true });
  const watch: Watch = { page, graphqlRequests: [], consoleErrors: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === new URL(baseUrl).host || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    return route.abort();
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST')
      watch.graphqlRequests.push(request.postData() ?? '');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  await page.goto(`${baseUrl}${pathAndQuery}`);
  return watch;
}

const renders = (page: Page, mode: Mode) => page.evaluate((m) => window.__etfqlViews?.[m]?.renders ?? 0, mode);

/** Waits for the view's nth draw and keeps its draw time. */
async function drawn(page: Page, mode: Mode, count: number): Promise<void> {
  await expect.poll(() => renders(page, mode), { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  const ms = await page.evaluate((m) => window.__etfqlViews?.[m]?.lastDrawMs ?? -1, mode);
  drawTimes[mode] = [...(drawTimes[mode] ?? []), Math.round(ms * 10) / 10];
}

async function api<T>(document: { toString(): string }, variables: object, headers: Record<string, string> = {}) {
  const result = await executeText(t.app, document.toString(), variables as Record<string, unknown>, headers);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** The text of every row of a table (header row included), cell by cell. */
const tableText = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((table) =>
      [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? '')),
    );

const lastVariables = (watch: Watch) =>
  (JSON.parse(watch.graphqlRequests.at(-1) as string) as { variables: Record<string, unknown> }).variables;

/** RFC 4180, as the download writes it: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe(''); // every record ends with CRLF
  return rows;
}

async function downloadCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#panel button.csv').click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

describe('screen', () => {
  it('builds a filter, runs it, sorts, pages and compares what it found, as the API answers', {
    timeout: 120_000,
  }, async () => {
    const watch = await open('/?view=screen');
    const { page } = watch;
    await drawn(page, 'screen', 1);
    // No condition: every ETF, in ticker order.
    expect(await page.locator('.screen-results caption').textContent()).toBe('21 ETFs pass');

    // Any ETF of these two classes whose 1-year return is above −50 %.
    await page.locator('button[name="add-metric"]').click();
    const metricRow = page.locator('li.condition[data-kind="metric"]');
    await metricRow.locator('select[name="metric"]').selectOption('RETURN_1Y');
    await metricRow.locator('select[name="op"]').selectOption('gt');
    await metricRow.locator('input[name="value"]').fill('-50');
    await page.locator('button[name="add-class"]').click();
    const classRow = page.locator('li.condition[data-kind="class"]');
    await classRow.locator('input[value="EQUITY"]').check();
    await classRow.locator('input[value="FIXED_INCOME"]').check();
    await page.locator('button[name="run"]').click();
    await drawn(page, 'screen', 2);
    expect(page.url()).toContain('where=RETURN_1Y:gt:-0.5,class:in:EQUITY|FIXED_INCOME');

    const where = { and: [{ metric: 'RETURN_1Y', gt: -0.5 }, { assetClass: ['EQUITY', 'FIXED_INCOME'] }] };
    expect(lastVariables(watch)).toEqual({ where, orderBy: null, first: 10, after: null });

    // Sorted by the 1-year return: first click up, second click down.
    await page.locator('button.sort[data-sort="RETURN_1Y"]').click();
    await drawn(page, 'screen', 3);
    await page.locator('button.sort[data-sort="RETURN_1Y"]').click();
    await drawn(page, 'screen', 4);
    expect(page.url()).toContain('sort=RETURN_1Y:desc');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Return 1Y');

    const orderBy = [{ metric: 'RETURN_1Y', direction: 'DESC' }];
    const expectPage = async (after: string | null) => {
      const data = await api<ScreenViewQuery>(ScreenViewDocument, { where, orderBy, first: 10, after });
      const shown = await tableText(page, 'table.screen-results');
      expect(shown[0]).toEqual(['Ticker', 'Return 1Y ▼', 'Last 60', 'Name', 'Class', 'As of']);
      const expected = data.screen.edges.map((edge) => [
        edge.node.ticker,
        metricValue('RETURN_1Y', edge.values[0]?.value),
        '', // the sparkline: an SVG, no text
        edge.node.name,
        edge.node.assetClass === 'EQUITY' ? 'Equity' : 'Fixed income',
        edge.date,
      ]);
      expect(shown.slice(1)).toEqual(expected);
      // Each sparkline is drawn from its ETF's last 60 closes.
      const labels = await page
        .locator('table.screen-results svg.sparkline')
        .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
      expect(labels).toEqual(
        data.screen.edges.map(
          ({ node }) => `60 closes, ${node.series.close[0]?.toFixed(2)} to ${node.series.close.at(-1)?.toFixed(2)}`,
        ),
      );
      return data;
    };
    const first = await expectPage(null);
    expect(first.screen.totalCount).toBe(15);
    expect(first.screen.pageInfo.hasNextPage).toBe(true);

    await page.locator('button[name="next"]').click();
    await drawn(page, 'screen', 5);
    expect(new URL(page.url()).searchParams.get('after')).toBe(first.screen.pageInfo.endCursor);
    const second = await expectPage(first.screen.pageInfo.endCursor ?? null);
    expect(second.screen.edges).toHaveLength(5);
    expect(await page.locator('button[name="next"]').isDisabled()).toBe(true);

    // The page's URL brings back the same page after a reload.
    const url = page.url();
    await page.reload();
    await drawn(page, 'screen', 1);
    expect(page.url()).toBe(url);
    await expectPage(first.screen.pageInfo.endCursor ?? null);
    expect(await page.locator('li.condition').count()).toBe(2);

    // "Compare these" opens the chart with the page's tickers.
    await page.locator('button[name="compare"]').click();
    await expect.poll(() => page.evaluate(() => window.__etfql?.renders ?? 0), { timeout: 20_000 }).toBe(1);
    const tickers = second.screen.edges.map((edge) => edge.node.ticker);
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
    expect(new URL(page.url()).searchParams.get('tickers')).toBe(tickers.join(','));
    expect(await page.locator('.chip').allTextContents()).toEqual(tickers.map((ticker) => `${ticker}×`));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('compares a metric with another metric, and downloads the table as CSV', { timeout: 60_000 }, async () => {
    const { page, consoleErrors } = await open('/?view=screen&where=CLOSE:gt:SMA_200&sort=VOLATILITY_1Y:asc');
    await drawn(page, 'screen', 1);
    const data = await api<ScreenViewQuery>(ScreenViewDocument, {
      where: { and: [{ metric: 'CLOSE', gtMetric: 'SMA_200' }] },
      orderBy: [{ metric: 'VOLATILITY_1Y', direction: 'ASC' }],
      first: 10,
      after: null,
    });
    const shown = await tableText(page, 'table.screen-results');
    expect(shown.slice(1).map((row) => row[0])).toEqual(data.screen.edges.map((edge) => edge.node.ticker));
    const csv = await downloadCsv(page);
    expect(csv.name).toBe('etfql-screen.csv');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['Ticker', 'Close', 'SMA 200', 'Volatility 1Y', 'Name', 'Class', 'As of']);
    // The CSV is the table without its sort arrows and sparklines.
    expect(rows.slice(1)).toEqual(shown.slice(1).map((row) => [...row.slice(0, 4), ...row.slice(5)]));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('risk and performance', () => {
  it('shows the compared ETFs side by side as of a chosen date, as the API answers', { timeout: 60_000 }, async () => {
    const watch = await open('/?view=risk&tickers=SPY,QQQ,TLT');
    const { page } = watch;
    await drawn(page, 'risk', 1);
    const expectTable = async (asOf: string | null) => {
      const data = await api<RiskViewQuery>(RiskViewDocument, { tickers: ['SPY', 'QQQ', 'TLT'], asOf });
      const etfs = data.etfsByTicker.map((etf) => etf?.performance);
      const row = (label: string, show: (p: NonNullable<(typeof etfs)[number]>) => string) => [
        label,
        ...etfs.map((p) => (p ? show(p) : '—')),
      ];
      expect(await tableText(page, 'table.risk')).toEqual([
        ['', 'SPY', 'QQQ', 'TLT'],
        row('As of', (p) => p.asOf),
        row('Return 1M', (p) => percent(p.return1M)),
        row('Return 3M', (p) => percent(p.return3M)),
        row('Return 6M', (p) => percent(p.return6M)),
        row('Return YTD', (p) => percent(p.returnYTD)),
        row('Return 1Y', (p) => percent(p.return1Y)),
        row('Return 3Y (yearly)', (p) => percent(p.return3Y)),
        row('Return 5Y (yearly)', (p) => percent(p.return5Y)),
        row('Volatility 1Y', (p) => percent(p.volatility1Y)),
        row('Max drawdown 1Y', (p) => percent(p.maxDrawdown1Y)),
        row('Sharpe 1Y', (p) => fixed(p.sharpe1Y)),
        row('52W high', (p) => fixed(p.high52W)),
        row('52W low', (p) => fixed(p.low52W)),
      ]);
      return data;
    };
    const latest = await expectTable(null);
    expect(latest.etfsByTicker[0]?.performance?.asOf).toBe(demoLastDate());

    await page.locator('input[name="asof"]').fill('2024-06-29'); // a Saturday: the Friday's bar
    await drawn(page, 'risk', 2);
    expect(page.url()).toContain('asof=2024-06-29');
    expect(lastVariables(watch)).toEqual({ tickers: ['SPY', 'QQQ', 'TLT'], asOf: '2024-06-29' });
    const dated = await expectTable('2024-06-29');
    expect(dated.etfsByTicker[0]?.performance?.asOf).toBe('2024-06-28');

    const url = page.url();
    await page.reload();
    await drawn(page, 'risk', 1);
    expect(page.url()).toBe(url);
    expect(await page.locator('input[name="asof"]').inputValue()).toBe('2024-06-29');
    await expectTable('2024-06-29');

    const csv = await downloadCsv(page);
    expect(csv.name).toBe('etfql-risk.csv');
    expect(parseCsv(csv.text)).toEqual(await tableText(page, 'table.risk'));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('correlation', () => {
  it('draws the heatmap over the chosen window and interval, as the API answers', { timeout: 60_000 }, async () => {
    const watch = await open('/?view=correlation&tickers=SPY,QQQ,TLT,GLD');
    const { page } = watch;
    await drawn(page, 'correlation', 1);
    const tickers = ['SPY', 'QQQ', 'TLT', 'GLD'];
    const expectHeatmap = async (variables: object) => {
      const { correlation } = await api<CorrelationViewQuery>(CorrelationViewDocument, { tickers, ...variables });
      const text = correlation.matrix.map((row) => row.map(coefficient));
      expect(await tableText(page, 'table.heatmap')).toEqual([
        ['', ...tickers],
        ...tickers.map((ticker, i) => [ticker, ...(text[i] as string[])]),
      ]);
      const labels = await page
        .locator('table.heatmap td')
        .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('title'), cell.getAttribute('aria-label')]));
      const expected = tickers.flatMap((a, i) => tickers.map((b, j) => `${a} × ${b}: ${text[i]?.[j]}`));
      expect(labels).toEqual(expected.map((label) => [label, label]));
      // Four tickers leave room for the numbers: they are visible, not only in the labels.
      expect(await page.locator('table.heatmap td .value').first().isVisible()).toBe(true);
      return correlation;
    };
    const initial = await expectHeatmap({ interval: 'DAILY', last: 252, from: null, to: null });
    expect(initial.observations).toBe(252);

    await page.locator('select[name="interval"]').selectOption('WEEKLY');
    await page.locator('input[name="last"]').fill('60');
    await page.locator('button[name="apply"]').click();
    await drawn(page, 'correlation', 2);
    expect(page.url()).toContain('interval=WEEKLY');
    expect(page.url()).toContain('last=60');
    const weekly = await expectHeatmap({ interval: 'WEEKLY', last: 60, from: null, to: null });
    expect(weekly.observations).toBe(60);
    expect(await page.locator('.summary').textContent()).toContain('60 weekly returns');

    await page.locator('input[name="from"]').fill('2023-01-01');
    await page.locator('input[name="to"]').fill('2023-12-31');
    await page.locator('button[name="apply"]').click();
    await drawn(page, 'correlation', 3);
    expect(lastVariables(watch)).toEqual({
      tickers,
      interval: 'WEEKLY',
      last: null,
      from: '2023-01-01',
      to: '2023-12-31',
    });
    await expectHeatmap({ interval: 'WEEKLY', last: null, from: '2023-01-01', to: '2023-12-31' });

    const url = page.url();
    await page.reload();
    await drawn(page, 'correlation', 1);
    expect(page.url()).toBe(url);
    expect(await page.locator('input[name="from"]').inputValue()).toBe('2023-01-01');
    await expectHeatmap({ interval: 'WEEKLY', last: null, from: '2023-01-01', to: '2023-12-31' });

    const csv = await downloadCsv(page);
    expect(parseCsv(csv.text)).toEqual(await tableText(page, 'table.heatmap'));
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('holdings', () => {
  const tickers = ['SPY', 'QQQ', 'AOR'];

  async function expectHoldings(page: Page, data: HoldingsViewQuery, lookThroughTitle: string) {
    for (const etf of data.etfsByTicker) {
      if (!etf) throw new Error('unknown ticker');
      const card = `section.card[data-ticker="${etf.ticker}"]`;
      const rows = await tableText(page, `${card} table.top-holdings`);
      expect(rows.slice(1)).toEqual(
        etf.holdings.edges.map(({ node }) => [
          String(node.position),
          node.ticker ? `${node.name} (${node.ticker})` : node.name,
          percentOf100(node.weight),
        ]),
      );
      expect(rows).toHaveLength(Math.min(10, etf.holdings.totalCount) + 1); // the header and the ten largest
      const sectors = await page
        .locator(`${card} figure.bars`)
        .first()
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.bar-label')?.textContent ?? '',
            li.querySelector('.bar-value')?.textContent ?? '',
          ]),
        );
      expect(sectors).toEqual(etf.sectors.map((s) => [s.label, percentOf100(s.weight)]));
      const countries = await page.locator(`${card} figure.bars`).nth(1).locator('.bar-value').allTextContents();
      expect(countries).toEqual(etf.countries.slice(0, 10).map((c) => percentOf100(c.weight)));
    }
    const overlap = await tableText(page, 'table.overlap');
    for (const pair of data.overlap ?? []) {
      const i = tickers.indexOf(pair.a.ticker) + 1;
      const j = tickers.indexOf(pair.b.ticker) + 1;
      expect(overlap[i]?.[j]).toBe(percentOf100(pair.overlap));
      expect(overlap[j]?.[i]).toBe(percentOf100(pair.overlap));
    }
    expect(await page.locator('.look-through h3').textContent()).toBe(lookThroughTitle);
    const lookThrough = await tableText(page, 'table.look-through-holdings');
    expect(lookThrough.slice(1)).toEqual(
      data.lookThrough.holdings.map((h) => [
        h.security.ticker ? `${h.security.name} (${h.security.ticker})` : h.security.name,
        percentOf100(h.weight),
      ]),
    );
  }

  it('shows top holdings, exposure, overlap and a look-through, signed out then in, as the API answers', {
    timeout: 90_000,
  }, async () => {
    const watch = await open(`/?view=holdings&tickers=${tickers.join(',')}`);
    const { page } = watch;
    await drawn(page, 'holdings', 1);
    expect(await page.locator('.chip').allTextContents()).toEqual(['SPY×', 'QQQ×', 'AOR×']);
    const third = 100 / 3;
    const portfolio = tickers.map((ticker) => ({ ticker, weight: third }));
    expect(lastVariables(watch)).toEqual({ tickers, pairs: true, portfolio });
    const signedOut = await api<HoldingsViewQuery>(HoldingsViewDocument, { tickers, pairs: true, portfolio });
    expect(signedOut.overlap).toHaveLength(3);
    await expectHoldings(page, signedOut, 'Look-through of SPY, QQQ, AOR (equally weighted)');

    const csv = await downloadCsv(page);
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['Section', 'ETF', 'Name', 'Weight']);
    const top = rows.filter((row) => row[0] === 'Top holdings' && row[1] === 'SPY');
    const shownTop = await tableText(page, 'section.card[data-ticker="SPY"] table.top-holdings');
    expect(top.map((row) => [row[2], row[3]])).toEqual(shownTop.slice(1).map((row) => [row[1], row[2]]));
    expect(rows.filter((row) => row[0] === 'Overlap').map((row) => row[1])).toEqual([
      'SPY / QQQ',
      'SPY / AOR',
      'QQQ / AOR',
    ]);

    // Signed in, the look-through is the watchlist's.
    const user = await createUser(t.db, 'holder@example.com');
    for (const ticker of ['TLT', 'GLD']) {
      const etf = await t.db.prisma.etf.findUniqueOrThrow({ where: { ticker } });
      await t.db.prisma.watchlistEntry.create({ data: { userId: user.id, etfId: etf.id } });
    }
    await page.locator('#login input[name="email"]').fill('holder@example.com');
    await page.locator('#login input[name="password"]').fill(PASSWORD);
    await page.locator('#login button').click();
    await drawn(page, 'holdings', 2);
    await expect.poll(() => page.locator('.look-through h3').textContent()).toContain('watchlist');
    const token = await page.evaluate(() => localStorage.getItem('etfql.token'));
    const signedIn = await api<HoldingsViewQuery>(
      HoldingsViewDocument,
      { tickers, pairs: true, portfolio: null },
      bearer(token as string),
    );
    await expectHoldings(page, signedIn, 'Look-through of your watchlist (equally weighted)');
    expect(signedIn.lookThrough.holdings).not.toEqual(signedOut.lookThrough.holdings);

    const url = page.url();
    await page.reload();
    await drawn(page, 'holdings', 1);
    expect(page.url()).toBe(url);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('every view', () => {
  const VIEWS: [Mode, string][] = [
    ['screen', '/?view=screen&where=RETURN_1Y:gt:0&sort=RETURN_1Y:desc'],
    ['risk', '/?view=risk&tickers=SPY,QQQ,TLT,GLD,AGG,EEM'],
    ['correlation', '/?view=correlation&tickers=SPY,QQQ,TLT,GLD,AGG,EEM,IWM,EFA,VNQ,LQD'],
    ['holdings', '/?view=holdings&tickers=SPY,QQQ,AOR'],
  ];

  it('is reached from the view switcher by keyboard: Tab to its button, Enter', { timeout: 60_000 }, async () => {
    const { page, consoleErrors } = await open('/?view=compare&tickers=SPY,QQQ');
    await expect.poll(() => page.evaluate(() => window.__etfql?.renders ?? 0), { timeout: 20_000 }).toBe(1);
    for (const [mode] of VIEWS) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let focused = '';
      for (let presses = 0; presses < 12 && focused !== mode; presses++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.mode ?? '');
      }
      expect(focused).toBe(mode);
      const before = await renders(page, mode);
      await page.keyboard.press('Enter');
      await drawn(page, mode, before + 1);
      expect(new URL(page.url()).searchParams.get('view')).toBe(mode);
      expect(await page.locator(`[data-mode="${mode}"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#panel').isVisible()).toBe(true);
      expect(await page.locator('#chart').isVisible()).toBe(false);
    }
    // And back to the chart, whose URL is what it was.
    await page.locator('[data-mode="compare"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__etfql?.renders ?? 0), { timeout: 20_000 }).toBe(2);
    expect(page.url()).toBe(`${baseUrl}/?view=compare&tickers=SPY,QQQ&range=1Y&interval=DAILY`);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  for (const [mode, url] of VIEWS) {
    it(`${mode}: usable at 375 px, without the page scrolling sideways`, { timeout: 60_000 }, async () => {
      const { page, consoleErrors } = await open(url, 375);
      await drawn(page, mode, 1);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(375 + 2);
      // The view's controls are on screen and can be used.
      const download = page.locator('#panel button.csv');
      await download.scrollIntoViewIfNeeded();
      const box = await download.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375 + 2).toBe(true);
      await page.screenshot({ path: path.join('test-results', `dashboard-${mode}-375.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }
});

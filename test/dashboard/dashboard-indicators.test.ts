// The detail chart's indicator panel in a real headless Chromium against the
// real server with the demo data: every indicator of the catalog offered and
// drawable, what is drawn equal to what the API answers for the same
// arguments, the picks in the URL, the panel by keyboard and on a phone, the
// chart's CSV, and the comparison's values in its legend, not on the axis.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Request as BrowserRequest, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import type { DrawnChart } from '../../src/dashboard/charts.js';
import { seedDemoData } from '../../src/demo/seed-demo.js';
import { requireContentLength } from '../../src/http/require-length.js';
import { INDICATOR_NAMES } from '../../src/indicators/catalog.js';
import { executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let browser: Browser;
let baseUrl: string;
/** Each indicator's draw time (response to paint) as the page measured it, written out for the report. */
const drawTimes: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db);
  server = createServer(requireContentLength(t.app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  await mkdir('test-results', { recursive: true });
}, 300_000);

afterAll(async () => {
  await writeFile(path.join('test-results', 'dashboard-indicators-draw.json'), JSON.stringify(drawTimes, null, 2));
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

type Watch = { page: Page; graphqlRequests: string[]; graphqlDone: { count: number }; consoleErrors: string[] };

async function open(pathAndQuery: string, width = 1300): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width, height: 850 }, acceptDownloads: true });
  const watch: Watch = { page, graphqlRequests: [], graphqlDone: { count: 0 }, consoleErrors: [] };
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
  // Answered or not (a request superseded by a newer one may be cut off): done either way.
  const done = (request: BrowserRequest) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST') watch.graphqlDone.count++;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  await page.goto(`${baseUrl}${pathAndQuery}`);
  return watch;
}

const renders = (page: Page) => page.evaluate(() => window.__etfql?.renders ?? 0);
const waitForRender = (page: Page, count: number) =>
  expect.poll(() => renders(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
const drawn = (page: Page) => page.evaluate(() => window.__etfql?.chart) as Promise<DrawnChart>;
const openGroups = (page: Page) =>
  page.locator('details.indicator-group').evaluateAll((groups) => {
    for (const group of groups) (group as HTMLDetailsElement).open = true;
  });

/** The same window and indicators asked of the API directly: its answer by indicator and field, on its dates. */
async function apiColumns(ticker: string, window: string, indicators: string): Promise<Record<string, unknown>> {
  const answer = await executeText(
    t.app,
    `{ etf(ticker: "${ticker}") { prices(${window}) { date } indicators(${window}) { ${indicators} } } }`,
  );
  expect(answer.errors).toBeUndefined();
  const etf = (answer.data as { etf: { prices: { date: string }[]; indicators: Record<string, object[]> } }).etf;
  const columns: Record<string, unknown> = { dates: etf.prices.map((bar) => bar.date) };
  for (const [name, points] of Object.entries(etf.indicators)) {
    for (const field of Object.keys(points[0] ?? {})) {
      columns[`${name}.${field}`] = points.map((point) => (point as Record<string, number | null>)[field]);
    }
  }
  return columns;
}

function drawnColumns(chart: DrawnChart, ids: string[]): Record<string, unknown> {
  const columns: Record<string, unknown> = { dates: chart.dates };
  for (const id of ids) columns[id] = chart.columns.find((column) => column.id === id)?.values;
  return columns;
}

it('draws an overlay and two oscillators with their arguments as the API answers them, from one request each', {
  timeout: 90_000,
}, async () => {
  const { page, graphqlRequests, graphqlDone, consoleErrors } = await open(
    '/?view=detail&ticker=QQQ&range=1Y&interval=DAILY',
  );
  await waitForRender(page, 1);
  await openGroups(page);
  await page.locator('input[name="bollinger"]').check();
  await waitForRender(page, 2);
  await page.locator('input[name="bollinger-stdDev"]').fill('2.5');
  await page.locator('input[name="bollinger-stdDev"]').press('Enter');
  await waitForRender(page, 3);
  await page.locator('input[name="rsi"]').check();
  await waitForRender(page, 4);
  await page.locator('input[name="rsi-period"]').fill('9');
  await page.locator('input[name="rsi-period"]').press('Enter');
  await waitForRender(page, 5);
  await page.locator('input[name="macd"]').check();
  await waitForRender(page, 6);
  const before = graphqlRequests.length;
  const rendersBefore = await renders(page);
  await page.locator('input[name="macd-fast"]').fill('5');
  await page.locator('input[name="macd-slow"]').fill('35');
  await page.locator('input[name="macd-signal"]').fill('5');
  await page.locator('input[name="macd-signal"]').press('Enter');
  await expect.poll(() => page.url()).toContain('ind=bollinger:20:2.5,rsi:9,macd:5:35:5');
  await waitForRender(page, 7);
  await page.waitForTimeout(300); // a stray second request would have been sent by now
  // Each change of an argument (on leaving its input, or Enter) is one request, for all three indicators.
  // At most one per change (three here); on a loaded machine an earlier one may
  // be superseded before it is drawn, so renders can be fewer. Every request
  // is done, and the last, with all three arguments, drawn.
  await expect.poll(() => graphqlDone.count, { timeout: 10_000 }).toBe(graphqlRequests.length);
  expect(graphqlRequests.length - before).toBeGreaterThanOrEqual(1);
  expect(graphqlRequests.length - before).toBeLessThanOrEqual(3);
  expect((await renders(page)) - rendersBefore).toBeGreaterThanOrEqual(1);
  // The last answer drawn: renders no longer change.
  let seen = -1;
  await expect
    .poll(
      async () => {
        const now = await renders(page);
        const settled = now === seen;
        seen = now;
        return settled;
      },
      { interval: 300, timeout: 10_000 },
    )
    .toBe(true);
  const sent = JSON.parse(graphqlRequests.at(-1) as string) as { query: string };
  expect(sent.query).toContain('i0: bollinger(period: 20, stdDev: 2.5) { upper middle lower }');
  expect(sent.query).toContain('i1: rsi(period: 9) { value }');
  expect(sent.query).toContain('i2: macd(fast: 5, slow: 35, signal: 5) { macd signal histogram }');

  const chart = await drawn(page);
  const ids = [
    'bollinger.upper',
    'bollinger.middle',
    'bollinger.lower',
    'rsi.value',
    'macd.macd',
    'macd.signal',
    'macd.histogram',
  ];
  const api = await apiColumns(
    'QQQ',
    'last: 252',
    'bollinger(period: 20, stdDev: 2.5) { upper middle lower } rsi(period: 9) { value } macd(fast: 5, slow: 35, signal: 5) { macd signal histogram }',
  );
  expect(drawnColumns(chart, ids)).toEqual(api);
  expect(chart.dates).toHaveLength(252);
  // Bollinger on the candles' pane; RSI and MACD each in a pane of their own below the volume.
  const paneOf = (id: string) => chart.columns.find((column) => column.id === id)?.pane;
  expect([paneOf('close'), paneOf('bollinger.upper'), paneOf('volume'), paneOf('rsi.value')]).toEqual([0, 0, 1, 2]);
  expect([paneOf('macd.macd'), paneOf('macd.histogram')]).toEqual([3, 3]);
  expect(await page.locator('#error').isHidden()).toBe(true);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('round-trips the picks through the URL, and still opens the URLs of the seven indicators from before', {
  timeout: 60_000,
}, async () => {
  const url =
    '/?view=detail&ticker=SPY&range=6M&interval=WEEKLY&ind=keltner:10:1.5,kst:8|12|16|24:8|8|8|12:7:1|2|3|4,volatility:30:PARKINSON:52';
  const { page, consoleErrors } = await open(url);
  await waitForRender(page, 1);
  expect(page.url()).toBe(`${baseUrl}${url}`);
  expect(await page.locator('input[name="keltner-multiplier"]').inputValue()).toBe('1.5');
  expect(await page.locator('input[name="kst-rocPeriods"]').inputValue()).toBe('8, 12, 16, 24');
  expect(await page.locator('select[name="volatility-estimator"]').inputValue()).toBe('PARKINSON');
  // The groups with a pick open; the others stay shut.
  expect(await page.locator('details.indicator-group[open]').evaluateAll((d) => d.map((g) => g.dataset.group))).toEqual(
    ['overlays', 'momentum', 'volatility'],
  );
  const first = await drawn(page);
  await page.reload();
  await waitForRender(page, 1);
  expect(page.url()).toBe(`${baseUrl}${url}`);
  expect(await drawn(page)).toEqual(first);
  const api = await apiColumns(
    'SPY',
    'last: 26, interval: WEEKLY',
    'keltner(period: 10, multiplier: 1.5) { upper middle lower } kst(rocPeriods: [8, 12, 16, 24], smaPeriods: [8, 8, 8, 12], signal: 7, weights: [1, 2, 3, 4]) { value signal } volatility(period: 30, estimator: PARKINSON, annualization: 52) { value }',
  );
  const ids = ['keltner.upper', 'keltner.middle', 'keltner.lower', 'kst.value', 'kst.signal', 'volatility.value'];
  expect(drawnColumns(first, ids)).toEqual(api);
  expect(first.columns.filter((c) => c.pane > 1).map((c) => c.id)).toEqual(ids.slice(3));

  const old = await open('/?view=detail&ticker=SPY&range=1Y&overlays=sma:50,bb:10&panes=macd:12-26-9,stoch:14-3-3');
  await waitForRender(old.page, 1);
  expect(old.page.url()).toContain('ind=sma:50,bollinger:10:2,macd:12:26:9,stochastic:14:3:3');
  for (const name of ['sma', 'bollinger', 'macd', 'stochastic']) {
    expect(await old.page.locator(`input[name="${name}"]`).isChecked()).toBe(true);
  }
  const oldChart = await drawn(old.page);
  expect(oldChart.columns.map((c) => c.id)).toContain('stochastic.slowD');
  expect(consoleErrors).toEqual([]);
  expect(old.consoleErrors).toEqual([]);
  await page.close();
  await old.page.close();
});

it('offers all 41 indicators, and draws each one alone without an error', { timeout: 240_000 }, async () => {
  const { page, consoleErrors } = await open('/?view=detail&ticker=QQQ&range=1Y&interval=DAILY');
  await waitForRender(page, 1);
  const offered = await page
    .locator('#indicator-controls input[type="checkbox"]')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).name));
  expect([...offered].sort()).toEqual([...INDICATOR_NAMES].sort());
  await openGroups(page);
  let count = await renders(page);
  let previous: string | null = null;
  const started = Date.now();
  for (const name of INDICATOR_NAMES) {
    // Picked first, then the previous one dropped: two draws, the second with this one alone.
    await page.locator(`input[name="${name}"]`).check();
    await waitForRender(page, ++count);
    if (previous) {
      await page.locator(`input[name="${previous}"]`).uncheck();
      await waitForRender(page, ++count);
    }
    expect(new URL(page.url()).searchParams.get('ind')?.split(':')[0]).toBe(name);
    expect({ name, error: await page.locator('#error').textContent() }).toEqual({ name, error: '' });
    const chart = await drawn(page);
    const mine = chart.columns.filter((column) => column.id.startsWith(`${name}.`));
    expect(mine.length).toBeGreaterThan(0);
    // Some value drawn on every line (the demo's history is long enough to warm every default up).
    for (const column of mine)
      expect({ id: column.id, some: column.values.some((v) => v !== null) }).toEqual({ id: column.id, some: true });
    drawTimes[name] = await page.evaluate(() => window.__etfql?.lastDrawMs ?? 0);
    previous = name;
  }
  expect(Date.now() - started).toBeLessThan(180_000);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('works from the keyboard: a group opens, an indicator is picked, its argument set, and focus stays put', {
  timeout: 60_000,
}, async () => {
  const { page, consoleErrors } = await open('/?view=detail&ticker=SPY&range=3M');
  await waitForRender(page, 1);
  await page.locator('details[data-group="momentum"] > summary').focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('details[data-group="momentum"]').getAttribute('open')).not.toBeNull();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('rsi');
  await page.keyboard.press('Space');
  await waitForRender(page, 2);
  expect(page.url()).toContain('ind=rsi:14');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('rsi');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('rsi-period');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('21');
  await page.keyboard.press('Enter');
  await waitForRender(page, 3);
  expect(page.url()).toContain('ind=rsi:21');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('rsi-period');
  // A value out of bounds is refused with the catalog's bounds, and draws nothing.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#error').textContent()).toBe('RSI: period must be from 1 to 1000.');
  expect(page.url()).toContain('ind=rsi:21');
  // The description is one keypress away.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await page.locator('[data-indicator="rsi"] .about p').isVisible()).toBe(true);
  expect(await page.locator('[data-indicator="rsi"] .about p').textContent()).toContain('relative strength index');
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('fits a 375 px screen without horizontal scrolling, every group open', { timeout: 60_000 }, async () => {
  const url =
    '/?view=detail&ticker=SPY&range=1Y&ind=sma:50,kst:10|15|20|30:10|10|10|15:9:1|2|3|4,volatility,beta:QQQ:60';
  const { page, consoleErrors } = await open(url, 375);
  await waitForRender(page, 1);
  await openGroups(page);
  await page.locator('details.about').evaluateAll((all) => {
    for (const about of all) (about as HTMLDetailsElement).open = true;
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const compare = await open('/?view=compare&tickers=SPY,QQQ,TLT,GLD,IWM', 375);
  await waitForRender(compare.page, 1);
  expect(
    await compare.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join('test-results', 'dashboard-indicators-375.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
  await page.close();
  await compare.page.close();
});

/** RFC 4180 text back into rows: quoted fields may hold commas and doubled quotes (no line breaks here). */
function parseCsv(text: string): string[][] {
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (quoted && char === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (char === '"') quoted = !quoted;
        else if (char === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else field += char;
      }
      fields.push(field);
      return fields;
    });
}

/** Downloads the chart's CSV and reads it back as rows of fields. */
async function downloadChartCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-csv').click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

/** The rows the CSV must hold for a drawn chart: every column, full precision, empty where nothing is drawn. */
const expectedRows = (chart: DrawnChart) => [
  ['date', ...chart.columns.map((column) => column.title)],
  ...chart.dates.map((date, i) => [date, ...chart.columns.map((column) => String(column.values[i] ?? ''))]),
];

it('downloads as CSV what the chart shows, in either mode', { timeout: 60_000 }, async () => {
  const { page, consoleErrors } = await open('/?view=detail&ticker=SPY&range=3M&ind=ema:10,macd:5:35:5');
  await waitForRender(page, 1);
  const chart = await drawn(page);
  const rows = await downloadChartCsv(page);
  expect(rows).toEqual(expectedRows(chart));
  expect(rows[0]).toEqual([
    'date',
    'open',
    'high',
    'low',
    'close',
    'volume',
    'EMA(10)',
    'MACD(5,35,5) macd',
    'MACD(5,35,5) signal',
    'MACD(5,35,5) histogram',
  ]);
  expect(rows).toHaveLength(1 + 63);

  const compare = await open('/?view=compare&tickers=SPY,TLT&range=1M');
  await waitForRender(compare.page, 1);
  const compared = await drawn(compare.page);
  const compareRows = await downloadChartCsv(compare.page);
  expect(compareRows).toEqual(expectedRows(compared));
  expect(compareRows[0]).toEqual(['date', 'SPY', 'TLT']);
  expect(Number(compareRows[1]?.[1])).toBe(100);
  expect(consoleErrors).toEqual([]);
  expect(compare.consoleErrors).toEqual([]);
  await page.close();
  await compare.page.close();
});

it('shows the compared values in the legend, with no last-value labels on the price axis', {
  timeout: 60_000,
}, async () => {
  const { page, consoleErrors } = await open('/?view=compare&tickers=SPY,QQQ,TLT&range=6M');
  await waitForRender(page, 1);
  const chart = await drawn(page);
  expect(chart.columns.map((column) => column.id)).toEqual(['SPY', 'QQQ', 'TLT']);
  // Read back from each series the chart holds.
  for (const column of chart.columns) {
    expect({ id: column.id, labels: column.labels }).toEqual({
      id: column.id,
      labels: { lastValueVisible: false, priceLineVisible: false },
    });
  }
  const lastOf = (values: (number | null)[]) => values.filter((v) => v !== null).at(-1) as number;
  expect(await page.locator('.legend .legend-item').allTextContents()).toEqual(
    chart.columns.map((column) => `${column.title} ${lastOf(column.values).toFixed(2)}`),
  );
  expect(await page.locator('.legend .legend-date').textContent()).toBe(chart.dates.at(-1));
  // Hovering a date shows that date's values.
  const box = await page.locator('#chart').boundingBox();
  if (!box) throw new Error('no chart');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await expect.poll(() => page.locator('.legend .legend-date').textContent()).not.toBe(chart.dates.at(-1));
  const date = (await page.locator('.legend .legend-date').textContent()) as string;
  const i = chart.dates.indexOf(date);
  expect(i).toBeGreaterThan(0);
  expect(await page.locator('.legend .legend-item').first().textContent()).toBe(
    `SPY ${Number(chart.columns[0]?.values[i]).toFixed(2)}`,
  );
  expect(consoleErrors).toEqual([]);
  await page.close();
});

// The dashboard in a real headless Chromium against the real server, with
// every request to another host blocked.

import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import { requireContentLength } from '../../src/http/require-length.js';
import { createUser, PASSWORD } from '../helpers/accounts.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  // A low cost limit, so that one real query can be refused by the server.
  t = await createTestDatabase({ env: { MAX_QUERY_COST: '5000' } });
  for (const ticker of ['SPY', 'QQQ', 'TLT']) await createEtfWithBars(t.db, ticker, '2023-01-02', '2025-12-31');
  server = createServer(requireContentLength(t.app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  await mkdir('test-results', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

type Watch = { page: Page; graphqlRequests: string[]; consoleErrors: string[]; blocked: string[] };

/** `prepare` runs before the page loads: routes it adds take precedence over the blocking one. */
async function open(pathAndQuery: string, prepare?: (page: Page) => Promise<void>): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 850 } });
  const watch: Watch = { page, graphqlRequests: [], consoleErrors: [], blocked: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === new URL(baseUrl).host || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    watch.blocked.push(url.href);
    return route.abort();
  });
  await prepare?.(page);
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql')) watch.graphqlRequests.push(request.postData() ?? '');
  });
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

/** Pixels of the chart's canvases that are not background white. */
function inkedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    let inked = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#chart canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        if (
          (data[i + 3] as number) > 0 &&
          ((data[i] as number) < 200 || (data[i + 1] as number) < 200 || (data[i + 2] as number) < 200)
        )
          inked++;
      }
    }
    return inked;
  });
}

it('opens on a comparison of three ETFs, drawn, with no console errors', { timeout: 60_000 }, async () => {
  const { page, consoleErrors, blocked, graphqlRequests } = await open('/');
  await waitForRender(page, 1);
  expect(page.url()).toContain('view=compare&tickers=SPY,QQQ,TLT');
  expect(await page.locator('.chip').allTextContents()).toEqual(['SPY×', 'QQQ×', 'TLT×']);
  expect(await inkedPixels(page)).toBeGreaterThan(2000);
  await page.screenshot({ path: path.join('test-results', 'dashboard-comparison.png') }); // kept as a CI artifact
  expect(graphqlRequests).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
});

it('sends exactly one GraphQL request when an indicator is switched on, asking only for what it draws', {
  timeout: 60_000,
}, async () => {
  const { page, graphqlRequests, consoleErrors } = await open('/?view=detail&ticker=SPY&range=6M&interval=DAILY');
  await waitForRender(page, 1);
  const before = graphqlRequests.length;
  // The indicators are grouped, each group shut until opened.
  await page.locator('details[data-group="momentum"] > summary').click();
  await page.locator('input[name="rsi"]').check();
  await waitForRender(page, 2);
  await page.waitForTimeout(300); // a stray second request would have been sent by now
  expect(graphqlRequests.length - before).toBe(1);
  const sent = JSON.parse(graphqlRequests.at(-1) as string) as { query: string };
  // The one indicator picked, and no other.
  expect(sent.query).toContain('i0: rsi(period: 14) { value }');
  expect(sent.query).not.toMatch(/i1:|sma|macd/);
  expect(page.url()).toContain('ind=rsi:14');
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('round-trips the view through the URL: what was picked is back after a reload', { timeout: 60_000 }, async () => {
  const { page } = await open('/?view=detail&ticker=QQQ&range=1Y&interval=WEEKLY');
  await waitForRender(page, 1);
  await page.locator('details[data-group="overlays"] > summary').click();
  await page.locator('input[name="sma"]').check();
  await waitForRender(page, 2);
  await page.locator('details[data-group="momentum"] > summary').click();
  await page.locator('input[name="macd"]').check();
  await waitForRender(page, 3);
  await page.locator('[data-range="3M"]').click();
  await waitForRender(page, 4);
  const url = page.url();
  expect(url).toContain('ticker=QQQ');
  expect(url).toContain('range=3M');
  expect(url).toContain('interval=WEEKLY');
  expect(url).toContain('ind=sma:50,macd:12:26:9');

  await page.reload();
  await waitForRender(page, 1);
  expect(page.url()).toBe(url);
  expect(await page.locator('input[name="sma"]').isChecked()).toBe(true);
  expect(await page.locator('input[name="macd"]').isChecked()).toBe(true);
  expect(await page.locator('[data-range="3M"]').getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('#interval').inputValue()).toBe('WEEKLY');
  await page.close();
});

it('shows errors: an unknown ticker, a query the server refuses, a server that is down', {
  timeout: 60_000,
}, async () => {
  const unknown = await open('/?view=compare&tickers=SPY,NOPE');
  await waitForRender(unknown.page, 1);
  await expect.poll(() => unknown.page.locator('#error').textContent()).toBe('Unknown ticker: NOPE');
  // The unknown ticker leaves the chips and the URL; the known one stays.
  await expect.poll(() => unknown.page.locator('#chips').textContent()).not.toContain('NOPE');
  expect(await unknown.page.locator('#chips').textContent()).toContain('SPY');
  expect(new URL(unknown.page.url()).searchParams.get('tickers')).toBe('SPY');
  await unknown.page.close();

  const refused = await open('/?view=compare&tickers=SPY,QQQ,TLT&range=MAX');
  await expect
    .poll(() => refused.page.locator('#error').textContent(), { timeout: 15_000 })
    .toMatch(/estimated cost is \d+ .* above the limit of 5000/);
  await refused.page.close();

  const down = await open('/?view=compare&tickers=SPY');
  await waitForRender(down.page, 1);
  await down.page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await down.page.locator('[data-range="1M"]').click();
  await expect.poll(() => down.page.locator('#error').textContent()).toMatch(/cannot be reached/);
  await down.page.close();
});

it('shows the watchlist with last close and daily change once signed in', { timeout: 60_000 }, async () => {
  const user = await createUser(t.db, 'watcher@example.com');
  for (const ticker of ['TLT', 'SPY']) {
    const etf = await t.db.prisma.etf.findUniqueOrThrow({ where: { ticker } });
    await t.db.prisma.watchlistEntry.create({ data: { userId: user.id, etfId: etf.id } });
  }
  const { page, consoleErrors } = await open('/');
  await waitForRender(page, 1);
  await page.locator('#login input[name="email"]').fill('watcher@example.com');
  await page.locator('#login input[name="password"]').fill(PASSWORD);
  await page.locator('#login button').click();
  const rows = page.locator('#watchlist tbody tr');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
  // Signed in: the form goes, sign-out shows.
  expect(await page.locator('#login').isVisible()).toBe(false);
  expect(await page.locator('#logout').isVisible()).toBe(true);
  const cells = await rows.first().locator('td').allTextContents();
  expect(cells[0]).toBe('TLT');
  expect(cells[1]).toMatch(/^\d+\.\d{2}$/);
  expect(cells[2]).toMatch(/^-?\d+\.\d{2} %$/);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('refetches and subscribes again when the server drops its stream for falling behind', {
  timeout: 60_000,
}, async () => {
  // The first subscription gets what a dropped subscriber gets: its last
  // event, SUBSCRIBER_TOO_SLOW, and the end of the stream; later ones reach the server.
  let subscriptions = 0;
  const { page, graphqlRequests, consoleErrors } = await open('/?view=compare&tickers=SPY,QQQ', async (page) => {
    const isSubscription = (url: URL) => url.pathname === '/graphql' && /subscription/.test(url.search);
    await page.route(isSubscription, (route) => {
      subscriptions++;
      if (subscriptions > 1) return route.fallback();
      const dropped = { errors: [{ message: 'dropped', extensions: { code: 'SUBSCRIBER_TOO_SLOW', limit: 5000 } }] };
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: `:\n\nevent: next\ndata: ${JSON.stringify(dropped)}\n\nevent: complete\ndata:\n\n`,
      });
    });
  });
  // Rendered once for the page, once more for the refetch that the drop asks for.
  await waitForRender(page, 2);
  await expect.poll(() => subscriptions, { timeout: 15_000 }).toBe(2);
  await expect.poll(() => page.evaluate(() => window.__etfql?.live), { timeout: 15_000 }).toBe(true);
  await page.waitForTimeout(300);
  const before = graphqlRequests.length;
  await executeText(
    t.app,
    'mutation { loadPrices(ticker: "QQQ", bars: [{ date: "2026-01-05", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) { inserted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  await waitForRender(page, 3);
  expect(graphqlRequests.length - before).toBe(1);
  expect(subscriptions).toBe(2);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('refreshes the view when prices of a shown ticker are loaded (pricesUpdated)', { timeout: 60_000 }, async () => {
  const { page, graphqlRequests, consoleErrors } = await open('/?view=compare&tickers=SPY,QQQ');
  await waitForRender(page, 1);
  await expect.poll(() => page.evaluate(() => window.__etfql?.live), { timeout: 15_000 }).toBe(true);
  await page.waitForTimeout(300);
  const before = graphqlRequests.length;
  const load = await executeText(
    t.app,
    'mutation { loadPrices(ticker: "SPY", bars: [{ date: "2026-01-02", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) { inserted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  expect(load.data).toEqual({ loadPrices: { inserted: 1 } });
  await waitForRender(page, 2);
  expect(graphqlRequests.length - before).toBe(1);
  await expect.poll(() => page.locator('#status').textContent()).toContain('last bar 2026-01-02');
  expect(consoleErrors).toEqual([]);
  await page.close();
});

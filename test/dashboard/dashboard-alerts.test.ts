// The dashboard's alerts in a real headless Chromium against the real server:
// an alert made from the view on screen is the alert the API holds; a bar
// loaded through the API that crosses it shows a live notice and an event
// that are those the API answers; the API's problems show by the form; the
// panel fits a phone and works from the keyboard.

import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import { requireContentLength } from '../../src/http/require-length.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { createUser, PASSWORD, signIn } from '../helpers/accounts.js';
import { createEtf, createEtfWithBars, waitUntil } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let browser: Browser;
let baseUrl: string;

/** Weekdays from a date on. */
function weekdays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); days.length < count; day = new Date(day.getTime() + 86_400_000)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}
const DAYS = weekdays('2025-06-02', 40);
const TICKERS = ['ALRT', 'KEYB', 'RCON'];
const bar = (date: string, close: number) => ({
  date,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1000,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'SPY', '2025-01-02', '2025-06-30');
  // Thirty bars under 100: a close above 100 on the next one is a crossing.
  for (const ticker of TICKERS) {
    await createEtf(t.db, ticker);
    await loadPrices(
      t.db,
      ticker,
      DAYS.slice(0, 30).map((date) => bar(date, 90)),
    );
  }
  await runDueJobs(t.db.pool);
  server = createServer(requireContentLength(t.app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  await mkdir('test-results', { recursive: true });
  await waitUntil(async () => t.db.isListening(), 'the server listens for fired alerts');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

type Watch = { page: Page; consoleErrors: string[] };

/** `prepare` runs before the page loads: routes it adds take precedence over the blocking one. */
async function open(
  pathAndQuery: string,
  viewport = { width: 1300, height: 850 },
  prepare?: (page: Page) => Promise<void>,
): Promise<Watch> {
  const page = await browser.newPage({ viewport });
  const watch: Watch = { page, consoleErrors: [] };
  await page.route('**/*', (route) =>
    new URL(route.request().url()).host === new URL(baseUrl).host ? route.continue() : route.abort(),
  );
  await prepare?.(page);
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  await page.goto(`${baseUrl}${pathAndQuery}`);
  return watch;
}

/** Signs in through the page's form; resolves once the alert stream is open (unless `live` is false). */
async function signInOnPage(page: Page, email: string, live = true): Promise<void> {
  await page.locator('#login input[name="email"]').fill(email);
  await page.locator('#login input[name="password"]').fill(PASSWORD);
  await page.locator('#login button').click();
  await expect.poll(() => page.locator('#alert-form').isVisible(), { timeout: 15_000 }).toBe(true);
  if (!live) return;
  await expect.poll(() => page.evaluate(() => window.__etfql?.alertsLive), { timeout: 15_000 }).toBe(true);
  // The stream's head comes once the subscription is made; its listener is a moment behind.
  await page.waitForTimeout(300);
}

type ApiAlert = {
  id: string;
  name: string;
  when: Record<string, unknown>;
  tickers: string[] | null;
  events: { id: string; ticker: string; date: string; values: { metric: string; value: number }[] }[];
};

async function apiAlerts(token: string): Promise<ApiAlert[]> {
  const result = await executeText(
    t.app,
    'query { alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } } }',
    undefined,
    bearer(token),
  );
  expect(result.errors).toBeUndefined();
  return (result.data as { alerts: ApiAlert[] }).alerts;
}

/** A bar through the API, as an editor loads it, and the jobs it queued (the alerts' evaluation) run. */
async function loadBar(ticker: string, date: string, close: number): Promise<void> {
  const result = await executeText(
    t.app,
    'mutation($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }',
    { ticker, bars: [bar(date, close)] },
    bearer(ADMIN_KEY),
  );
  expect(result.errors).toBeUndefined();
  await runDueJobs(t.db.pool);
}

it('makes an alert from the view, tells live when it fires, lists its event as the API has it, deletes it', {
  timeout: 90_000,
}, async () => {
  await createUser(t.db, 'alerted@example.com');
  const token = await signIn(t.app, 'alerted@example.com');
  const { page, consoleErrors } = await open('/?view=detail&ticker=ALRT&range=3M&interval=DAILY');
  await signInOnPage(page, 'alerted@example.com');

  // The view's ticker is in the form; the condition is drawn from three choices and a number.
  expect(await page.locator('#alert-tickers').inputValue()).toBe('ALRT');
  await page.locator('#alert-metric').selectOption('CLOSE');
  await page.locator('#alert-op').selectOption('above');
  await page.locator('#alert-against').selectOption('number');
  await page.locator('#alert-value').fill('100');
  expect(await page.locator('#alert-name').inputValue()).toBe('Close above 100');
  await page.locator('#alert-form button[type="submit"]').click();

  const item = page.locator('#alert-list .alert');
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
  const [alert] = await apiAlerts(token);
  expect(alert).toMatchObject({ name: 'Close above 100', when: { metric: 'CLOSE', gt: 100 }, tickers: ['ALRT'] });
  expect(alert?.events).toEqual([]);
  // What the page shows is what the API answers.
  expect(await item.getAttribute('data-id')).toBe(alert?.id);
  expect(await item.locator('.alert-name').textContent()).toBe(alert?.name);
  expect(await item.locator('.alert-condition').textContent()).toBe('Close above 100');
  expect(await item.locator('.alert-tickers').textContent()).toBe('ALRT');
  expect(await item.locator('.alert-quiet').textContent()).toBe('Not fired yet.');

  // Still under 100, then across it.
  await loadBar('ALRT', DAYS[30] as string, 95);
  await loadBar('ALRT', DAYS[31] as string, 105);
  const notice = page.locator('#alert-notice');
  expect(await notice.getAttribute('role')).toBe('status');
  await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toBe(`Close above 100: ALRT on ${DAYS[31]}`);
  expect(await notice.isVisible()).toBe(true);

  const [fired] = await apiAlerts(token);
  expect(fired?.events).toEqual([
    { id: expect.any(String), ticker: 'ALRT', date: DAYS[31], values: [{ metric: 'CLOSE', value: 105 }] },
  ]);
  const events = item.locator('.alert-events li');
  await expect.poll(() => events.count(), { timeout: 15_000 }).toBe(1);
  expect(await events.first().locator('.event-ticker').textContent()).toBe(fired?.events[0]?.ticker);
  expect(await events.first().locator('time').getAttribute('datetime')).toBe(fired?.events[0]?.date);
  expect(await events.first().locator('.event-values').textContent()).toBe('Close 105.00');
  await page.screenshot({ path: path.join('test-results', 'dashboard-alerts.png') }); // kept as a CI artifact

  await page.getByRole('button', { name: 'Delete alert Close above 100' }).click();
  await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
  expect(await apiAlerts(token)).toEqual([]);
  expect(await page.locator('#alert-list-status').textContent()).toBe('No alerts yet.');
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('shows the problems the API finds next to the form, on the field they name', { timeout: 60_000 }, async () => {
  await createUser(t.db, 'typo@example.com');
  const token = await signIn(t.app, 'typo@example.com');
  const { page, consoleErrors } = await open('/?view=compare&tickers=SPY,ALRT');
  await signInOnPage(page, 'typo@example.com');
  expect(await page.locator('#alert-tickers').inputValue()).toBe('SPY, ALRT');
  // Another metric as the threshold: a price level against a moving average.
  await page.locator('#alert-metric').selectOption('CLOSE');
  await page.locator('#alert-against').selectOption('SMA_200');
  expect(await page.locator('#alert-value').isVisible()).toBe(false);
  expect(await page.locator('#alert-name').inputValue()).toBe('Close above SMA 200');
  await page.locator('#alert-tickers').fill('SPY, NOPE');
  await page.locator('#alert-form button[type="submit"]').click();

  const problems = page.locator('#alert-problems');
  await expect
    .poll(() => problems.textContent(), { timeout: 15_000 })
    .toBe('input.tickers: no ETF has the ticker NOPE');
  expect(await page.locator('#alert-tickers').getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('alert-tickers');
  expect(await apiAlerts(token)).toEqual([]);

  // Corrected, it goes through, and the problems go.
  await page.locator('#alert-tickers').fill('SPY');
  await page.locator('#alert-form button[type="submit"]').click();
  await expect.poll(() => page.locator('#alert-list .alert').count(), { timeout: 15_000 }).toBe(1);
  expect(await problems.textContent()).toBe('');
  expect(await page.locator('#alert-tickers').getAttribute('aria-invalid')).toBeNull();
  const [alert] = await apiAlerts(token);
  expect(alert).toMatchObject({ name: 'Close above SMA 200', when: { metric: 'CLOSE', gtMetric: 'SMA_200' } });
  expect(await page.locator('#alert-list .alert-condition').textContent()).toBe('Close above SMA 200');
  expect(await page.locator('#alert-list .alert-tickers').textContent()).toBe('SPY');
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('fits a 375 px screen and is made from the keyboard, submitted with Enter', { timeout: 60_000 }, async () => {
  await createUser(t.db, 'phone@example.com');
  const token = await signIn(t.app, 'phone@example.com');
  const { page, consoleErrors } = await open('/?view=detail&ticker=KEYB&range=1M&interval=DAILY', {
    width: 375,
    height: 800,
  });
  await signInOnPage(page, 'phone@example.com');

  // Nothing wider than the screen: no sideways scrolling, the panel and its fields inside it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  for (const selector of ['#alerts-panel', '#alert-metric', '#alert-op', '#alert-against', '#alert-value']) {
    const box = await page.locator(selector).boundingBox();
    expect(box, selector).not.toBeNull();
    expect(box?.x ?? -1, selector).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), selector).toBeLessThanOrEqual(375);
  }

  // From the sign-out button, Tab reaches the form's first field, then the next ones in order.
  await page.locator('#logout').focus();
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('alert-metric');
  await page.keyboard.press('ArrowDown'); // RSI 14
  expect(await page.locator('#alert-metric').inputValue()).toBe('RSI_14');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('alert-op');
  await page.keyboard.press('ArrowDown'); // below
  await page.keyboard.press('Tab');
  // RSI is compared with a number only: "compared with" is skipped.
  expect(await focused()).toBe('alert-value');
  await page.keyboard.type('30');
  expect(await page.locator('#alert-name').inputValue()).toBe('RSI 14 below 30');
  await page.keyboard.press('Enter');

  await expect.poll(() => page.locator('#alert-list .alert').count(), { timeout: 15_000 }).toBe(1);
  const [alert] = await apiAlerts(token);
  expect(alert).toMatchObject({ name: 'RSI 14 below 30', when: { metric: 'RSI_14', lt: 30 }, tickers: ['KEYB'] });
  await page.locator('#alerts-panel').screenshot({ path: path.join('test-results', 'dashboard-alerts-375.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Its delete button is reachable by keyboard too.
  await page.getByRole('button', { name: 'Delete alert RSI 14 below 30' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#alert-list .alert').count(), { timeout: 15_000 }).toBe(0);
  expect(await apiAlerts(token)).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await page.close();
});

it('subscribes again after a dropped stream, from the last event it got, and misses none', {
  timeout: 60_000,
}, async () => {
  await createUser(t.db, 'dropped@example.com');
  const token = await signIn(t.app, 'dropped@example.com');
  const created = await executeText(
    t.app,
    'mutation { createAlert(input: { name: "Over 100", when: { metric: CLOSE, gt: 100 }, tickers: ["RCON"] }) { alert { id } } }',
    undefined,
    bearer(token),
  );
  expect(created.errors).toBeUndefined();
  const alertId = (created.data as { createAlert: { alert: { id: string } } }).createAlert.alert.id;

  // The first stream is held until two events have fired, then gets the first
  // of them, as the server sends it, and breaks off; later ones reach the server.
  const subscriptions: URL[] = [];
  let asked!: () => void;
  const firstAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  let deliver!: (body: string) => void;
  const firstBody = new Promise<string>((resolve) => {
    deliver = resolve;
  });
  const { page, consoleErrors } = await open('/?view=detail&ticker=RCON&range=1M', undefined, async (page) => {
    const isAlertStream = (url: URL) => url.pathname === '/graphql' && /alertTriggered/.test(url.search);
    await page.route(isAlertStream, async (route) => {
      subscriptions.push(new URL(route.request().url()));
      if (subscriptions.length > 1) return route.fallback();
      asked();
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: await firstBody,
      });
    });
  });
  await signInOnPage(page, 'dropped@example.com', false);
  await firstAsked;
  // Nothing was listed: the page asks for every event after none.
  expect(JSON.parse(subscriptions[0]?.searchParams.get('variables') ?? '')).toEqual({ after: '0' });

  await loadBar('RCON', DAYS[30] as string, 105);
  await loadBar('RCON', DAYS[31] as string, 95);
  await loadBar('RCON', DAYS[32] as string, 106);
  const [alert] = await apiAlerts(token);
  const [second, first] = alert?.events ?? [];
  expect([first?.date, second?.date]).toEqual([DAYS[30], DAYS[32]]);
  const sent = { data: { alertTriggered: { id: first?.id, alertId, ticker: 'RCON', date: first?.date } } };
  deliver(`:\n\nevent: next\nid: ${first?.id}\ndata: ${JSON.stringify(sent)}\n\n`);

  // The second subscription replays what came after the first event: the second.
  const notices = page.locator('#alert-notice p');
  await expect
    .poll(() => notices.allTextContents(), { timeout: 20_000 })
    .toEqual([`Over 100: RCON on ${DAYS[32]}`, `Over 100: RCON on ${DAYS[30]}`]);
  expect(subscriptions).toHaveLength(2);
  expect(JSON.parse(subscriptions[1]?.searchParams.get('variables') ?? '')).toEqual({ after: first?.id });
  await expect.poll(() => page.evaluate(() => window.__etfql?.alertsLive), { timeout: 15_000 }).toBe(true);
  // The list has both, newest first, as the API does.
  const dates = page.locator('#alert-list .alert-events time');
  await expect
    .poll(() => dates.evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))))
    .toEqual(alert?.events.map((event) => event.date));
  expect(consoleErrors).toEqual([]);
  await page.close();
});

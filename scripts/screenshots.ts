// npm run screenshots [-- name …]: the README's pictures of the dashboard,
// taken from the real thing. It builds the dashboard from src/dashboard, starts
// the server as `npm start` does (embedded PostgreSQL in a temporary data
// directory, demo data up to the last weekday), opens each view in headless
// Chromium (Debian's, never a downloaded one) and writes docs/screenshots/<name>.png.
// Names given on the command line retake only those (e.g. `-- compare detail`
// after a change to the chart), so one view is retaken without the others.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../bench/chromium.js';
import { buildDashboard } from '../src/http/dashboard-assets.js';
import { freePort } from '../src/net/ports.js';
import { type ServerChild, startServerChild, stopServerChild } from './servers/server-child.js';

const OUT_DIR = path.join('docs', 'screenshots');
const EMAIL = 'demo@example.com';
const PASSWORD = 'screenshots only, a throw-away database';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 800 };

type Mode = 'compare' | 'detail' | 'screen' | 'risk' | 'correlation' | 'holdings';
type Shot = { name: string; url: string; mode: Mode; viewport: typeof DESKTOP; signedIn?: boolean };

// What each picture shows: one per view, at a fixed size, so that retaking one
// changes what changed in the view and nothing else.
const SHOTS: Shot[] = [
  { name: 'compare', mode: 'compare', viewport: DESKTOP, url: '/?view=compare&tickers=SPY,QQQ,TLT,GLD&range=1Y' },
  {
    name: 'detail',
    mode: 'detail',
    viewport: DESKTOP,
    url: '/?view=detail&ticker=SPY&range=1Y&interval=DAILY&overlays=sma:50,bb:20&panes=rsi:14,macd:12-26-9',
  },
  {
    name: 'screen',
    mode: 'screen',
    viewport: DESKTOP,
    url: '/?view=screen&where=RETURN_1Y:gt:0,class:in:EQUITY&sort=RETURN_1Y:desc',
  },
  { name: 'risk', mode: 'risk', viewport: DESKTOP, url: '/?view=risk&tickers=SPY,QQQ,TLT,GLD' },
  {
    name: 'correlation',
    mode: 'correlation',
    viewport: DESKTOP,
    url: '/?view=correlation&tickers=SPY,QQQ,IWM,EFA,EEM,TLT,GLD,VNQ&last=252',
  },
  { name: 'holdings', mode: 'holdings', viewport: DESKTOP, url: '/?view=holdings&tickers=SPY,QQQ,AOR' },
  { name: 'screen-phone', mode: 'screen', viewport: PHONE, url: '/?view=screen&sort=RETURN_1Y:desc' },
  // Last: it rewrites SPY's last bar (to make its alert fire), which the others would show.
  { name: 'alerts', mode: 'detail', viewport: DESKTOP, url: '/?view=detail&ticker=SPY&range=3M', signedIn: true },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SHOTS.some((shot) => shot.name === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown screenshot ${unknown.join(', ')}; there are ${SHOTS.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
const shots = SHOTS.filter((shot) => wanted.length === 0 || wanted.includes(shot.name));

async function graphql<T>(baseUrl: string, query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

type Bar = { date: string; open: number; high: number; low: number; close: number; volume: number };

/** Rewrites SPY's last bar with another close, as an editor would, and waits for its alerts to be judged. */
async function rewriteLastBar(baseUrl: string, token: string, last: Bar, close: number): Promise<void> {
  const bar = { ...last, close, high: Math.max(last.high, close), low: Math.min(last.low, close) };
  await graphql(
    baseUrl,
    'mutation($bars: [PriceBarInput!]!) { loadPrices(ticker: "SPY", bars: $bars) { updated } }',
    { bars: [bar] },
    token,
  );
}

/**
 * An alert on SPY that has fired once: made just above the last close, then
 * the last bar rewritten twice, first still under it (SPY is judged, which a
 * first judgement never fires), then above it (it fires: a live notice on the
 * page, and an event in the panel).
 */
async function alertThatFires(baseUrl: string, token: string, page: Page): Promise<void> {
  const { etf } = await graphql<{ etf: { prices: Bar[] } }>(
    baseUrl,
    '{ etf(ticker: "SPY") { prices(last: 1) { date open high low close volume } } }',
    {},
  );
  const last = etf.prices[0] as Bar;
  const level = Math.ceil(last.close * 1.01);
  await graphql(
    baseUrl,
    'mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id } } }',
    { input: { name: `Close above ${level}`, tickers: ['SPY'], when: { metric: 'CLOSE', gt: level } } },
    token,
  );
  await graphql(
    baseUrl,
    'mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id } } }',
    { input: { name: 'RSI 14 above 70', tickers: ['SPY', 'QQQ'], when: { metric: 'RSI_14', gt: 70 } } },
    token,
  );
  await rewriteLastBar(baseUrl, token, last, last.close * 0.999);
  await page.waitForTimeout(1500); // the evaluation job runs in the server's worker
  await rewriteLastBar(baseUrl, token, last, level * 1.004);
  await page.locator('#alert-list .alert-events li').first().waitFor({ timeout: 20_000 });
  await page.locator('#alert-notice').filter({ hasText: 'SPY' }).waitFor({ timeout: 20_000 });
}

async function signInOnPage(page: Page): Promise<void> {
  await page.locator('#login input[name="email"]').fill(EMAIL);
  await page.locator('#login input[name="password"]').fill(PASSWORD);
  await page.locator('#login button').click();
  await page.locator('#alert-form').waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => window.__etfql?.alertsLive === true, undefined, { timeout: 15_000 });
}

/** Waits until the view has drawn once (the chart's or the panel's own record), then for fonts and a last frame. */
async function drawn(page: Page, mode: Mode): Promise<void> {
  if (mode === 'compare' || mode === 'detail') {
    await page.waitForFunction(() => (window.__etfql?.renders ?? 0) >= 1, undefined, { timeout: 30_000 });
  } else {
    await page.waitForFunction((m) => (window.__etfqlViews?.[m]?.renders ?? 0) >= 1, mode, { timeout: 30_000 });
  }
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

async function take(browser: Browser, baseUrl: string, shot: Shot): Promise<string> {
  const page = await browser.newPage({ viewport: shot.viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Only this server: a picture that needs the internet would not be the one users see.
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.host === new URL(baseUrl).host || url.protocol === 'data:' || url.protocol === 'blob:'
      ? route.continue()
      : route.abort();
  });
  try {
    await page.goto(`${baseUrl}${shot.url}`);
    await drawn(page, shot.mode);
    if (shot.signedIn) {
      await signInOnPage(page);
      await alertThatFires(baseUrl, await login(baseUrl), page);
      await page.locator('#alerts-panel').scrollIntoViewIfNeeded();
    }
    if (problems.length > 0) throw new Error(`${shot.name}: ${problems.join('; ')}`);
    const file = path.join(OUT_DIR, `${shot.name}.png`);
    await page.screenshot({ path: file });
    return file;
  } finally {
    await page.close();
  }
}

async function login(baseUrl: string): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    baseUrl,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: EMAIL, p: PASSWORD },
  );
  return data.login.token;
}

await buildDashboard(); // the pictures show the source as it is, not an older bundle
await mkdir(OUT_DIR, { recursive: true });
const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-screenshots-'));
let server: ServerChild | undefined;
let browser: Browser | undefined;
try {
  process.stdout.write('starting the server with demo data (seeding takes a little while)…\n');
  server = await startServerChild(
    {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      ADMIN_EMAIL: EMAIL,
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
    },
    300_000,
  );
  browser = await launchChromium();
  for (const shot of shots) {
    const file = await take(browser, server.baseUrl, shot);
    process.stdout.write(
      `${file}  ${shot.viewport.width}×${shot.viewport.height}  ${((await stat(file)).size / 1024).toFixed(0)} KB\n`,
    );
  }
} finally {
  await browser?.close();
  await stopServerChild(server);
  await rm(dataDir, { recursive: true, force: true });
}

// GraphiQL in a real headless Chromium, with every request to another host
// blocked: the page must render from this server's assets alone and run a query.
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['SPY', 'QQQ', 'TLT']) await createEtfWithBars(t.db, ticker, '2025-12-01', '2025-12-31');
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

it('renders GraphiQL from local assets and runs the default chart query', { timeout: 90_000 }, async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.host === new URL(baseUrl).host) {
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.goto(`${baseUrl}/graphql`, { waitUntil: 'load' });
  await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
  expect(await page.title()).toContain('etfql');

  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response');
  // Monaco renders only the lines in view, so the first ETF is what we can read.
  // Monaco renders with non-breaking spaces; \s matches those too.
  const responseText = async () => ((await response.textContent()) ?? '').replace(/\s+/g, ' ');
  await expect.poll(responseText, { timeout: 30_000 }).toContain('"ticker": "SPY"');
  const text = await responseText();
  expect(text).toContain('"name": "SPY Test Fund"');
  expect(text).toMatch(/"close": \d+(\.\d+)?/);

  await page.screenshot({ path: path.join('test-results', 'graphiql.png') }); // kept as a CI artifact
  expect(blocked).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

// npm run update with PRICE_SOURCE=alphavantage, as a real process, against a
// server of our own on 127.0.0.1 that answers like Alpha Vantage's
// TIME_SERIES_DAILY_ADJUSTED as its documentation describes it
// (https://www.alphavantage.co/documentation/#dailyadj): GET
// /query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=…&outputsize=compact|full
// &datatype=csv&apikey=…, a CSV with timestamp, open, high, low, close,
// adjusted_close, volume, dividend_amount, split_coefficient, NEWEST ROW
// FIRST, compact being the latest 100 rows; and, with HTTP 200 all the same,
// a JSON body for what is not a price file: {"Error Message": …} for an
// unknown symbol, {"Note": …} or {"Information": …} for a rate limit (per
// second or minute, or the day's quota, which echoes the key) or a premium
// endpoint.
//
// The key is a query parameter, so it is in every URL: it must never show.
// Each failure costs its ticker only, writing nothing; the day's quota stops
// the run's requests (exit 3, "retry later") and the next run resumes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tradingDays } from '../../src/demo/synthetic-bars.js';
import type { PriceBar } from '../../src/prices/history.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { type Action, backAdjust } from '../helpers/back-adjust.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf } from '../helpers/fixtures.js';
import { actionRows, derivedRows, providerBars } from '../helpers/provider-history.js';
import { expectStoredIndicatorsCurrent, storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const KEY = 'AVTESTKEY7Q2M9X4';
const NEW_DAYS = 3;
/** Alpha Vantage's compact answer: the latest 100 data points. */
const COMPACT_ROWS = 100;

const FREQUENCY_NOTE =
  'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.';
/** Since late 2025: about the request rate, though it names the daily limit too. */
const BURST =
  'Thank you for using Alpha Vantage! Please consider spreading out your free API requests more sparingly (1 request per second). You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day).';
const DAILY_LIMIT = `We have detected your API key as ${KEY} and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.`;
const PREMIUM =
  'Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints';
const INVALID_CALL =
  'Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY_ADJUSTED.';

let t: TestDatabase;
let server: Server;
let env: Record<string, string>;
const requests: { path: string; symbol: string; outputsize: string; at: number }[] = [];
/** From this many requests on, every answer is the day's quota message (null: no quota). */
let quotaAfter: number | null = null;

type Answer = { status: number; body: string };
/** What the provider answers per (upper-case) symbol, given outputsize. */
const answers = new Map<string, (outputsize: string) => Answer>();
const history = new Map<string, { bars: PriceBar[]; actions: Action[] }>();
const json = (body: Record<string, string>): Answer => ({ status: 200, body: JSON.stringify(body, null, 4) });

/** Alpha Vantage's CSV: its columns in its order, newest row first, compact the latest 100. */
function alphaVantageCsv(bars: PriceBar[], actions: Action[], outputsize: string, adjClose = (b: PriceBar) => b.close) {
  const adjusted = backAdjust(bars, actions);
  const rows = bars.map((bar, i) => {
    const adj = adjusted[i] as PriceBar;
    const dividend = actions.find((a) => a.kind === 'DIVIDEND' && a.date === bar.date)?.value ?? 0;
    const split = actions.find((a) => a.kind === 'SPLIT' && a.date === bar.date)?.value ?? 1;
    return [
      bar.date,
      bar.open,
      bar.high,
      bar.low,
      bar.close,
      adjClose({ ...adj }),
      bar.volume,
      dividend.toFixed(4),
      split.toFixed(1),
    ].join(',');
  });
  rows.reverse();
  const shown = outputsize === 'full' ? rows : rows.slice(0, COMPACT_ROWS);
  return `timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient\r\n${shown.join('\r\n')}\r\n`;
}

/** Trading days up to yesterday: the update asks for the compact answer when the last stored bar is recent. */
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const days = tradingDays(new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10), yesterday);
const newDay = (n: number) => days.at(-NEW_DAYS + n) as string; // 0, 1, 2: the days the update brings

/** An ETF whose history the provider has; all but the last `unstored` stored (none when `stored` is false). */
async function etf(ticker: string, actions: Action[] = [], options: { stored?: boolean; unstored?: number } = {}) {
  await createEtf(t.db, ticker);
  // Raw prices after a split are in the new shares.
  const bars = providerBars(ticker, days, actions);
  history.set(ticker, { bars, actions });
  if (options.stored !== false) await loadPrices(t.db, ticker, bars.slice(0, -(options.unstored ?? NEW_DAYS)));
  answers.set(ticker, (outputsize) => ({ status: 200, body: alphaVantageCsv(bars, actions, outputsize) }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await etf('NORM');
  await etf('SPLT', [{ kind: 'SPLIT', date: newDay(1), value: 2 }]);
  await etf('DIVI', [{ kind: 'DIVIDEND', date: newDay(2), value: 0.75 }]);
  // No bars: the whole history (more than compact's 100 rows), with a dividend in it.
  await etf('FRESH', [{ kind: 'DIVIDEND', date: days[20] as string, value: 0.4 }], { stored: false });
  // 150 trading days behind: beyond compact's window, so the full history is asked for.
  await etf('GAP', [], { unstored: 150 });
  await etf('WRONG');
  const wrong = history.get('WRONG') as { bars: PriceBar[]; actions: Action[] };
  answers.set('WRONG', (outputsize) => ({
    status: 200,
    body: alphaVantageCsv(wrong.bars, [], outputsize, (b) => (b.date === newDay(0) ? b.close * 10 : b.close)),
  }));
  await etf('NOPE');
  answers.set('NOPE', () => json({ 'Error Message': INVALID_CALL }));
  await etf('FREQ');
  answers.set('FREQ', () => json({ Note: FREQUENCY_NOTE }));
  await etf('PREM');
  answers.set('PREM', () => json({ Information: PREMIUM }));
  await etf('ZRATE');
  answers.set('ZRATE', () => json({ Information: BURST }));
  // The key quoted where a reason is cut to length: cutting first would show part of it.
  await etf('XKEY');
  answers.set('XKEY', () => json({ 'Error Message': `${'Invalid API call. '.repeat(4).slice(0, 67)}apikey=${KEY}` }));
  // The same from a proxy in front (PRICE_SOURCE_BASE_URL), as an error status with a JSON message.
  await etf('PROXY');
  answers.set('PROXY', () => ({
    status: 403,
    body: JSON.stringify({ message: `${'Forbidden by the proxy. '.repeat(3).slice(0, 67)}apikey=${KEY}` }),
  }));

  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const symbol = url.searchParams.get('symbol') ?? '';
    const outputsize = url.searchParams.get('outputsize') ?? 'compact';
    requests.push({ path: `${url.pathname}${url.search}`, symbol, outputsize, at: performance.now() });
    const send = ({ status, body }: Answer) =>
      response
        .writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'application/x-download' })
        .end(body);
    if (url.pathname !== '/query' || url.searchParams.get('function') !== 'TIME_SERIES_DAILY_ADJUSTED') {
      send(json({ 'Error Message': 'This API function () does not exist.' }));
      return;
    }
    if (url.searchParams.get('apikey') !== KEY) {
      send(json({ 'Error Message': 'the parameter apikey is invalid or missing. Please claim your free API key.' }));
      return;
    }
    if (quotaAfter !== null && requests.length > quotaAfter) {
      send(json({ Information: DAILY_LIMIT }));
      return;
    }
    const answer = answers.get(symbol.toUpperCase());
    send(answer ? answer(outputsize) : json({ 'Error Message': INVALID_CALL }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = {
    DATABASE_URL: t.url,
    PRICE_SOURCE: 'alphavantage',
    PRICE_SOURCE_KEY: KEY,
    PRICE_SOURCE_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    PRICE_SOURCE_TIMEOUT_MS: '5000',
  };
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t.close();
});

const storedCount = async (ticker: string) => (await storedBars(t.db, ticker)).length;

it('loads bars newest first with their splits and dividends, checks the adjustment, and fails only the tickers that fail', async () => {
  const untouched = ['NOPE', 'FREQ', 'PREM', 'XKEY', 'PROXY', 'ZRATE'];
  const before = new Map(
    await Promise.all(untouched.map(async (ticker) => [ticker, await derivedRows(t.db, ticker)] as const)),
  );
  const run = await runCli('update', [], env);
  const output = `${run.stdout}${run.stderr}`;

  // The documented endpoint and parameters; compact when the last stored bar is recent, full otherwise.
  const asked = (symbol: string) => requests.filter((r) => r.symbol === symbol).map((r) => r.path);
  expect(asked('NORM')).toEqual([
    `/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=NORM&outputsize=compact&datatype=csv&apikey=${KEY}`,
  ]);
  expect(requests.find((r) => r.symbol === 'FRESH')?.outputsize).toBe('full');
  expect(requests.find((r) => r.symbol === 'GAP')?.outputsize).toBe('full');
  // The key is in every URL, and shows nowhere.
  expect(output).not.toContain(KEY);
  expect(output).not.toContain(KEY.slice(0, 4));
  expect(run.stderr).toMatch(/^XKEY: FAILED: Alpha Vantage: "Invalid API call\..*"…$/m);
  expect(run.stderr).toMatch(/^PROXY: FAILED: HTTP 403 Forbidden: "Forbidden by the proxy\..*"…$/m);
  // Politely paced: one request a second at most. A request that leaves late narrows the gap after
  // it, so the bound is on the span, from the second request (the first also loads the HTTP client),
  // with a wide margin: unpaced, the whole run takes about a second.
  const paced = requests.slice(1).map((r) => r.at);
  expect((paced.at(-1) as number) - (paced[0] as number)).toBeGreaterThanOrEqual((paced.length - 1) * 800);

  expect(run.stdout).toContain(`NORM: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(run.stdout).toContain(`SPLT: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 split\n`);
  expect(run.stdout).toContain(`DIVI: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 dividend\n`);
  expect(run.stdout).toContain(`FRESH: ${days.length} new bars (${days[0]} to ${days.at(-1)}), 1 dividend\n`);
  expect(run.stdout).toContain(`GAP: 150 new bars (${days.at(-150)} to ${days.at(-1)})\n`);
  expect(run.stderr).toContain(`NOPE: FAILED: Alpha Vantage: ${JSON.stringify(INVALID_CALL.slice(0, 80))}…\n`);
  expect(run.stderr).toMatch(/^FREQ: FAILED: rate limited by the provider \(Alpha Vantage: ".*"…\): retry later$/m);
  // A request-rate message, though it names the daily limit: not the quota.
  expect(run.stderr).toMatch(/^ZRATE: FAILED: rate limited by the provider \(Alpha Vantage: ".*"…\): retry later$/m);
  expect(run.stderr).toMatch(
    /^PREM: FAILED: Alpha Vantage: "Thank you for using Alpha Vantage! This is a premium endpoint.*$/m,
  );
  const wrongBar = (history.get('WRONG')?.bars ?? []).find((b) => b.date === newDay(0)) as PriceBar;
  expect(run.stderr).toContain(
    `WRONG: adjustment differs from the provider's on ${newDay(0)}: ${wrongBar.close} vs ${Number((wrongBar.close * 10).toPrecision(10))}\n`,
  );
  // Only WRONG's differs: the recorded actions give Alpha Vantage's adjusted closes everywhere else.
  expect(run.stderr.match(/adjustment differs/g)).toHaveLength(1);
  // One line per failure.
  expect(run.stderr.split('\n').filter((line) => line.includes('FAILED'))).toHaveLength(6);
  expect(run.stdout).toContain(
    `12 ETFs: 6 updated (${3 * 4 + days.length + 150} bars), 0 up to date, 6 failed (2 rate-limited: retry later), 1 with an adjustment differing`,
  );
  expect(run.code).toBe(1);

  for (const ticker of ['NORM', 'SPLT', 'DIVI', 'FRESH', 'GAP', 'WRONG']) {
    const { bars, actions } = history.get(ticker) as { bars: PriceBar[]; actions: Action[] };
    expect(await storedBars(t.db, ticker)).toEqual(bars);
    expect(await actionRows(t.db, ticker)).toEqual(actions.map(({ date, kind, value }) => ({ date, kind, value })));
    await expectStoredIndicatorsCurrent(t.db, ticker);
  }
  for (const ticker of untouched) {
    expect(await storedCount(ticker)).toBe(days.length - NEW_DAYS);
    expect(await actionRows(t.db, ticker)).toEqual([]);
    expect(await derivedRows(t.db, ticker)).toEqual(before.get(ticker));
  }
}, 60_000);

it("stops asking once the day's quota is spent (exit 3, retry later, nothing written for the rest), and the next run resumes", async () => {
  for (const ticker of ['NOPE', 'FREQ', 'PREM', 'XKEY', 'PROXY', 'ZRATE']) {
    const { bars } = history.get(ticker) as { bars: PriceBar[] };
    answers.set(ticker, (outputsize) => ({ status: 200, body: alphaVantageCsv(bars, [], outputsize) }));
  }
  // In ticker order: DIVI (current), FREQ (3 new), FRESH (current), GAP (current); NORM meets the quota.
  requests.length = 0;
  quotaAfter = 4;
  const untouched = ['NOPE', 'PREM', 'XKEY', 'PROXY', 'ZRATE'];
  const before = new Map(
    await Promise.all(untouched.map(async (ticker) => [ticker, await derivedRows(t.db, ticker)] as const)),
  );
  const run = await runCli('update', [], env);

  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY); // the quota message names the key
  expect(requests.map((r) => r.symbol)).toEqual(['DIVI', 'FREQ', 'FRESH', 'GAP', 'NOPE']);
  expect(run.stdout).toContain(`FREQ: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(run.stderr).toMatch(
    /^NOPE: FAILED: rate limited by the provider \(Alpha Vantage's daily limit: ".*\[PRICE_SOURCE_KEY\].*"…?\): retry later$/m,
  );
  for (const ticker of ['NORM', 'PREM', 'PROXY', 'SPLT', 'WRONG', 'XKEY', 'ZRATE']) {
    expect(run.stderr).toContain(
      `${ticker}: FAILED: not asked: Alpha Vantage's daily limit was reached earlier in this run: retry later\n`,
    );
  }
  expect(run.stdout).toContain('12 ETFs: 1 updated (3 bars), 3 up to date, 8 failed (8 rate-limited: retry later), in');
  expect(run.code).toBe(3);
  for (const ticker of untouched) {
    expect(await storedCount(ticker)).toBe(days.length - NEW_DAYS);
    expect(await derivedRows(t.db, ticker)).toEqual(before.get(ticker));
  }

  // The next run (the quota renewed) picks up where this one stopped.
  quotaAfter = null;
  const next = await runCli('update', [], env);
  expect(next.stdout).toContain(`NOPE: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(next.stdout).toContain(`PREM: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(next.stdout).toContain(`XKEY: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(next.stdout).toContain('12 ETFs: 5 updated (15 bars), 7 up to date, 0 failed, in');
  expect(next.code).toBe(0);
  for (const ticker of untouched) {
    expect(await storedBars(t.db, ticker)).toEqual(history.get(ticker)?.bars);
    await expectStoredIndicatorsCurrent(t.db, ticker);
  }
}, 60_000);

it.each([
  ['PRICE_SOURCE=alphavantage without a key', { PRICE_SOURCE_KEY: '' }, /Set PRICE_SOURCE_KEY/],
  ['a base URL with a path', { PRICE_SOURCE_BASE_URL: 'http://127.0.0.1:1/query' }, /PRICE_SOURCE_BASE_URL must be/],
])('refuses %s with status 2, the key not shown', async (_name, change, message) => {
  const run = await runCli('update', [], { ...env, ...change });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
});

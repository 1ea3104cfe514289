// npm run update with PRICE_SOURCE=eodhd, as a real process, against a server
// of our own on 127.0.0.1 that answers like EODHD's APIs as their
// documentation describes them (https://eodhd.com/financial-apis/): GET
// /api/eod/<SYMBOL>.US, /api/splits/<SYMBOL>.US and /api/div/<SYMBOL>.US with
// api_token, fmt=json and from=YYYY-MM-DD; the end-of-day answer a JSON array of
// {date, open, high, low, close, adjusted_close, volume}, splits
// {date, split: "2.000000/1.000000"}, dividends {date (the ex-date), value
// (split-adjusted), unadjustedValue (the cash paid), …}; an unknown symbol
// HTTP 404 "Ticker Not Found.", a used-up daily quota HTTP 402.
//
// The three answers of one ETF are one unit: any failure (an unknown ticker, a
// malformed split, an error on one endpoint, a rate limit) costs that ticker
// only, with a one-line reason, writing nothing of it; a used-up daily quota
// stops the run with exit 3 and the next run resumes; the token, which EODHD
// takes in the URL, never shows.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tradingDays } from '../../src/demo/synthetic-bars.js';
import type { PriceBar } from '../../src/prices/history.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { splitRatio } from '../../src/update/eodhd.js';
import { type Action, backAdjust } from '../helpers/back-adjust.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf } from '../helpers/fixtures.js';
import { actionRows, providerBars } from '../helpers/provider-history.js';
import { expectStoredIndicatorsCurrent, storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const KEY = 'eodhd-test-token-8c41d2e97fa3';
const NEW_DAYS = 3;

let t: TestDatabase;
let server: Server;
let env: Record<string, string>;
const requests: URL[] = [];

type Endpoint = 'eod' | 'splits' | 'div';
type Answer = { status: number; headers?: Record<string, string>; body: string };
/** What the provider answers per endpoint and symbol (SPY.US), given the request's `from`. */
const answers = new Map<string, (from: string) => Answer>();
const history = new Map<string, { bars: PriceBar[]; actions: Action[] }>();
/** Set: every request answers EODHD's used-up daily quota. */
let quotaUsedUp = false;

const json = (body: unknown): Answer => ({ status: 200, body: JSON.stringify(body) });

/** EODHD's end-of-day JSON from `from` on, adjusted_close back-adjusted for splits and dividends. */
function eodJson(bars: PriceBar[], actions: Action[], from: string, adjusted = (b: PriceBar) => b.close) {
  const back = backAdjust(bars, actions);
  return json(
    bars.flatMap((bar, i) =>
      bar.date < from
        ? []
        : [
            {
              date: bar.date,
              open: bar.open,
              high: bar.high,
              low: bar.low,
              close: bar.close,
              adjusted_close: adjusted(back[i] as PriceBar),
              volume: bar.volume,
            },
          ],
    ),
  );
}

/** The splits after `from`, as EODHD writes them ("new/old" with six decimals). */
const splitsJson = (actions: Action[], from: string) =>
  json(
    actions
      .filter((a) => a.kind === 'SPLIT' && a.date >= from)
      .map((a) => ({ date: a.date, split: `${a.value.toFixed(6)}/1.000000` })),
  );

/** The dividends after `from`: `value` adjusted for the splits after it, `unadjustedValue` the cash paid. */
const divJson = (actions: Action[], from: string, extra: object[] = []) =>
  json([
    ...actions
      .filter((a) => a.kind === 'DIVIDEND' && a.date >= from)
      .map((a) => {
        const later = actions.filter((s) => s.kind === 'SPLIT' && s.date > a.date);
        const value = later.reduce((v, s) => v / s.value, a.value);
        return {
          date: a.date,
          declarationDate: null,
          recordDate: a.date,
          paymentDate: a.date,
          period: 'Quarterly',
          value,
          unadjustedValue: a.value,
          currency: 'USD',
        };
      }),
    ...extra,
  ]);

const days = tradingDays('2024-01-02', '2024-12-31');
const newDay = (n: number) => days.at(-NEW_DAYS + n) as string; // 0, 1, 2: the days the update brings

const answer = (endpoint: Endpoint, ticker: string, reply: (from: string) => Answer) =>
  answers.set(`${endpoint}/${ticker}.US`, reply);

/** An ETF whose history the provider has; all but the last NEW_DAYS stored (none when `stored` is false). */
async function etf(ticker: string, actions: Action[] = [], options: { stored?: boolean; count?: number } = {}) {
  await createEtf(t.db, ticker);
  const own = options.count ? days.slice(0, options.count) : days;
  // Raw prices after a split are in the new shares.
  const bars = providerBars(ticker, own, actions);
  history.set(ticker, { bars, actions });
  if (options.stored !== false) await loadPrices(t.db, ticker, bars.slice(0, -NEW_DAYS));
  answer('eod', ticker, (from) => eodJson(bars, actions, from));
  answer('splits', ticker, (from) => splitsJson(actions, from));
  answer('div', ticker, (from) => divJson(actions, from));
}

/** Everything stored for an ETF: bars, actions, indicators and latest figures. */
const everything = async (ticker: string) => {
  const [actions, indicators, metrics] = await Promise.all([
    actionRows(t.db, ticker),
    t.db.pool.query(
      `SELECT i.* FROM daily_indicator i JOIN etf e ON e.id = i.etf_id WHERE e.ticker = $1 ORDER BY adjusted, date`,
      [ticker],
    ),
    t.db.pool.query(
      `SELECT m.* FROM latest_metrics m JOIN etf e ON e.id = m.etf_id WHERE e.ticker = $1 ORDER BY adjusted`,
      [ticker],
    ),
  ]);
  return { bars: await storedBars(t.db, ticker), actions, indicators: indicators.rows, metrics: metrics.rows };
};

const requestsFor = (symbol: string) => requests.filter((r) => r.pathname.endsWith(`/${symbol}`));

beforeAll(async () => {
  t = await createTestDatabase();
  await etf('NORM');
  await etf('SPLT', [{ kind: 'SPLIT', date: newDay(1), value: 2 }]);
  await etf('DIVI', [{ kind: 'DIVIDEND', date: newDay(2), value: 0.75 }]);
  // A whole history: a dividend paid before a split (its `value` is halved by EODHD, its cash is not),
  // and a dividend announced for after the last bar (recorded with its bar, by a later run).
  await etf(
    'FRESH',
    [
      { kind: 'DIVIDEND', date: days[10] as string, value: 0.4 },
      { kind: 'SPLIT', date: days[20] as string, value: 2 },
    ],
    { stored: false, count: 30 },
  );
  const fresh = history.get('FRESH') as { bars: PriceBar[]; actions: Action[] };
  answer('div', 'FRESH', (from) =>
    divJson(fresh.actions, from, [{ date: days[40], value: 0.3, unadjustedValue: 0.3, currency: 'USD' }]),
  );
  await etf('WRONG');
  const wrong = history.get('WRONG') as { bars: PriceBar[]; actions: Action[] };
  answer('eod', 'WRONG', (from) =>
    eodJson(wrong.bars, [], from, (b) => (b.date === newDay(0) ? b.close * 10 : b.close)),
  );
  await etf('NOPE');
  for (const endpoint of ['eod', 'splits', 'div'] as const) {
    answer(endpoint, 'NOPE', () => ({ status: 404, body: 'Ticker Not Found.' }));
  }
  await etf('BADSPLIT', [{ kind: 'SPLIT', date: newDay(1), value: 2 }]);
  answer('splits', 'BADSPLIT', () => json([{ date: newDay(1), split: '2.000000:1.000000' }]));
  await etf('DIVFAIL', [{ kind: 'DIVIDEND', date: newDay(2), value: 0.5 }]);
  answer('div', 'DIVFAIL', () => ({ status: 500, body: 'Internal Server Error' }));
  await etf('ECHO'); // a provider that echoes the token in its error
  answer('eod', 'ECHO', () => ({ status: 401, body: JSON.stringify({ message: `Invalid api_token ${KEY}` }) }));
  await etf('RATE', [{ kind: 'DIVIDEND', date: newDay(2), value: 0.5 }]); // splits rate-limited for an hour
  answer('splits', 'RATE', () => ({ status: 429, headers: { 'retry-after': '3600' }, body: 'Too Many Requests' }));
  await etf('BUSY'); // rate-limited for a second, once
  const busy = answers.get('eod/BUSY.US') as (from: string) => Answer;
  let busyOnce = true;
  answer('eod', 'BUSY', (from) => {
    if (!busyOnce) return busy(from);
    busyOnce = false;
    return { status: 429, headers: { 'retry-after': '1' }, body: '' };
  });

  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url);
    if (url.searchParams.get('api_token') !== KEY) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthenticated');
      return;
    }
    if (quotaUsedUp) {
      response.writeHead(402, { 'content-type': 'text/plain' }).end('You exceeded your daily API requests limit.');
      return;
    }
    const route = /^\/api\/(eod|splits|div)\/([^/]+)$/.exec(url.pathname);
    const reply = route ? answers.get(`${route[1]}/${decodeURIComponent(route[2] as string)}`) : undefined;
    if (!reply || url.searchParams.get('fmt') !== 'json') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Ticker Not Found.');
      return;
    }
    const { status, headers, body } = reply(url.searchParams.get('from') ?? '');
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = {
    DATABASE_URL: t.url,
    PRICE_SOURCE: 'eodhd',
    PRICE_SOURCE_KEY: KEY,
    PRICE_SOURCE_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    PRICE_SOURCE_TIMEOUT_MS: '5000',
  };
}, 60_000);
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await t?.close();
});

it('loads bars with their splits and dividends, checks the adjustment, and fails only the tickers that fail', async () => {
  const untouched = ['NOPE', 'BADSPLIT', 'DIVFAIL', 'ECHO', 'RATE'];
  const before = new Map(
    await Promise.all(untouched.map(async (ticker) => [ticker, await everything(ticker)] as const)),
  );
  const run = await runCli('update', [], env);

  // The token is EODHD's query parameter; it shows nowhere in the output.
  expect(requests.length).toBeGreaterThan(0);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  expect(`${run.stdout}${run.stderr}`).not.toContain(encodeURIComponent(KEY));

  // The three endpoints, from the last stored bar (its adjusted close is compared too); the whole history without bars.
  const lastStored = days.at(-NEW_DAYS - 1) as string;
  for (const endpoint of ['eod', 'splits', 'div']) {
    const norm = requests.find((r) => r.pathname === `/api/${endpoint}/NORM.US`);
    expect(norm?.searchParams.get('from')).toBe(lastStored);
    expect(norm?.searchParams.get('fmt')).toBe('json');
    const fresh = requests.find((r) => r.pathname === `/api/${endpoint}/FRESH.US`);
    expect(fresh?.searchParams.get('from')).toBe('1900-01-01');
  }

  expect(run.stdout).toContain(`NORM: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(run.stdout).toContain(`SPLT: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 split\n`);
  expect(run.stdout).toContain(`DIVI: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 dividend\n`);
  expect(run.stdout).toContain(`FRESH: 30 new bars (${days[0]} to ${days[29]}), 1 split, 1 dividend\n`);
  expect(run.stdout).toContain('BUSY: 3 new bars'); // the short rate limit was waited out
  expect(requestsFor('BUSY.US').filter((r) => r.pathname.startsWith('/api/eod/'))).toHaveLength(2);

  // Each failure: one line, its ticker only.
  expect(run.stderr).toContain('NOPE: FAILED: EODHD does not know NOPE.US (HTTP 404 Not Found)\n');
  expect(requestsFor('NOPE.US')).toHaveLength(1); // not asked for its splits and dividends
  expect(run.stderr).toContain(
    `BADSPLIT: FAILED: splits: ${newDay(1)}: "2.000000:1.000000" is not a split ratio like "2.000000/1.000000"\n`,
  );
  expect(run.stderr).toContain('DIVFAIL: FAILED: dividends: HTTP 500 Internal Server Error\n');
  expect(run.stderr).toContain('ECHO: FAILED: HTTP 401 Unauthorized: "Invalid api_token [PRICE_SOURCE_KEY]"\n');
  expect(run.stderr).toContain(
    'RATE: FAILED: splits: rate limited by the provider (HTTP 429, retry after 3600 s): retry later\n',
  );
  for (const line of run.stderr.split('\n').filter((l) => l.includes('FAILED'))) {
    expect(line).toMatch(/^[A-Z]+: FAILED: [^\n]+$/);
  }
  const wrongBar = (history.get('WRONG')?.bars ?? []).find((b) => b.date === newDay(0)) as PriceBar;
  expect(run.stderr).toContain(
    `WRONG: adjustment differs from the provider's on ${newDay(0)}: ${wrongBar.close} vs ${Number((wrongBar.close * 10).toPrecision(10))}\n`,
  );
  // Only WRONG's adjustment differs: the recorded actions give EODHD's adjusted closes everywhere else.
  expect(run.stderr.match(/adjustment differs/g)).toHaveLength(1);
  expect(run.stdout).toContain(
    '11 ETFs: 6 updated (45 bars), 0 up to date, 5 failed (1 rate-limited: retry later), 1 with an adjustment differing',
  );
  expect(run.code).toBe(1);

  // Bars and actions as the provider stated them: the dividend before FRESH's split as the cash paid.
  for (const ticker of ['NORM', 'SPLT', 'DIVI', 'FRESH', 'WRONG', 'BUSY']) {
    const { bars, actions } = history.get(ticker) as { bars: PriceBar[]; actions: Action[] };
    expect(await storedBars(t.db, ticker)).toEqual(bars);
    expect(await actionRows(t.db, ticker)).toEqual(actions.map(({ date, kind, value }) => ({ date, kind, value })));
    await expectStoredIndicatorsCurrent(t.db, ticker);
  }
  // A failed ticker: nothing written, its derived rows as they were.
  for (const ticker of untouched) expect(await everything(ticker)).toEqual(before.get(ticker));
});

it('stops at a used-up daily quota with exit 3, writing nothing, and the next run resumes', async () => {
  // Every ticker answers well now.
  for (const ticker of ['NOPE', 'BADSPLIT', 'DIVFAIL', 'ECHO', 'RATE']) {
    const { bars, actions } = history.get(ticker) as { bars: PriceBar[]; actions: Action[] };
    answer('eod', ticker, (from) => eodJson(bars, actions, from));
    answer('splits', ticker, (from) => splitsJson(actions, from));
    answer('div', ticker, (from) => divJson(actions, from));
  }
  const tickers = [...history.keys()];
  const before = new Map(await Promise.all(tickers.map(async (ticker) => [ticker, await everything(ticker)] as const)));
  quotaUsedUp = true;
  requests.length = 0;
  const stopped = await runCli('update', [], { ...env, PRICE_SOURCE_CONCURRENCY: '2' });
  expect(stopped.stderr).toContain("NORM: FAILED: EODHD's daily request quota is used up (HTTP 402): retry later\n");
  expect(stopped.stdout).toContain(
    '11 ETFs: 0 updated (0 bars), 0 up to date, 11 failed (11 rate-limited: retry later)',
  );
  expect(stopped.code).toBe(3);
  // No request after the first refusal: at most the ones already under way.
  expect(requests.length).toBeLessThanOrEqual(2);
  expect(`${stopped.stdout}${stopped.stderr}`).not.toContain(KEY);
  for (const ticker of tickers) expect(await everything(ticker)).toEqual(before.get(ticker));

  quotaUsedUp = false;
  const resumed = await runCli('update', [], env);
  expect(resumed.stdout).toContain(`BADSPLIT: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 split\n`);
  expect(resumed.stdout).toContain(`RATE: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 dividend\n`);
  expect(resumed.stdout).toContain('11 ETFs: 5 updated (15 bars), 6 up to date, 0 failed, in');
  expect(resumed.code).toBe(0);
  for (const ticker of ['BADSPLIT', 'DIVFAIL', 'RATE']) {
    const { actions } = history.get(ticker) as { actions: Action[] };
    expect(await actionRows(t.db, ticker)).toEqual(actions.map(({ date, kind, value }) => ({ date, kind, value })));
  }
});

it('fails a ticker whose answer is not EODHD JSON or carries a bad bar, and reads a 404 on splits as none', async () => {
  await etf('GARB');
  answer('eod', 'GARB', () => ({ status: 200, body: '<html><body>Service unavailable</body></html>' }));
  await etf('BADBAR');
  const badbar = history.get('BADBAR') as { bars: PriceBar[]; actions: Action[] };
  answer('eod', 'BADBAR', (from) => {
    const rows = JSON.parse(eodJson(badbar.bars, [], from).body) as Record<string, unknown>[];
    (rows.at(-1) as Record<string, unknown>).close = 'n/a';
    return json(rows);
  });
  await etf('NOSPL', [{ kind: 'DIVIDEND', date: newDay(1), value: 0.2 }]);
  answer('splits', 'NOSPL', () => ({ status: 404, body: 'Data not found' }));
  const before = new Map(
    await Promise.all(['GARB', 'BADBAR'].map(async (ticker) => [ticker, await everything(ticker)] as const)),
  );
  const run = await runCli('update', [], env);
  expect(run.stderr).toContain('GARB: FAILED: not JSON: "<html><body>Service unavailable</body></html>"\n');
  expect(run.stderr).toContain(`BADBAR: FAILED: bad bar: row 4 (${newDay(2)}): close not a number\n`);
  expect(run.stdout).toContain(`NOSPL: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 dividend\n`);
  expect(await actionRows(t.db, 'NOSPL')).toEqual([{ date: newDay(1), kind: 'DIVIDEND', value: 0.2 }]);
  for (const ticker of ['GARB', 'BADBAR']) expect(await everything(ticker)).toEqual(before.get(ticker));
  expect(run.code).toBe(1);
});

it.each([
  ['2.000000/1.000000', 2],
  ['1.000000/4.000000', 0.25],
  ['3/2', 1.5],
])('reads the split %s as %s new shares per old', (text, ratio) => {
  expect(splitRatio(text)).toBe(ratio);
});

it.each([
  ['2.000000:1.000000'],
  ['2.000000/0.000000'],
  ['0.000000/1.000000'],
  ['1.000000/1.000000'],
  ['-2/1'],
  ['2/1/1'],
  ['2e3/1'],
  [' 2/1'],
  ['2/'],
  [''],
  ['Infinity/1'],
])('refuses the split %j with a one-line reason', (text) => {
  const ratio = splitRatio(text);
  expect(typeof ratio).toBe('string');
  expect(ratio as string).toMatch(/^[^\n]+$/);
});

it.each([
  ['PRICE_SOURCE=eodhd without a key', { PRICE_SOURCE_KEY: '' }, /Set PRICE_SOURCE_KEY to your EODHD API token/],
])('refuses %s with status 2, the key not shown', async (_name, change, message) => {
  const run = await runCli('update', [], { ...env, ...change });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
});

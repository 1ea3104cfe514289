// npm run update with PRICE_SOURCE=tiingo, as a real process, against a
// server of our own on 127.0.0.1 that answers like Tiingo's end-of-day prices
// endpoint as its documentation describes it
// (https://www.tiingo.com/documentation/end-of-day): GET
// /tiingo/daily/<ticker>/prices?startDate=…&format=csv, the token in an
// "Authorization: Token …" header, a CSV with date, close, high, low, open,
// volume, the adjusted prices (CRSP method), divCash and splitFactor, and a
// JSON {"detail": …} body with an error status for an unknown ticker.
//
// Splits and dividends are recorded with their bars, through the checks of
// recordSplit/recordDividend, with the same stored indicators and latest
// figures as the API's write paths give; Tiingo's adjusted close is compared
// with etfql's; a rate limit is waited out when short and otherwise fails the
// ticker "retry later"; each failure costs its ticker only, writing nothing;
// and the token never shows.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordCorporateAction } from '../../src/corporate-actions/record-action.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import type { PriceBar } from '../../src/prices/history.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { type Action, backAdjust } from '../helpers/back-adjust.js';
import { runCli } from '../helpers/cli-run.js';
import { expectPointsClose } from '../helpers/close-points.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { actionRows, derivedRows, providerBars } from '../helpers/provider-history.js';
import { expectStoredIndicatorsCurrent, storedBars } from '../helpers/stored-indicators.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const KEY = 'tiingo-test-token-5e3f9a1c77d0';
const NEW_DAYS = 3;
/** An error that quotes the token where the reason is cut to length: cut first, part of it would show. */
const ECHOED = `${'Invalid token for this request; check the token on your account page. '.slice(0, 66)} ${KEY}`;

let t: TestDatabase;
let server: Server;
let env: Record<string, string>;
const requests: { path: string; authorization: string | undefined }[] = [];

type Answer = { status: number; headers?: Record<string, string>; body: string };
/** What the provider answers per (lower-case) symbol, given the request's startDate. */
const answers = new Map<string, (startDate: string) => Answer>();
const history = new Map<string, { bars: PriceBar[]; actions: Action[] }>();

/** Tiingo's CSV: its columns in its order, the rows from startDate on, adjClose from the CRSP back-adjustment. */
function tiingoCsv(bars: PriceBar[], actions: Action[], startDate: string, adjClose = (b: PriceBar) => b.close) {
  const adjusted = backAdjust(bars, actions);
  const rows = bars.flatMap((bar, i) => {
    if (bar.date < startDate) return [];
    const adj = adjusted[i] as PriceBar;
    const divCash = actions.find((a) => a.kind === 'DIVIDEND' && a.date === bar.date)?.value ?? 0;
    const splitFactor = actions.find((a) => a.kind === 'SPLIT' && a.date === bar.date)?.value ?? 1;
    return [
      [
        bar.date,
        bar.close,
        bar.high,
        bar.low,
        bar.open,
        bar.volume,
        adjClose({ ...adj }),
        adj.high,
        adj.low,
        adj.open,
        adj.volume,
        divCash,
        splitFactor,
      ].join(','),
    ];
  });
  return `date,close,high,low,open,volume,adjClose,adjHigh,adjLow,adjOpen,adjVolume,divCash,splitFactor\n${rows.join('\n')}\n`;
}

const days = tradingDays('2024-01-02', '2024-12-31');
const newDay = (n: number) => days.at(-NEW_DAYS + n) as string; // 0, 1, 2: the days the update brings

/** An ETF whose history the provider has; all but the last NEW_DAYS stored (none when `stored` is false). */
async function etf(ticker: string, actions: Action[] = [], options: { stored?: boolean; count?: number } = {}) {
  await createEtf(t.db, ticker);
  const own = options.count ? days.slice(0, options.count) : days;
  // Raw prices after a split are in the new shares.
  const bars = providerBars(ticker, own, actions);
  history.set(ticker, { bars, actions });
  if (options.stored !== false) await loadPrices(t.db, ticker, bars.slice(0, -NEW_DAYS));
  answers.set(ticker.toLowerCase(), (startDate) => ({ status: 200, body: tiingoCsv(bars, actions, startDate) }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await etf('NORM');
  await etf('SPLT', [{ kind: 'SPLIT', date: newDay(1), value: 2 }]);
  await etf('DIVI', [{ kind: 'DIVIDEND', date: newDay(2), value: 0.75 }]);
  await etf('FRESH', [{ kind: 'DIVIDEND', date: days[20] as string, value: 0.4 }], { stored: false, count: 30 });
  await etf('WRONG');
  const wrong = history.get('WRONG') as { bars: PriceBar[]; actions: Action[] };
  answers.set('wrong', (startDate) => ({
    status: 200,
    body: tiingoCsv(wrong.bars, [], startDate, (b) => (b.date === newDay(0) ? b.close * 10 : b.close)),
  }));
  // A dividend as large as the close before it: recordDividend refuses it, so the ticker fails whole.
  await etf('BADDIV', [{ kind: 'DIVIDEND', date: newDay(2), value: 1000 }]);
  await etf('NOPE');
  answers.set('nope', () => ({ status: 404, body: JSON.stringify({ detail: "Error: Ticker 'NOPE' not found" }) }));
  await etf('ECHO'); // a provider that echoes the token in its error
  answers.set('echo', () => ({ status: 401, body: JSON.stringify({ detail: ECHOED }) }));
  await etf('RATE'); // rate-limited for an hour
  answers.set('rate', () => ({ status: 429, headers: { 'retry-after': '3600' }, body: 'Too Many Requests' }));
  await etf('BUSY'); // rate-limited for a second, once
  const busy = answers.get('busy') as (startDate: string) => Answer;
  let busyOnce = true;
  answers.set('busy', (startDate) => {
    if (!busyOnce) return busy(startDate);
    busyOnce = false;
    return { status: 429, headers: { 'retry-after': '1' }, body: '' };
  });

  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ path: `${url.pathname}${url.search}`, authorization: request.headers.authorization });
    const symbol = /^\/tiingo\/daily\/([^/]+)\/prices$/.exec(url.pathname)?.[1];
    const answer = symbol === undefined ? undefined : answers.get(decodeURIComponent(symbol).toLowerCase()); // tickers in any case, as Tiingo
    if (request.headers.authorization !== `Token ${KEY}`) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"detail":"Please supply a token"}');
      return;
    }
    if (!answer) {
      response.writeHead(404).end('{"detail":"Not found."}');
      return;
    }
    const { status, headers, body } = answer(url.searchParams.get('startDate') ?? '');
    response.writeHead(status, { 'content-type': 'text/csv', ...headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = {
    DATABASE_URL: t.url,
    PRICE_SOURCE: 'tiingo',
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

it('loads bars with their splits and dividends, checks the adjustment, and fails only the tickers that fail', async () => {
  const untouched = ['BADDIV', 'NOPE', 'ECHO', 'RATE'];
  const before = new Map(
    await Promise.all(untouched.map(async (ticker) => [ticker, await derivedRows(t.db, ticker)] as const)),
  );
  const run = await runCli('update', [], env);

  // The token went in the header, never in a URL, and shows nowhere.
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    expect(request.authorization).toBe(`Token ${KEY}`);
    expect(request.path).not.toContain(KEY);
  }
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY.slice(0, 8));

  // From the last stored bar (its adjusted close is compared too); the whole history for an ETF without bars.
  const lastStored = days.at(-NEW_DAYS - 1) as string;
  expect(requests.map((r) => r.path)).toContain(
    `/tiingo/daily/NORM/prices?startDate=${lastStored}&format=csv&resampleFreq=daily`,
  );
  expect(requests.map((r) => r.path)).toContain(
    '/tiingo/daily/FRESH/prices?startDate=1900-01-01&format=csv&resampleFreq=daily',
  );

  expect(run.stdout).toContain(`NORM: 3 new bars (${newDay(0)} to ${newDay(2)})\n`);
  expect(run.stdout).toContain(`SPLT: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 split\n`);
  expect(run.stdout).toContain(`DIVI: 3 new bars (${newDay(0)} to ${newDay(2)}), 1 dividend\n`);
  expect(run.stdout).toContain(`FRESH: 30 new bars (${days[0]} to ${days[29]}), 1 dividend\n`);
  expect(run.stdout).toContain('BUSY: 3 new bars'); // the short rate limit was waited out
  expect(requests.filter((r) => r.path.startsWith('/tiingo/daily/BUSY/'))).toHaveLength(2);
  expect(run.stderr).toMatch(/^BADDIV: FAILED: .*dividend on .*not below the close before its ex-date.*$/m);
  expect(run.stderr).toContain(`NOPE: FAILED: HTTP 404 Not Found: "Error: Ticker 'NOPE' not found"\n`);
  expect(run.stderr).toContain(
    `ECHO: FAILED: HTTP 401 Unauthorized: ${JSON.stringify(ECHOED.replace(KEY, '[PRICE_SOURCE_KEY]').slice(0, 80))}…\n`,
  );
  expect(run.stderr).toContain(
    'RATE: FAILED: rate limited by the provider (HTTP 429, retry after 3600 s): retry later\n',
  );
  const wrongBar = (history.get('WRONG')?.bars ?? []).find((b) => b.date === newDay(0)) as PriceBar;
  expect(run.stderr).toContain(
    `WRONG: adjustment differs from the provider's on ${newDay(0)}: ${wrongBar.close} vs ${Number((wrongBar.close * 10).toPrecision(10))}\n`,
  );
  // Only WRONG's adjustment differs: the recorded actions give Tiingo's adjusted closes everywhere else.
  expect(run.stderr.match(/adjustment differs/g)).toHaveLength(1);
  expect(run.stdout).toContain(
    '10 ETFs: 6 updated (45 bars), 0 up to date, 4 failed (1 rate-limited: retry later), 1 with an adjustment differing',
  );
  expect(run.code).toBe(1);

  // Bars and actions as the provider stated them.
  for (const ticker of ['NORM', 'SPLT', 'DIVI', 'FRESH', 'WRONG', 'BUSY']) {
    const { bars, actions } = history.get(ticker) as { bars: PriceBar[]; actions: Action[] };
    expect(await storedBars(t.db, ticker)).toEqual(bars);
    expect(await actionRows(t.db, ticker)).toEqual(actions.map(({ date, kind, value }) => ({ date, kind, value })));
    await expectStoredIndicatorsCurrent(t.db, ticker);
  }
  // A failed ticker: nothing written, its derived rows as they were.
  for (const ticker of untouched) {
    expect(await storedBars(t.db, ticker)).toHaveLength(days.length - NEW_DAYS);
    expect(await actionRows(t.db, ticker)).toEqual([]);
    expect(await derivedRows(t.db, ticker)).toEqual(before.get(ticker));
  }
});

const DIFFERENCES = '{ adjustmentDifferences { ticker date provider providerClose adjustedClose } }';

it('keeps the differing adjustment for admins until a later check finds it agrees', async () => {
  const wrongBar = (history.get('WRONG')?.bars ?? []).find((b) => b.date === newDay(0)) as PriceBar;
  const report = await executeText(t.app, DIFFERENCES, {}, bearer(ADMIN_KEY));
  expect(report.data?.adjustmentDifferences).toEqual([
    {
      ticker: 'WRONG',
      date: newDay(0),
      provider: 'tiingo',
      providerClose: wrongBar.close * 10,
      adjustedClose: wrongBar.close,
    },
  ]);
  // Not for anyone else.
  expect((await executeText(t.app, DIFFERENCES)).errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  for (const first of [0, -1, 1001]) {
    const refused = await executeText(
      t.app,
      `{ adjustmentDifferences(first: ${first}) { date } }`,
      {},
      bearer(ADMIN_KEY),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(`first: must be 1 to 1000, got ${first}`);
  }
  // Tiingo corrects itself: the next --full check of WRONG agrees, and the report is empty.
  const wrong = history.get('WRONG') as { bars: PriceBar[]; actions: Action[] };
  answers.set('wrong', (startDate) => ({ status: 200, body: tiingoCsv(wrong.bars, [], startDate) }));
  const run = await runCli('update', ['--full', 'WRONG'], env);
  expect(run.stderr).not.toContain('adjustment differs');
  expect((await executeText(t.app, DIFFERENCES, {}, bearer(ADMIN_KEY))).data?.adjustmentDifferences).toEqual([]);
});

it('leaves the same adjusted indicators and latest figures as the API recording the same actions', async () => {
  for (const ticker of ['SPLT', 'DIVI']) {
    const { bars, actions } = history.get(ticker) as { bars: PriceBar[]; actions: Action[] };
    const twin = `${ticker}X`;
    await createEtf(t.db, twin);
    await loadPrices(t.db, twin, bars);
    for (const action of actions) await recordCorporateAction(t.db, action.kind, twin, action.date, action.value);
    const [updated, recorded] = [await derivedRows(t.db, ticker), await derivedRows(t.db, twin)];
    expect(updated.indicators.some((row) => row.adjusted)).toBe(true);
    expect(updated.metrics).toHaveLength(2);
    // Equal but for float noise: the update carries the raw indicators on, the twin computes them whole.
    expectPointsClose(updated.indicators, recorded.indicators, `${ticker} indicators`);
    expectPointsClose(updated.metrics, recorded.metrics, `${ticker} latest figures`);
  }
});

it('exits 3 ("retry later") when the only failures are rate limits, and finds the rest current', async () => {
  for (const ticker of ['BADDIV', 'NOPE', 'ECHO', 'SPLTX', 'DIVIX']) answers.delete(ticker.toLowerCase());
  for (const ticker of ['BADDIV', 'NOPE', 'ECHO']) {
    const { bars } = history.get(ticker) as { bars: PriceBar[] };
    answers.set(ticker.toLowerCase(), (startDate) => ({ status: 200, body: tiingoCsv(bars, [], startDate) }));
  }
  for (const ticker of ['SPLTX', 'DIVIX']) {
    const { bars, actions } = history.get(ticker.slice(0, -1)) as { bars: PriceBar[]; actions: Action[] };
    answers.set(ticker.toLowerCase(), (startDate) => ({ status: 200, body: tiingoCsv(bars, actions, startDate) }));
  }
  const run = await runCli('update', [], env);
  expect(run.stdout).toContain('12 ETFs: 3 updated (9 bars), 8 up to date, 1 failed (1 rate-limited: retry later), in');
  expect(run.stderr).not.toContain('adjustment differs');
  expect(run.code).toBe(3);
});

it.each([
  ['PRICE_SOURCE=tiingo without a key', { PRICE_SOURCE_KEY: '' }, /Set PRICE_SOURCE_KEY/],
  ['an unknown PRICE_SOURCE', { PRICE_SOURCE: 'bloomberg' }, /PRICE_SOURCE must be one of generic, tiingo/],
  ['a base URL with a path', { PRICE_SOURCE_BASE_URL: 'http://127.0.0.1:1/tiingo' }, /PRICE_SOURCE_BASE_URL must be/],
])('refuses %s with status 2, the key not shown', async (_name, change, message) => {
  const run = await runCli('update', [], { ...env, ...change });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  expect(`${run.stdout}${run.stderr}`).not.toContain(KEY.slice(0, 8));
});

it('leaves a long history going ex on the new day to a job, its values exact meanwhile', async () => {
  // Over 1,000 bars: a dividend rescales every one of them, so the update does not recompute them in its transaction.
  await createEtf(t.db, 'LONGDIV');
  const long = syntheticBars('LONGDIV', tradingDays('2019-01-02', newDay(2)), {
    start: 50,
    drift: 0.05,
    volatility: 0.2,
    volume: 1e6,
  }) as PriceBar[];
  const actions: Action[] = [{ kind: 'DIVIDEND', date: newDay(1), value: 0.5 }];
  await loadPrices(t.db, 'LONGDIV', long.slice(0, -NEW_DAYS));
  await runDueJobs(t.db.pool);
  answers.set('longdiv', (startDate) => ({ status: 200, body: tiingoCsv(long, actions, startDate) }));

  const run = await runCli('update', [], env);
  expect(run.stdout).toContain(`LONGDIV: ${NEW_DAYS} new bars (${newDay(0)} to ${newDay(2)}), 1 dividend`);
  expect(run.stderr).not.toContain('LONGDIV: adjustment differs');
  const through = async () =>
    (await t.db.pool.query("SELECT stored_indicators_through::text AS d FROM etf WHERE ticker = 'LONGDIV'")).rows[0].d;
  expect((await through()) ?? '').not.toBe(newDay(2)); // a job has it

  const query = `{ etf(ticker: "LONGDIV") { indicators(last: 40, adjusted: true) { sma(period: 20) { date value } rsi(period: 14) { value } } performance { return1Y } } }`;
  const meanwhile = await executeText(t.app, query, {}, bearer(ADMIN_KEY));
  expect(meanwhile.errors).toBeUndefined();
  await runDueJobs(t.db.pool);
  expect(await through()).toBe(newDay(2));
  await expectStoredIndicatorsCurrent(t.db, 'LONGDIV');
  expect((await executeText(t.app, query, {}, bearer(ADMIN_KEY))).data).toEqual(meanwhile.data);
});

// npm run update as a real process against a provider on 127.0.0.1 that is
// slow, failing or talking nonsense for some tickers: the others still load,
// only new dates are appended, the indicators carry on, and the exit status
// and report say what happened. Two runs never overlap.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { expectStoredIndicatorsCurrent, storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let server: Server;
let env: Record<string, string>;
const requests: string[] = [];
/** What the provider answers per ticker: a CSV body, or a misbehaviour. */
const provider = new Map<string, string | 'hang' | 500 | 'reset'>();
const history = new Map<string, BarInput[]>();

const csv = (bars: BarInput[]) =>
  `Date,Open,High,Low,Close,Adj Close,Volume\n${bars.map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.close},${b.volume}`).join('\n')}\n`;

beforeAll(async () => {
  t = await createTestDatabase();
  const days = tradingDays('2023-01-02', '2024-12-31');
  for (const ticker of ['AAA', 'BBB', 'CCC', 'HANG', 'ERR', 'JUNK', 'OTHER']) {
    await createEtf(t.db, ticker);
    const bars = syntheticBars(ticker, days, { start: 60, drift: 0.05, volatility: 0.2, volume: 1e6 });
    history.set(ticker, bars);
    await loadPrices(t.db, ticker, bars.slice(0, -3)); // the last three days are new
    provider.set(ticker, csv(bars));
  }
  await createEtf(t.db, 'EMPTY'); // no bars yet: the whole file is new
  history.set(
    'EMPTY',
    syntheticBars('EMPTY', days.slice(0, 30), { start: 20, drift: 0, volatility: 0.1, volume: 1e4 }),
  );
  provider.set('EMPTY', csv(history.get('EMPTY') as BarInput[]));
  provider.set('HANG', 'hang');
  provider.set('ERR', 500);
  provider.set('JUNK', '<html><body>Rate limit exceeded</body></html>\n');
  provider.set(
    'OTHER',
    csv((history.get('AAA') as BarInput[]).slice(-2))
      .replace('Date,', 'Ticker,Date,')
      .replace(/\n(\d)/g, '\nAAA,$1'),
  );

  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const ticker = decodeURIComponent((request.url ?? '').replace(/^\/daily\/(.*)\.csv$/, '$1'));
    const answer = provider.get(ticker);
    if (answer === 'hang') return; // never answers
    if (answer === undefined || answer === 500) {
      response.writeHead(answer ?? 404).end('oops');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/csv' }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  env = {
    DATABASE_URL: t.url,
    PRICE_SOURCE_URL: `http://127.0.0.1:${port}/daily/{ticker}.csv`,
    PRICE_SOURCE_TIMEOUT_MS: '700',
  };
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t.close();
});

const stored = (ticker: string) => storedBars(t.db, ticker);

it('appends the new dates of every ETF it can, and reports each failure', async () => {
  // An old bar the provider now states differently: an update appends, it does not rewrite history.
  const aaa = history.get('AAA') as BarInput[];
  provider.set(
    'AAA',
    csv(aaa.map((bar, i) => (i === 10 ? { ...bar, close: bar.close * 2, high: bar.high * 2 } : bar))),
  );

  const run = await runCli('update', [], env);
  expect(run.code).toBe(1);
  for (const ticker of ['AAA', 'BBB', 'CCC']) {
    const bars = history.get(ticker) as BarInput[];
    expect(run.stdout).toContain(`${ticker}: 3 new bars (${bars.at(-3)?.date} to ${bars.at(-1)?.date})`);
    expect(await stored(ticker)).toEqual(bars);
  }
  expect(run.stdout).toContain('EMPTY: 30 new bars');
  expect(run.stderr).toContain('HANG: FAILED: no answer within 700 ms');
  expect(run.stderr).toContain('ERR: FAILED: HTTP 500');
  expect(run.stderr).toMatch(
    /JUNK: FAILED: not a price file: line 1: unknown column "<html><body>Rate limit exceeded<\/body><\/html>"/,
  );
  expect(run.stderr).toContain('OTHER: FAILED: not a price file: line 2: a row for AAA');
  expect(run.stdout).toContain('8 ETFs: 4 updated (39 bars), 0 up to date, 4 failed');
  for (const ticker of ['HANG', 'ERR', 'JUNK', 'OTHER']) {
    expect(await stored(ticker)).toHaveLength((history.get(ticker) as BarInput[]).length - 3);
  }

  // The appended days carried the indicators on: equal to a full recomputation.
  await expectStoredIndicatorsCurrent(t.db, 'AAA');
});

it('finds everything current on a second run, and exits 0 once the provider recovers', async () => {
  for (const ticker of ['HANG', 'ERR', 'JUNK', 'OTHER']) provider.set(ticker, csv(history.get(ticker) as BarInput[]));
  const run = await runCli('update', [], env);
  expect(run.stdout).toContain('8 ETFs: 4 updated (12 bars), 4 up to date, 0 failed');
  expect(run.code).toBe(0);
  const again = await runCli('update', [], env);
  expect(again.stdout).toContain('8 ETFs: 0 updated (0 bars), 8 up to date, 0 failed');
  expect(again.code).toBe(0);
});

it('refuses to overlap with a running update, changing nothing', async () => {
  const holder = await t.db.pool.connect();
  try {
    await holder.query("SELECT pg_advisory_lock(hashtext('etfql:daily-update'))");
    const before = await snapshot(t.db);
    requests.length = 0;
    const run = await runCli('update', [], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Another update is running');
    expect(requests).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  } finally {
    await holder.query("SELECT pg_advisory_unlock(hashtext('etfql:daily-update'))");
    holder.release();
  }
});

it.each([
  ['unset', ''],
  ['without {ticker}', 'http://127.0.0.1:1/prices.csv'],
  ['not http', 'file:///etc/{ticker}'],
  ['not a URL', 'prices {ticker}'],
])('refuses PRICE_SOURCE_URL %s with status 2', async (_name, url) => {
  const run = await runCli('update', [], { ...env, PRICE_SOURCE_URL: url });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/PRICE_SOURCE_URL/);
});

it('fails only the ticker whose new bar the database refuses, and loads the rest', async () => {
  const { recordCorporateAction } = await import('../../src/corporate-actions/record-action.js');
  await recordCorporateAction(t.db, 'DIVIDEND', 'AAA', '2025-06-02', 2);
  const day = { date: '2025-01-02', open: 1, high: 1.1, low: 0.9, close: 1, volume: 100 };
  provider.set('AAA', csv([...(history.get('AAA') as BarInput[]), day]));
  provider.set('BBB', csv([...(history.get('BBB') as BarInput[]), { ...day, open: 60, high: 61, low: 59, close: 60 }]));
  const before = await stored('AAA');
  const run = await runCli('update', [], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /AAA: FAILED: .*dividend of 2 ex 2025-06-02 is not below the close before its ex-date \(1\)/,
  );
  expect(run.stdout).toContain('BBB: 1 new bar (2025-01-02)');
  expect(await stored('AAA')).toEqual(before);
  expect((await stored('BBB')).at(-1)?.date).toBe('2025-01-02');
});

it('reports a bad bar from the provider as a bad bar, with its line, and skips rows of nulls', async () => {
  const ccc = history.get('CCC') as BarInput[];
  const bad = { date: '2025-01-03', open: 60, high: 59, low: 61, close: 60, volume: 100 };
  provider.set('CCC', csv([...ccc, bad]));
  const before = await stored('CCC');
  const run = await runCli('update', [], env);
  expect(run.stderr).toContain(`CCC: FAILED: bad bar: line ${ccc.length + 2}: high: below low`);
  expect(await stored('CCC')).toEqual(before);

  // A Yahoo row of nulls is a day without prices, not a bad bar.
  provider.set('CCC', `${csv(ccc).trimEnd()}\n2025-01-03,null,null,null,null,null,null\n`);
  const second = await runCli('update', [], env);
  expect(second.stderr).not.toContain('CCC: FAILED');
});

it('asks the provider for its own symbol of a ticker (PRICE_SOURCE_SYMBOLS)', async () => {
  await createEtf(t.db, 'BRK.B');
  const bars = syntheticBars('BRK.B', tradingDays('2024-12-02', '2024-12-31'), {
    start: 400,
    drift: 0.05,
    volatility: 0.2,
    volume: 1e6,
  });
  provider.set('BRK-B', csv(bars));
  const unmapped = await runCli('update', [], env);
  expect(unmapped.stderr).toContain('BRK.B: FAILED: HTTP 404');
  const mapped = await runCli('update', [], { ...env, PRICE_SOURCE_SYMBOLS: 'BRK.B=BRK-B' });
  expect(mapped.stdout).toContain(`BRK.B: ${bars.length} new bars`);
  expect(requests).toContain('/daily/BRK-B.csv');
  expect(await stored('BRK.B')).toEqual(bars);
});

it('fetches the whole history of the ETFs named after --full again, and writes it over what is stored', async () => {
  // The provider revised AAA's history (as after a split it back-adjusts).
  const revised = (history.get('AAA') as BarInput[]).map((bar) => ({
    ...bar,
    open: bar.open / 2,
    high: bar.high / 2,
    low: bar.low / 2,
    close: bar.close / 2,
  }));
  provider.set('AAA', csv(revised));
  const bbb = await stored('BBB');
  requests.length = 0;
  const run = await runCli('update', ['--full', 'aaa'], env);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`AAA: ${revised.length} bars written`);
  expect(requests).toEqual(['/daily/AAA.csv']); // no other ETF was asked for
  expect(await stored('AAA')).toEqual(revised);
  expect(await stored('BBB')).toEqual(bbb);
  await expectStoredIndicatorsCurrent(t.db, 'AAA');
});

it.each([
  [['--full'], 'usage: npm run update [-- --full TICKER...]'],
  [['--everything'], 'usage: npm run update [-- --full TICKER...]'],
  [['--full', 'NOPE'], '--full: no ETF has the ticker NOPE'],
  [['--full', 'X;Y'], '--full X;Y: the ticker may contain only'],
])('refuses %j with status 2, changing nothing', async (args, message) => {
  const before = await snapshot(t.db);
  requests.length = 0;
  const run = await runCli('update', args, env);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(requests).toEqual([]);
  expect(await snapshot(t.db)).toEqual(before);
});

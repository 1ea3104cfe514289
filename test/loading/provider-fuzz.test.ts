// The nightly update against a provider on 127.0.0.1 that answers each ticker
// with a random mix, drawn by fast-check: good bars, values PostgreSQL cannot
// carry (subnormal, huge, NaN), malformed quoting (`"100"7`), overlong fields,
// wrong column counts, odd dates, error statuses and gzip. Whatever comes, the
// run finishes; each ticker is loaded or fails alone with a one-line reason and
// keeps the bars it had; and no stored bar leaves the bounds. Bounded by runs
// and time, seeded for replay (FUZZ_SEED).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { runDailyUpdate } from '../../src/update/daily-update.js';
import { createEtf } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const TICKERS = ['FZA', 'FZB', 'FZC', 'FZD'];
let t: TestDatabase;
let provider: Server;
let urlTemplate: string;
const answers = new Map<string, (response: ServerResponse) => void>();

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of TICKERS) await createEtf(t.db, ticker);
  provider = createServer((request, response) => {
    const ticker = (request.url ?? '').replace(/^\/daily\/(.*)\.csv$/, '$1');
    const answer = answers.get(ticker);
    if (answer) answer(response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  urlTemplate = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/daily/{ticker}.csv`;
});
afterAll(async () => {
  provider.closeAllConnections();
  provider.close();
  await t.close();
});

/** Values a line may carry in place of a good one. */
const hostile = fc.oneof(
  fc.constantFrom('1e-320', '5e-324', '1e-7', '2e9', '1e308', 'NaN', 'Infinity', '-1', '0', '', '"100"7', '"1""2"'),
  fc.nat({ max: 70_000 }).map((n) => '9'.repeat(n)),
  fc.string({ maxLength: 20 }),
);
/** Whole lines that are not bars. */
const hostileLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('2024-01-02,1,1,1', '2024-01-02,1,1,1,1,1,1', '"2024-01-02,1,1,1,1,1', '1850-01-01,1,1,1,1,1'),
);
const DAYS = tradingDays('2023-01-02', '2024-06-28');
/**
 * An answer: good bars over a random stretch of days, often left whole, else
 * with a few fields or lines replaced by hostile ones; a status; gzip or not.
 */
const answer = fc.record({
  status: fc.constantFrom(200, 200, 200, 200, 200, 404, 429, 500),
  gzip: fc.boolean(),
  start: fc.nat({ max: DAYS.length - 40 }),
  count: fc.integer({ min: 1, max: 30 }),
  fields: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 }), hostile), { maxLength: 2 }),
  ),
  lines: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    fc.array(fc.tuple(fc.nat(), hostileLine), { maxLength: 2 }),
  ),
});

type Answer = {
  start: number;
  count: number;
  fields: readonly (readonly [number, number, string])[];
  lines: readonly (readonly [number, string])[];
};

function body(a: Answer, ticker: string) {
  const rows = syntheticBars(ticker, DAYS.slice(a.start, a.start + a.count), {
    start: 50,
    drift: 0.05,
    volatility: 0.2,
    volume: 1e5,
  }).map((b) => [b.date, b.open, b.high, b.low, b.close, b.volume].map(String));
  for (const [at, column, value] of a.fields) (rows[at % rows.length] as string[])[column] = value;
  const lines = rows.map((row) => row.join(','));
  for (const [at, line] of a.lines) lines.splice(at % (lines.length + 1), 0, line);
  return `Date,Open,High,Low,Close,Volume\n${lines.join('\n')}\n`;
}

const barsOf = async (ticker: string) =>
  (
    await t.db.pool.query(
      'SELECT p.date::text, p.close FROM daily_price p JOIN etf e ON e.id = p.etf_id WHERE e.ticker = $1 ORDER BY p.date',
      [ticker],
    )
  ).rows;

it('loads each ticker or fails it alone, with a short reason, keeping its bars; stored bars stay in bounds', async () => {
  const seen = { loaded: 0, failed: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(answer, { minLength: TICKERS.length, maxLength: TICKERS.length }), async (drawn) => {
      drawn.forEach((a, i) => {
        const text = body(a, TICKERS[i] as string);
        answers.set(TICKERS[i] as string, (response) => {
          const headers = { 'content-type': 'text/csv', ...(a.gzip ? { 'content-encoding': 'gzip' } : {}) };
          response.writeHead(a.status, headers).end(a.gzip ? gzipSync(text) : text);
        });
      });
      const before = new Map(await Promise.all(TICKERS.map(async (ticker) => [ticker, await barsOf(ticker)] as const)));
      const result = await runDailyUpdate(t.db, { urlTemplate, timeoutMs: 10_000, concurrency: 4 });
      if (!result.locked) throw new Error('lock held');
      expect(result.outcomes.map((outcome) => outcome.ticker).sort()).toEqual([...TICKERS].sort());
      for (const outcome of result.outcomes) {
        if (outcome.status === 'loaded') seen.loaded++;
        if (outcome.status !== 'failed') continue;
        seen.failed++;
        expect(outcome.reason).not.toMatch(/\n/);
        expect(outcome.reason.length).toBeLessThan(2_000);
        expect(await barsOf(outcome.ticker)).toEqual(before.get(outcome.ticker));
      }
    }),
    { numRuns: 40, interruptAfterTimeLimit: 25_000, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
  );
  // Not vacuous: the draws both load and fail tickers.
  expect(seen.loaded).toBeGreaterThan(0);
  expect(seen.failed).toBeGreaterThan(0);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM daily_price WHERE NOT (close BETWEEN 1e-6 AND 1e9 AND open BETWEEN 1e-6 AND 1e9)',
  );
  expect(rows[0].n).toBe(0);
}, 60_000);

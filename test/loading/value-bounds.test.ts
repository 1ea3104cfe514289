// Values that PostgreSQL or a later computation over them cannot carry (a
// subnormal close, absurd magnitudes) are refused on every way in: the API's
// loadPrices, recordDividend, the CSV importer, the provider, and plain SQL.
// Bars at the bounds load, and everything computed from them later stays
// finite. A database error from one ticker's or one file's data fails that
// ticker or file with its reason, never the whole run.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCorporateAction } from '../../src/corporate-actions/record-action.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { problemsOf } from '../../src/errors.js';
import { runDueJobs } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { executeText } from '../helpers/graphql-client.js';
import { storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let dir: string;
let server: Server;
let env: Record<string, string>;
/** The provider's CSV per ticker. */
const provider = new Map<string, string>();

const days = tradingDays('2024-01-02', '2024-03-29');
const history = (ticker: string) =>
  syntheticBars(ticker, days, { start: 50, drift: 0.05, volatility: 0.2, volume: 1e6 });
const row = (bar: BarInput) => `${bar.date},${bar.open},${bar.high},${bar.low},${bar.close},${bar.volume}`;
const csv = (bars: BarInput[], extra: string[] = []) =>
  `Date,Open,High,Low,Close,Volume\n${[...bars.map(row), ...extra].join('\n')}\n`;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-bounds-'));
  for (const ticker of ['TINY', 'EDGE', 'UPA', 'UPB', 'UPC', 'FILA', 'FILB']) await createEtf(t.db, ticker);
  for (const ticker of ['UPA', 'UPB', 'UPC']) await loadPrices(t.db, ticker, history(ticker).slice(0, -2));
  server = createServer((request, response) => {
    const ticker = (request.url ?? '').replace(/^\/daily\/(.*)\.csv$/, '$1');
    const answer = provider.get(ticker);
    if (answer === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/csv' }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  env = { DATABASE_URL: t.url, PRICE_SOURCE_URL: `http://127.0.0.1:${port}/daily/{ticker}.csv` };
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** The problems loadPrices reports, as `path: message`. */
async function refusal(ticker: string, bars: BarInput[]): Promise<string[]> {
  try {
    await loadPrices(t.db, ticker, bars);
  } catch (error) {
    return problemsOf(error).map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error('loaded');
}

const flat = (date: string, price: number, volume = 100): BarInput => ({
  date,
  open: price,
  high: price,
  low: price,
  close: price,
  volume,
});

describe('loadPrices', () => {
  it.each([
    ['a subnormal price', 1e-320, 100, 'bars[1].close: must be at least 1e-6, got 1e-320'],
    ['a price below a millionth', 5e-7, 100, 'bars[1].close: must be at least 1e-6, got 5e-7'],
    ['a price above a billion', 2e9, 100, 'bars[1].close: must be at most 1e+9, got 2000000000'],
    ['a volume above 10^12', 10, 1e13, 'bars[1].volume: must be at most 1e+12, got 10000000000000'],
  ])(
    'refuses %s, naming the field, the value and the row, and writes nothing',
    async (_name, price, volume, reason) => {
      const before = await snapshot(t.db);
      const problems = await refusal('TINY', [flat('2024-01-02', 10), flat('2024-01-03', price, volume)]);
      expect(problems).toContain(reason);
      expect(await snapshot(t.db)).toEqual(before);
    },
  );

  it('loads bars at the bounds, and everything computed from them later stays finite', async () => {
    // A year of bars swinging from one bound to the other, then a normal bar:
    // returns of 10^15, their logs and squares, and the 52-week range.
    const year = tradingDays('2024-01-02', '2024-12-31');
    const bars = year.map((date, i) => flat(date, i % 2 === 0 ? 1e-6 : 1e9, i % 3 === 0 ? 1e12 : 0));
    await loadPrices(t.db, 'EDGE', bars);
    await runDueJobs(t.db.pool);
    await loadPrices(t.db, 'EDGE', [flat('2025-01-02', 50)]);
    const screen = await executeText(
      t.app,
      `{ screen(where: { metric: FROM_LOW_52W, gte: 0 }) { edges { node { ticker } values { metric value } } } }`,
    );
    expect(screen.errors, JSON.stringify(screen.errors)).toBeUndefined();
    const values = JSON.stringify(screen.data);
    expect(values).toContain('EDGE');
    const metrics = await t.db.pool.query(
      `SELECT m.* FROM latest_metrics m JOIN etf e ON e.id = m.etf_id WHERE e.ticker = 'EDGE'`,
    );
    for (const [column, value] of Object.entries(metrics.rows[0] ?? {})) {
      if (typeof value === 'number') expect(Number.isFinite(value), column).toBe(true);
    }
    const chart = await executeText(
      t.app,
      `{ etf(ticker: "EDGE") { prices(last: 5) { close } indicators(last: 5) { sma(period: 20) { value } rsi { value } bollinger { upper lower } atr { value } } } }`,
    );
    expect(chart.errors, JSON.stringify(chart.errors)).toBeUndefined();
  });
});

it('refuses a dividend of an absurd size, as recordDividend or plain SQL', async () => {
  await expect(recordCorporateAction(t.db, 'DIVIDEND', 'UPA', '2024-02-01', 1e-320)).rejects.toThrow(
    /must be at least 1e-6/,
  );
  await expect(recordCorporateAction(t.db, 'DIVIDEND', 'UPA', '2024-02-01', 2e9)).rejects.toThrow(
    /must be at most 1e\+9/,
  );
});

it('refuses a split whose combined factor with the others would pass 10^12', async () => {
  await recordCorporateAction(t.db, 'SPLIT', 'UPB', '2023-06-01', 1e-6);
  await recordCorporateAction(t.db, 'SPLIT', 'UPB', '2023-07-03', 1e-5);
  const before = await snapshot(t.db);
  await expect(recordCorporateAction(t.db, 'SPLIT', 'UPB', '2023-08-01', 1e-2)).rejects.toThrow(
    /combine to an adjustment factor that must be at most 1e\+12/,
  );
  expect(await snapshot(t.db)).toEqual(before);
  await t.db.pool.query("DELETE FROM corporate_action WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'UPB')");
});

describe('plain SQL', () => {
  it.each([
    ['a subnormal close', 'close', '1e-320', '2020-01-02'],
    ['a close of NaN', 'close', "'NaN'", '2020-01-03'],
    ['an infinite high', 'high', "'Infinity'", '2020-01-06'],
    ['a price above a billion', 'open', '2e9', '2020-01-07'],
  ])('cannot store %s in daily_price', async (_name, column, value, date) => {
    const values: Record<string, string> = { open: '10', high: '10', low: '10', close: '10', [column]: value };
    const before = await snapshot(t.db);
    await expect(
      t.db.pool.query(
        `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
         SELECT id, '${date}', ${values.open}, ${values.high}, ${values.low}, ${values.close}, 100 FROM etf WHERE ticker = 'TINY'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('cannot store a negative or absurd volume, or a dividend of 1e-320', async () => {
    await expect(
      t.db.pool.query(
        `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
         SELECT id, '2020-01-08', 1, 1, 1, 1, -1 FROM etf WHERE ticker = 'TINY'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      t.db.pool.query(
        `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
         SELECT id, '2020-01-09', 1, 1, 1, 1, 1e13 FROM etf WHERE ticker = 'TINY'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      t.db.pool.query(
        `INSERT INTO corporate_action (etf_id, date, kind, value)
         SELECT id, '2020-01-02', 'DIVIDEND', 1e-320 FROM etf WHERE ticker = 'TINY'`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});

describe('npm run ingest', () => {
  it('rejects a file with a subnormal price at its line, and still loads the next file', async () => {
    const bad = await write('tiny/FILA.csv', csv([], ['2024-01-02,1,1,1e-320,1,100']));
    const good = await write('tiny/FILB.csv', csv(history('FILB')));
    const before = await storedBars(t.db, 'FILA');
    const run = await runCli('ingest', ['--jobs', '1', bad, good], env);
    expect(run.stderr).toContain(`${bad}:2: low: must be at least 1e-6, got 1e-320`);
    expect(run.code).toBe(1);
    expect(await storedBars(t.db, 'FILA')).toEqual(before);
    expect(await storedBars(t.db, 'FILB')).toHaveLength(days.length);
  });

  it('rejects the file whose rows the database refuses, with the reason, and loads the others', async () => {
    // A rule only the database knows, standing in for any refusal of one file's data.
    await t.db.pool.query('ALTER TABLE daily_price ADD CONSTRAINT test_no_4242 CHECK (close <> 42.42) NOT VALID');
    try {
      const fila = history('FILA');
      const bad = await write(
        'refused/FILA.csv',
        csv([{ ...fila[0], open: 42.5, close: 42.42, high: 43, low: 42 } as BarInput]),
      );
      const later = syntheticBars('FILB', tradingDays('2023-01-02', '2023-03-31'), {
        start: 50,
        drift: 0,
        volatility: 0.2,
        volume: 1e6,
      });
      const good = await write('refused/FILB.csv', csv(later));
      const before = await storedBars(t.db, 'FILA');
      const run = await runCli('ingest', ['--jobs', '1', bad, good], env);
      expect(run.stderr).toMatch(new RegExp(`${bad}: .*check constraint "test_no_4242"`));
      expect(run.stdout).toContain(`${good}: ${later.length} rows`);
      expect(run.code).toBe(1);
      expect(await storedBars(t.db, 'FILA')).toEqual(before);
    } finally {
      await t.db.pool.query('ALTER TABLE daily_price DROP CONSTRAINT test_no_4242');
    }
  });
});

describe('npm run update', () => {
  it('fails the ticker whose provider sends a subnormal price, and loads the others', async () => {
    const upa = history('UPA');
    provider.set('UPA', csv(upa.slice(0, -1), ['2024-03-29,1,1,1e-320,1,100']));
    provider.set('UPB', csv(history('UPB')));
    const before = await storedBars(t.db, 'UPA');
    const run = await runCli('update', [], env);
    expect(run.stderr).toMatch(/UPA: FAILED: bad bar: line \d+: low: must be at least 1e-6, got 1e-320/);
    expect(run.stdout).toContain('UPB: 2 new bars');
    expect(run.code).toBe(1);
    expect(await storedBars(t.db, 'UPA')).toEqual(before);
  });

  it('fails the ticker whose bars the database refuses, with the reason, and loads the others', async () => {
    await t.db.pool.query('ALTER TABLE daily_price ADD CONSTRAINT test_no_4242 CHECK (close <> 42.42) NOT VALID');
    try {
      const upa = history('UPA');
      const last = upa.at(-1) as BarInput;
      provider.set('UPA', csv([...upa.slice(0, -1), { ...last, close: 42.42, high: 43, low: 42, open: 42.5 }]));
      provider.set('UPC', csv(history('UPC')));
      const before = await storedBars(t.db, 'UPA');
      const run = await runCli('update', [], env);
      expect(run.stderr).toMatch(/UPA: FAILED: .*check constraint "test_no_4242"/);
      expect(run.stdout).toContain('UPC: 2 new bars');
      expect(run.code).toBe(1);
      expect(await storedBars(t.db, 'UPA')).toEqual(before);
    } finally {
      await t.db.pool.query('ALTER TABLE daily_price DROP CONSTRAINT test_no_4242');
    }
  });
});

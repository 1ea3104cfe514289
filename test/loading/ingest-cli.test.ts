// npm run ingest, run as a real process on real files: the vendor layouts, an
// idempotent rerun, every kind of malformed row rejected with its line and the
// file not half-applied, and a SIGKILL in the middle of a file.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { splitFields } from '../../src/ingest/csv-lines.js';
import type { BarInput } from '../../src/prices/validate-bars.js';
import { finished, runCli, startCli } from '../helpers/cli-run.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { expectStoredIndicatorsCurrent, storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-ingest-'));
  env = { DATABASE_URL: t.url };
  for (const ticker of ['SPY', 'QQQ', 'IWM', 'TLT', 'GLD']) await createEtf(t.db, ticker);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const bars = (ticker: string, first: string, last: string) =>
  syntheticBars(ticker, tradingDays(first, last), { start: 100, drift: 0.05, volatility: 0.2, volume: 1e6 });

const row = (bar: BarInput) => `${bar.date},${bar.open},${bar.high},${bar.low},${bar.close},${bar.volume}`;

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

const stored = (ticker: string) => storedBars(t.db, ticker);
const expectIndicatorsCurrent = (ticker: string) => expectStoredIndicatorsCurrent(t.db, ticker);

describe('vendor layouts', () => {
  const spy = bars('SPY', '2023-01-02', '2024-12-31');
  const qqq = bars('QQQ', '2024-01-01', '2024-12-31');
  const iwm = bars('IWM', '2024-01-01', '2024-06-28');
  const tlt = bars('TLT', '2024-01-01', '2024-06-28');

  it('loads a folder: Yahoo-style with Adj Close, CRLF and a BOM without it, and a long file with a ticker column', async () => {
    await write(
      'vendor/SPY.csv',
      `Date,Open,High,Low,Close,Adj Close,Volume\n${spy.map((bar) => `${bar.date},${bar.open},${bar.high},${bar.low},${bar.close},${bar.close * 0.98},${bar.volume}`).join('\n')}\n`,
    );
    await write('vendor/QQQ.csv', `\ufeffdate,open,high,low,close,volume\r\n${qqq.map(row).join('\r\n')}\r\n`);
    const long = [...iwm.map((bar) => `iwm,${row(bar)}`), ...tlt.map((bar) => `"TLT",${row(bar)}`)];
    await write('vendor/more/prices.csv', `Symbol,Date,Open,High,Low,Close,Volume\n${long.join('\n')}`);
    await write('vendor/notes.txt', 'not a csv file');

    const run = await runCli('ingest', [path.join(dir, 'vendor')], env);
    expect(run.stderr).not.toMatch(/:\d+: /);
    expect(run.code).toBe(0);
    const total = (spy.length + qqq.length + iwm.length + tlt.length).toLocaleString('en-US');
    expect(run.stdout).toContain(`3 of 3 files loaded: ${total} rows (${total} inserted, 0 updated, 0 unchanged)`);
    // Not a terminal: progress comes as plain lines, a line per file in the order they finish
    // (several files load at once).
    for (const file of ['prices', 'SPY', 'QQQ'])
      expect(run.stderr).toMatch(new RegExp(`\\[[123]/3\\] ${file}\\.csv: 100%`));
    expect(run.stderr).toMatch(/\[3\/3\] \w+\.csv: 100%/);

    for (const [ticker, expected] of [
      ['SPY', spy],
      ['QQQ', qqq],
      ['IWM', iwm],
      ['TLT', tlt],
    ] as const) {
      expect(await stored(ticker)).toEqual(expected.map((bar) => ({ ...bar })));
      await expectIndicatorsCurrent(ticker);
    }
  });

  it('is idempotent: a rerun changes nothing', async () => {
    const before = await snapshot(t.db);
    const run = await runCli('ingest', [path.join(dir, 'vendor')], env);
    expect(run.code).toBe(0);
    const total = (spy.length + qqq.length + iwm.length + tlt.length).toLocaleString('en-US');
    expect(run.stdout).toContain(`${total} rows (0 inserted, 0 updated, ${total} unchanged)`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('updates changed rows and appends new ones, keeping indicators current', async () => {
    const next = bars('SPY', '2023-01-02', '2025-01-10');
    const changed = next.map((bar, i) =>
      i === 300 ? { ...bar, close: bar.close * 1.01, high: bar.high * 1.01 } : bar,
    );
    const file = await write('update/SPY.csv', `Date,Open,High,Low,Close,Volume\n${changed.map(row).join('\n')}\n`);
    const run = await runCli('ingest', [file], env);
    expect(run.code).toBe(0);
    const appended = next.length - spy.length;
    expect(run.stdout).toContain(`(${appended} inserted, 1 updated, ${next.length - appended - 1} unchanged)`);
    await expectIndicatorsCurrent('SPY');
  });

  it('creates missing ETFs only when asked to', async () => {
    const newBars = bars('NEWETF', '2024-01-01', '2024-01-31');
    const file = await write('NEWETF.csv', `Date,Open,High,Low,Close,Volume\n${newBars.map(row).join('\n')}\n`);
    const refused = await runCli('ingest', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${file}:2: unknown ticker NEWETF (${newBars.length} rows): create it with upsertEtfs, or import with --create-etfs`,
    );
    const created = await runCli('ingest', ['--create-etfs', file], env);
    expect(created.code).toBe(0);
    expect(await t.db.prisma.etf.findUnique({ where: { ticker: 'NEWETF' } })).toMatchObject({
      name: 'NEWETF',
      currency: 'USD',
    });
  });
});

describe('vendor variants', () => {
  const vgt = bars('VGT', '2022-01-03', '2022-03-31');

  it('takes a file name in any case, Alpha Vantage timestamps, and skips Yahoo rows of nulls with their lines', async () => {
    await createEtf(t.db, 'VGT');
    const lines = vgt.map((bar) => `${row(bar)},${bar.close}`);
    // Yahoo writes a row of nulls for a day it has no prices for.
    lines.splice(5, 0, '2022-01-09,null,null,null,null,null,null');
    const yahoo = await write('variants/vgt.csv', `Date,Open,High,Low,Close,Volume,Adj Close\n${lines.join('\n')}\n`);
    const run = await runCli('ingest', [yahoo], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${yahoo}:7: skipped: every price is null (a day without prices)`);
    expect(run.stdout).toContain(
      `${yahoo}: ${vgt.length} rows, ${vgt.length} inserted, 0 updated, 0 unchanged, 1 skipped`,
    );
    expect((await stored('VGT')).length).toBe(vgt.length);

    // Alpha Vantage: timestamp, newest first.
    const later = bars('VGT', '2022-04-01', '2022-04-29');
    const alpha = await write(
      'variants/alpha/VGT.csv',
      `timestamp,open,high,low,close,volume\n${[...later].reverse().map(row).join('\n')}\n`,
    );
    const second = await runCli('ingest', [alpha], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${alpha}: ${later.length} rows, ${later.length} inserted`);
    await expectIndicatorsCurrent('VGT');
  });

  // A new ETF's file is copied straight into daily_price (the bulk load's fast
  // path), its plain rows read by src/ingest/plain-row.ts and its duplicate
  // dates found while streaming: the same answers as the general path.
  it("finds a new ETF's duplicate dates in any order, and loads its rows exactly as written", async () => {
    await createEtf(t.db, 'XLK');
    const xlk = bars('XLK', '2021-01-04', '2021-06-30');
    const shuffled = [...xlk.slice(40), ...xlk.slice(0, 40).reverse()];
    const duplicate = await write(
      'fresh/dup/XLK.csv',
      `Date,Open,High,Low,Close,Volume\n${[...shuffled, xlk[70] as BarInput].map(row).join('\n')}\n`,
    );
    const before = await snapshot(t.db);
    const rejected = await runCli('ingest', [duplicate], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(
      `${duplicate}:${shuffled.length + 2}: duplicate date ${xlk[70]?.date} for XLK (first on line 32)`,
    );
    expect(await snapshot(t.db)).toEqual(before);

    // Newest first, with a row the quick reader leaves to the general parser.
    const lines = [...xlk].reverse().map(row);
    const last = xlk.at(-1) as BarInput;
    lines[0] = `${last.date}, ${last.open},${last.high},${last.low},${last.close},${last.volume}`;
    const newestFirst = await write('fresh/XLK.csv', `Date,Open,High,Low,Close,Volume\n${lines.join('\n')}\n`);
    const run = await runCli('ingest', [newestFirst], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${newestFirst}: ${xlk.length} rows, ${xlk.length} inserted`);
    expect(await stored('XLK')).toEqual(xlk.map((bar) => ({ ...bar })));
  });
});

describe('--actions: splits and dividends by file', () => {
  const actionsOf = async (ticker: string) =>
    (
      await t.db.pool.query(
        `SELECT a.kind::text, a.date::text, a.value FROM corporate_action a JOIN etf e ON e.id = a.etf_id
         WHERE e.ticker = $1 ORDER BY a.date, a.kind`,
        [ticker],
      )
    ).rows;

  it("records Yahoo's splits and dividends files, and a long file with a ticker column", async () => {
    await createEtf(t.db, 'ACT');
    await createEtf(t.db, 'ACT2');
    const history = bars('ACT', '2021-01-04', '2021-12-31');
    await runCli(
      'ingest',
      [await write('actions/prices/ACT.csv', `Date,Open,High,Low,Close,Volume\n${history.map(row).join('\n')}\n`)],
      env,
    );
    const splits = await write('actions/act.csv', 'Date,Stock Splits\n2021-06-01,2:1\n2021-09-01,1/2\n');
    const dividends = await write('actions/div/ACT.csv', 'Date,Dividends\n2021-03-15,0.25\n2021-12-15,0.3\n');
    const long = await write(
      'actions/long.csv',
      'Symbol,Date,Dividends,Stock Splits\nACT2,2021-05-03 00:00:00-04:00,0.1,0\nACT2,2021-07-01 00:00:00-04:00,0,3\n',
    );
    const run = await runCli('ingest', ['--actions', splits, dividends, long], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${splits}: 2 splits and 0 dividends recorded`);
    expect(run.stdout).toContain(`${long}: 1 splits and 1 dividends recorded`);
    expect(await actionsOf('ACT')).toEqual([
      { kind: 'DIVIDEND', date: '2021-03-15', value: 0.25 },
      { kind: 'SPLIT', date: '2021-06-01', value: 2 },
      { kind: 'SPLIT', date: '2021-09-01', value: 0.5 },
      { kind: 'DIVIDEND', date: '2021-12-15', value: 0.3 },
    ]);
    expect(await actionsOf('ACT2')).toEqual([
      { kind: 'DIVIDEND', date: '2021-05-03', value: 0.1 },
      { kind: 'SPLIT', date: '2021-07-01', value: 3 },
    ]);
  });

  it('refuses a file with any action recordSplit or recordDividend would refuse, recording none of it', async () => {
    await createEtf(t.db, 'ACT3');
    const before = await snapshot(t.db);
    const file = await write(
      'actions/bad/ACT3.csv',
      'Date,Dividends,Stock Splits\n2021-02-01,0.1,0\n2021-03-01,0,1:1\n2099-01-01,0.2,0\nnot a date,0.1,0\n2021-04-01,abc,0\n2021-02-30,0.1,0\n',
    );
    const run = await runCli('ingest', ['--actions', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:5: date: is not a date as YYYY-MM-DD`);
    expect(run.stderr).toContain(`${file}:6: amount: is not a number ("abc")`);
    expect(run.stderr).toContain(`${file}:7: date: is not a calendar date ("2021-02-30")`);
    expect(run.stdout).toContain(`${file}: rejected, nothing recorded from it`);
    // Past the format, the checks of the API, each with its line.
    const second = await write(
      'actions/bad2/ACT3.csv',
      'Date,Dividends,Stock Splits\n2021-03-01,0,1:1\n2099-01-01,0.2,0\n',
    );
    const checked = await runCli('ingest', ['--actions', second], env);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`${second}:2: ratio: a ratio of 1 is not a split`);
    expect(checked.stderr).toMatch(new RegExp(`${second.replaceAll('/', '\\/')}:3: exDate: 2099-01-01 `));
    const unknown = await write('actions/NOSUCH.csv', 'Date,Dividends\n2021-02-01,0.1\n');
    expect((await runCli('ingest', ['--actions', unknown], env)).stderr).toContain(
      `${unknown}:2: No ETF with ticker NOSUCH.`,
    );
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('checks every file as an import would and writes nothing', async () => {
    const next = bars('QQQ', '2025-01-01', '2025-01-31');
    const good = await write('dry/QQQ.csv', `Date,Open,High,Low,Close,Volume\n${next.map(row).join('\n')}\n`);
    const before = await snapshot(t.db);
    const run = await runCli('ingest', ['--dry-run', good], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${good}: ${next.length} rows would load, ${next.length} inserted, 0 updated, 0 unchanged`,
    );
    expect(run.stdout).toContain(`Dry run, nothing written: 1 of 1 files would load: ${next.length} rows`);
    expect(await snapshot(t.db)).toEqual(before);

    // A bad file: its reasons and status 1, as without --dry-run, and nothing written either.
    const bad = await write('dry/bad/TLT.csv', 'Date,Open,High,Low,Close,Volume\n2025-01-02,1,0.5,2,1.5,100\n');
    const refused = await runCli('ingest', ['--dry-run', bad, good], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:2: high: below low`);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('malformed files are rejected with their lines, and never half-applied', () => {
  const good = bars('GLD', '2024-01-01', '2024-01-31');
  const header = 'Date,Open,High,Low,Close,Volume';
  const body = (lines: string[]) => `${[header, ...lines].join('\n')}\n`;
  const withRow = (index: number, text: string) => body(good.map((bar, i) => (i === index ? text : row(bar))));

  it.each([
    ['a missing column', 'Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n', [':1: missing column "volume"']],
    ['an unknown column', 'Date,Open,High,Low,Close,Volume,Dividends\n', [':1: unknown column "Dividends"']],
    ['a bad date', withRow(3, '2024-02-30,1,2,0.5,1.5,100'), [':5: date: is not a calendar date ("2024-02-30")']],
    [
      'another date format',
      withRow(3, '01/05/2024,1,2,0.5,1.5,100'),
      [':5: date: is not a date as YYYY-MM-DD ("01/05/2024")'],
    ],
    ['text in a number', withRow(0, '2024-01-01,abc,2,0.5,1.5,100'), [':2: open: is not a number ("abc")']],
    ['an empty number', withRow(0, '2024-01-01,1,,0.5,1.5,100'), [':2: high: is empty']],
    ['a negative price', withRow(1, '2024-01-02,1,2,-0.5,1.5,100'), [':3: low: must be positive']],
    ['high below low', withRow(2, '2024-01-03,1,0.5,2,1.5,100'), [':4: high: below low']],
    ['a fractional volume', withRow(2, '2024-01-03,1,2,0.5,1.5,100.5'), [':4: volume: must be a whole number']],
    ['a missing field', withRow(4, '2024-01-05,1,2,0.5,1.5'), [':6: expected 6 fields, got 5']],
    [
      'a duplicate date',
      withRow(5, row(good[4] as BarInput)),
      [`:7: duplicate date ${good[4]?.date} for GLD (first on line 6)`],
    ],
    ['a date in the future', withRow(5, '2999-01-01,1,2,0.5,1.5,100'), [':7: date: is in the future']],
    [
      'an unterminated quote',
      withRow(5, '"2024-01-08,1,2,0.5,1.5,100'),
      [':7: column 1: a quoted field with no closing quote'],
    ],
    ['an empty file', '', [':1: the file is empty']],
    [
      'every bad row at once',
      withRow(1, 'x,y,z,1,2,3').replace(row(good[6] as BarInput), '2024-01-09,1,2,3,x,5'),
      [
        ':3: date: is not a date',
        ':3: open: is not a number ("y")',
        ':3: high: is not a number ("z")',
        ':8: close: is not a number ("x")',
      ],
    ],
  ])('%s', async (name, text, reasons) => {
    const file = await write(`bad-${name.replaceAll(' ', '-')}/GLD.csv`, text);
    const before = await snapshot(t.db);
    const run = await runCli('ingest', [file], env);
    expect(run.code).toBe(1);
    for (const reason of reasons) expect(run.stderr).toContain(`${file}${reason}`);
    expect(run.stdout).toContain(`${file}: rejected, nothing loaded from it`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a hostile file name and ticker without touching anything', async () => {
    const before = await snapshot(t.db);
    const file = await write("x'; DROP TABLE etf; --.csv", body(good.map(row)));
    const long = await write('long.csv', `ticker,${header}\n'; DROP TABLE etf; --,${row(good[0] as BarInput)}\n`);
    const run = await runCli('ingest', [file, long], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:1: no ticker column, and the file name is not a ticker (TICKER.csv)`);
    expect(run.stderr).toContain(`${long}:2: ticker: must be at most 16 characters`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('loads the good files of a run and rejects only the bad ones', async () => {
    const bad = await write('mixed/GLD.csv', withRow(2, '2024-01-03,1,0.5,2,1.5,100'));
    const fine = await write('mixed/TLT.csv', body(bars('TLT', '2024-07-01', '2024-07-31').map(row)));
    const run = await runCli('ingest', [path.dirname(bad)], env);
    expect(run.code).toBe(1);
    const count = bars('TLT', '2024-07-01', '2024-07-31').length;
    expect(run.stdout).toContain(`1 of 2 files loaded: ${count} rows (${count} inserted`);
    expect(run.stdout).toContain(`${fine}: ${count} rows`);
    expect(await stored('GLD')).toEqual([]);
  });

  it('rejects a file that would leave a dividend at or above the close before it, as a reason, not a crash', async () => {
    const etf = await createEtf(t.db, 'DIV');
    const history = bars('DIV', '2024-03-01', '2024-03-29');
    await runCli('ingest', [await write('div/DIV.csv', body(history.map(row)))], env);
    const exDate = history[10]?.date as string;
    await t.db.prisma.corporateAction.create({
      data: { etfId: etf.id, kind: 'DIVIDEND', date: new Date(`${exDate}T00:00:00Z`), value: 5 },
    });
    const before = await snapshot(t.db);
    // The close before the ex-date drops to 4, below the dividend of 5.
    const crash = history.map((bar, i) => (i === 9 ? { ...bar, open: 4, high: 4.5, low: 3.5, close: 4 } : bar));
    const file = await write('div2/DIV.csv', body(crash.map(row)));
    const run = await runCli('ingest', [file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: the dividend of 5 ex ${exDate} is not below the close before its ex-date (4)`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('answers usage errors with status 2', async () => {
    expect((await runCli('ingest', [], env)).code).toBe(2);
    expect((await runCli('ingest', [path.join(dir, 'missing.csv')], env)).code).toBe(2);
    expect((await runCli('ingest', ['--bogus', 'x.csv'], env)).code).toBe(2);
    const jobs = await runCli('ingest', ['--jobs', '0', 'x.csv'], env);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs must be a whole number from 1 to 16');
  });

  it('splits quoted fields as RFC 4180 does', () => {
    expect(splitFields('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
    expect(splitFields('1,2,3')).toEqual(['1', '2', '3']);
  });
});

it('a SIGKILL in the middle of a file leaves the database as it was before the file', async () => {
  // A long file, big enough that the COPY is still running when it is killed.
  const tickers = Array.from({ length: 40 }, (_, i) => `K${i}`);
  for (const ticker of tickers) await createEtf(t.db, ticker);
  const days = tradingDays('2000-01-03', '2019-12-31');
  const lines = ['ticker,date,open,high,low,close,volume'];
  for (const ticker of tickers) {
    for (const bar of syntheticBars(ticker, days, { start: 50, drift: 0.05, volatility: 0.2, volume: 1e5 })) {
      lines.push(`${ticker},${row(bar)}`);
    }
  }
  const file = await write('kill/big.csv', `${lines.join('\n')}\n`);
  const before = await snapshot(t.db);

  const child = startCli('ingest', [file], env);
  const run = finished(child);
  // Kill once the COPY into the staging table is under way.
  let copying = false;
  for (let i = 0; i < 600 && !copying; i++) {
    const active = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '/* copy-ingest-staging */%' AND state = 'active'",
    );
    copying = active.rows[0].n > 0;
    if (!copying) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  expect(copying).toBe(true);
  expect((await run).code).toBe(null);
  // The server notices the dropped connection and rolls back.
  for (let i = 0; i < 100; i++) {
    const open = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%ingest_staging%' AND pid <> pg_backend_pid()",
    );
    if (open.rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const after = await snapshot(t.db);
  const loadedWhole = after.prices.length === before.prices.length + lines.length - 1;
  if (!loadedWhole) expect(after).toEqual(before);

  const rerun = await runCli('ingest', [file], env);
  expect(rerun.code).toBe(0);
  expect((await stored('K7')).length).toBe(days.length);
}, 120_000);

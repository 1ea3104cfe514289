// The loading workloads (API, CLI import, nightly update), each in a fresh database of one cluster:
// - the floor: one plain COPY of every row into a table with daily_price's
//   primary key, nothing else;
// - `npm run ingest` on a folder of TICKER.csv files, as a user runs it (a
//   process, CSV parsing, staging, upsert, indicators);
// - loadPrices mutations of 5,000 bars over HTTP to the real server;
// - the daily update appending one new day to every ETF from a provider on
//   127.0.0.1 (a process of its own, bench/provider.ts), indicators included.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { applyMigrations } from '../src/db/migrations.js';
import { syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { queueLaggingRefreshes } from '../src/indicators/stored/keep-current.js';
import { jobReport } from '../src/jobs/job-report.js';
import { runDueJobs, startJobWorker } from '../src/jobs/worker.js';
import type { BarInput } from '../src/prices/validate-bars.js';
import { runDailyUpdate } from '../src/update/daily-update.js';
import { tiingoProvider } from '../src/update/tiingo.js';
import { createApp } from '../src/yoga.js';

type LoadingResult = {
  rows: number;
  floorSeconds: number[];
  cliSeconds: number;
  cliPeakRssMb: number;
  /** COPY into daily_price itself (see tableFloor). */
  tableFloorSeconds: number;
  /** From the start of the import until the jobs it queued have stored every ETF's indicators. */
  currentSeconds: number;
  mutationSeconds: number;
  appendSeconds: number[];
  /** The database part of each append: one transaction for all ETFs, indicators included. */
  appendWriteSeconds: number[];
  /** The same from Tiingo's API, with a dividend for every tenth ETF and a split for every hundredth. */
  tiingoSeconds: number[];
};

const ADMIN_KEY = 'etfql_bench-loading-admin-key';

export function dataset(etfs: number, days: number) {
  const dates = tradingDays('1990-01-01', '2030-12-31').slice(0, days + 1);
  const tickers = Array.from({ length: etfs }, (_, i) => `L${String(i).padStart(3, '0')}`);
  // The last day is held back for the append workload.
  return { tickers, history: dates.slice(0, days), nextDay: dates.at(-1) as string };
}

type Bar = ReturnType<typeof syntheticBars>[number];

export const barsOf = (ticker: string, dates: readonly string[]) =>
  syntheticBars(ticker, dates, { start: 50, drift: 0.05, volatility: 0.25, volume: 1e6 });

/** A new, migrated database of this name on the cluster (dropped first when it exists). */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return url.toString();
}

export async function createEtfs(url: string, tickers: string[]) {
  const db = createDatabase(url);
  await db.pool.query(
    "INSERT INTO etf (ticker, name, updated_at) SELECT t, t || ' Bench Fund', now() FROM unnest($1::text[]) t",
    [tickers],
  );
  await db.close();
}

const seconds = (started: number) => (performance.now() - started) / 1000;

export async function floor(adminUrl: string, tickers: string[], dates: string[]): Promise<number> {
  const url = await freshDatabase(adminUrl, 'bench_load_floor');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE floor_price (
    etf_id int NOT NULL, date date NOT NULL, open float8 NOT NULL, high float8 NOT NULL, low float8 NOT NULL,
    close float8 NOT NULL, volume int8 NOT NULL, PRIMARY KEY (etf_id, date))`);
  // The rows are rendered before the clock starts: the floor is the database's work alone.
  const chunks = tickers.map((ticker, id) =>
    barsOf(ticker, dates)
      .map((b) => `${id}\t${b.date}\t${b.open}\t${b.high}\t${b.low}\t${b.close}\t${b.volume}\n`)
      .join(''),
  );
  const started = performance.now();
  await pipeline(Readable.from(chunks), client.query(copyFrom('COPY floor_price FROM STDIN')));
  const elapsed = seconds(started);
  await client.end();
  return elapsed;
}

/**
 * The second floor: the same COPY into daily_price itself, with everything a
 * real table has (its primary key, its foreign key, the notification triggers).
 * The importer's fast path is this plus parsing and validating the CSV.
 */
async function tableFloor(adminUrl: string, tickers: string[], dates: string[]): Promise<number> {
  const url = await freshDatabase(adminUrl, 'bench_load_table_floor');
  await createEtfs(url, tickers);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: number; ticker: string }>('SELECT id, ticker FROM etf');
  const ids = new Map(rows.map((row) => [row.ticker, row.id]));
  const chunks = tickers.map((ticker) =>
    barsOf(ticker, dates)
      .map((b) => `${ids.get(ticker)}\t${b.date}\t${b.open}\t${b.high}\t${b.low}\t${b.close}\t${b.volume}\n`)
      .join(''),
  );
  const started = performance.now();
  await pipeline(
    Readable.from(chunks),
    client.query(copyFrom('COPY daily_price (etf_id, date, open, high, low, close, volume) FROM STDIN')),
  );
  const elapsed = seconds(started);
  await client.end();
  return elapsed;
}

async function cli(adminUrl: string, tickers: string[], dates: string[], dir: string) {
  const url = await freshDatabase(adminUrl, 'bench_load_cli');
  await createEtfs(url, tickers);
  await mkdir(dir, { recursive: true });
  for (const ticker of tickers) {
    const rows = barsOf(ticker, dates).map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
    await writeFile(path.join(dir, `${ticker}.csv`), `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  }
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'peak-rss-kb %M', process.execPath, 'scripts/run.mjs', 'cli/ingest', dir],
    {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const elapsed = seconds(started);
  if (code !== 0) throw new Error(`npm run ingest failed (${code}):\n${stderr.slice(-2000)}`);
  const rss = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024;
  // Then the jobs it queued, run by a worker as `npm run worker` runs them
  // (JOB_CONCURRENCY=2: the machine's cores, nothing else running).
  const db = createDatabase(url, { poolSize: 4 });
  const worker = await startJobWorker(db.pool, { concurrency: 2 });
  try {
    for (;;) {
      const report = await jobReport(db.pool, 1);
      if (report.etfsBehind === 0 && report.jobs.length === 0) break;
      if (report.jobs[0]?.state === 'FAILED') throw new Error(`a job failed: ${report.jobs[0].lastError}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await worker.stop();
    await db.close();
  }
  return { elapsed, rss, url, current: seconds(started) };
}

async function mutations(adminUrl: string, tickers: string[], dates: string[]) {
  const url = await freshDatabase(adminUrl, 'bench_load_api');
  await createEtfs(url, tickers);
  const db = createDatabase(url, { poolSize: 4 });
  const config = loadConfig({ DATABASE_URL: url, ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_SECOND: '100000' });
  const { ensureAdminApiKey } = await import('../src/auth/api-keys.js');
  await ensureAdminApiKey(db.prisma, ADMIN_KEY);
  const server = createServer(createApp({ db, config }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const query =
    'mutation ($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }';
  const calls = tickers.map((ticker) => ({ ticker, bars: barsOf(ticker, dates) }));
  const started = performance.now();
  let next = 0;
  // Two clients, as many as the machine has cores.
  const client = async () => {
    while (next < calls.length) {
      const call = calls[next++] as { ticker: string; bars: BarInput[] };
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query, variables: call }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`loadPrices failed: ${JSON.stringify(body.errors)}`);
    }
  };
  await Promise.all([client(), client()]);
  const elapsed = seconds(started);
  server.close();
  await db.close();
  return elapsed;
}

/** Every tenth ETF goes ex-dividend on the new day, and every hundredth splits 2-for-1 on it. */
const DIVIDEND_EVERY = 10;
const SPLIT_EVERY = 100;

/**
 * The new day as Tiingo would answer for `ticker` (from the last stored bar
 * on: the adapter asks for it, to compare its restated adjClose), with the
 * ETF's dividend or split of that day, and adjClose as they adjust it.
 */
function tiingoFile(ticker: string, index: number, dates: string[], day: string): string {
  const [previous, next] = barsOf(ticker, [...dates, day]).slice(-2) as [Bar, Bar];
  const split = index % SPLIT_EVERY === 0 ? 2 : 1;
  const dividend = split === 1 && index % DIVIDEND_EVERY === 0 ? Number((previous.close * 0.005).toFixed(4)) : 0;
  const factor = (1 - dividend / previous.close) / split;
  const row = (b: Bar, scale: number, adjusted: number, div: number, splitFactor: number) =>
    [b.date, b.close * scale, b.high * scale, b.low * scale, b.open * scale, Math.round(b.volume / scale)]
      .concat([adjusted, 0, 0, 0, 0, div, splitFactor])
      .join(',');
  return (
    'date,close,high,low,open,volume,adjClose,adjHigh,adjLow,adjOpen,adjVolume,divCash,splitFactor\n' +
    `${row(previous, 1, previous.close * factor, 0, 1)}\n${row(next, 1 / split, next.close / split, dividend, split)}\n`
  );
}

/**
 * One new day for every ETF, fetched from a provider on 127.0.0.1 and appended
 * by the daily update: a generic CSV of recent bars, or Tiingo's answer with
 * the dividends and splits of that day (recorded in the same transaction).
 */
async function append(
  url: string,
  tickers: string[],
  dates: string[],
  day: string,
  dir: string,
  source: 'csv' | 'tiingo',
) {
  await mkdir(dir, { recursive: true });
  for (const [index, ticker] of tickers.entries()) {
    const last = barsOf(ticker, [...dates, day]).slice(-5); // a provider's "recent bars" file
    const rows = last.map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
    await writeFile(
      path.join(dir, `${ticker}.csv`),
      source === 'tiingo'
        ? tiingoFile(ticker, index, dates, day)
        : `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`,
    );
  }
  const provider = spawn(process.execPath, ['--import', 'tsx', 'bench/provider.ts', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    provider.stdout?.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    provider.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)));
  });
  const db = createDatabase(url, { poolSize: 10 });
  const started = performance.now();
  const origin = `http://127.0.0.1:${port}`;
  const result = await runDailyUpdate(db, {
    ...(source === 'tiingo'
      ? { provider: tiingoProvider({ key: 'bench-tiingo-token', baseUrl: origin }) }
      : { urlTemplate: `${origin}/{ticker}.csv` }),
    timeoutMs: 10_000,
    concurrency: 8,
  });
  const elapsed = seconds(started);
  const write = result.locked ? result.seconds.write : Number.NaN;
  provider.kill();
  const outcomes = result.locked ? result.outcomes : [];
  const loaded = outcomes.filter((o) => o.status === 'loaded').length;
  if (loaded !== tickers.length) throw new Error(`the update appended to ${loaded} of ${tickers.length} ETFs`);
  const differing = outcomes.filter((o) => o.status !== 'failed' && o.differences.length > 0).length;
  if (differing > 0) throw new Error(`${differing} ETFs' adjusted closes differ from the provider's`);
  // Undo, so that the next round appends the same day again, with its actions.
  await db.pool.query('DELETE FROM daily_price WHERE date = $1', [day]);
  await db.pool.query('DELETE FROM daily_indicator WHERE date = $1', [day]);
  await db.pool.query('DELETE FROM corporate_action WHERE date = $1', [day]);
  // What the update left to jobs (the long histories its actions rescaled) is
  // done by the worker seconds later; done here, outside the clock, so that
  // each round starts from stored indicators that are current.
  await queueLaggingRefreshes(db.pool);
  await runDueJobs(db.pool);
  await db.close();
  return { elapsed, write };
}

export async function benchLoading(
  adminUrl: string,
  etfs: number,
  days: number,
  rounds: number,
): Promise<LoadingResult> {
  const { tickers, history, nextDay } = dataset(etfs, days);
  const dir = path.join(tmpdir(), `etfql-bench-csv-${process.pid}`);
  try {
    const floorSeconds = [await floor(adminUrl, tickers, history)];
    const tableFloorSeconds = await tableFloor(adminUrl, tickers, history);
    const ingest = await cli(adminUrl, tickers, history, dir);
    floorSeconds.push(await floor(adminUrl, tickers, history));
    const mutationSeconds = await mutations(adminUrl, tickers, history);
    floorSeconds.push(await floor(adminUrl, tickers, history));
    const appendSeconds: number[] = [];
    const appendWriteSeconds: number[] = [];
    const tiingoSeconds: number[] = [];
    for (let round = 0; round < Math.max(rounds, 3); round++) {
      const { elapsed, write } = await append(ingest.url, tickers, history, nextDay, `${dir}-provider`, 'csv');
      appendSeconds.push(elapsed);
      appendWriteSeconds.push(write);
    }
    for (let round = 0; round < Math.max(rounds, 3); round++) {
      tiingoSeconds.push((await append(ingest.url, tickers, history, nextDay, `${dir}-tiingo`, 'tiingo')).elapsed);
    }
    return {
      rows: etfs * days,
      floorSeconds,
      cliSeconds: ingest.elapsed,
      cliPeakRssMb: ingest.rss,
      tableFloorSeconds,
      currentSeconds: ingest.current,
      mutationSeconds,
      appendSeconds,
      appendWriteSeconds,
      tiingoSeconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}-provider`, { recursive: true, force: true });
    await rm(`${dir}-tiingo`, { recursive: true, force: true });
  }
}

/**
 * A vendor dump of `megabytes` MB (a long file with a ticker column, new ETFs
 * created by the import) imported by `npm run ingest` as a process: its peak
 * RSS shows whether memory stays flat whatever the file's size. The file is
 * written before the clock starts and deleted afterwards.
 */
export async function benchBigFile(
  adminUrl: string,
  megabytes: number,
): Promise<{ rows: number; bytes: number; seconds: number; rssMb: number }> {
  const url = await freshDatabase(adminUrl, 'bench_load_big');
  const dir = path.join(tmpdir(), `etfql-bench-big-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'vendor-dump.csv');
  try {
    const dates = tradingDays('1990-01-01', '2030-12-31').slice(0, 5000);
    const out = createWriteStream(file);
    let bytes = 0;
    let rows = 0;
    const put = async (text: string) => {
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    };
    await put('Ticker,Date,Open,High,Low,Close,Volume\n');
    for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
      const ticker = `B${String(i).padStart(4, '0')}`;
      const lines = barsOf(ticker, dates).map(
        (b) => `${ticker},${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}\n`,
      );
      rows += lines.length;
      await put(lines.join(''));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const started = performance.now();
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'peak-rss-kb %M', process.execPath, 'scripts/run.mjs', 'cli/ingest', '--create-etfs', file],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`npm run ingest of the big file failed (${code}):\n${stderr.slice(-2000)}`);
    const rssMb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024;
    return { rows, bytes, seconds: seconds(started), rssMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS bench_load_big WITH (FORCE)');
    await admin.end();
  }
}

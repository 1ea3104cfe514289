// The scale-out workloads (workers, replicas, PgBouncer), against the real server process as
// `npm start` runs it (src/server.ts), on a database of its own:
// - the chart at 64 connections against 1 API worker, and against 2 workers
//   sharing a real Redis (WEB_CONCURRENCY=2, REDIS_URL), side by side. The
//   load generator (autocannon, in this process) shares the machine's cores
//   with the server: its own CPU time is measured and printed beside the
//   figures, so a reader sees what was left for the server;
// - reads at 16 connections while `npm run update` appends a day to 500 ETFs
//   (a process of its own, fetching from a provider on 127.0.0.1), against the
//   same reads without the update: p99 of each.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import { startRedis } from '../scripts/servers/redis-server.js';
import { startServerChild } from '../scripts/servers/server-child.js';
import { loadConfig } from '../src/config.js';
import { syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { queueLaggingRefreshes } from '../src/indicators/stored/keep-current.js';
import { runDueJobs } from '../src/jobs/worker.js';
import { prepareDatabase } from '../src/startup/prepare-database.js';
import { CHART_TICKERS, chartRequestBody } from './chart-workload.js';
import { type Measurement, measure } from './measure.js';

export type ScaleOutResult = {
  oneWorker: Measurement & { generatorCores: number };
  twoWorkers: (Measurement & { generatorCores: number }) | { skipped: string };
  readsAlone: Measurement;
  readsDuringUpdate: Measurement;
  updateSeconds: number;
};

const UPDATE_ETFS = 500;
const HISTORY_DAYS = 1000;
// The chart's ten tickers among them, so the reads and the update share the tables.
const tickers = [
  ...CHART_TICKERS,
  ...Array.from({ length: UPDATE_ETFS - CHART_TICKERS.length }, (_, i) => `U${String(i).padStart(3, '0')}`),
];
const barsOf = (ticker: string, dates: readonly string[]) =>
  syntheticBars(ticker, dates, { start: 50, drift: 0.05, volatility: 0.25, volume: 1e6 });

/** 500 ETFs (the chart's among them) with 1,000 days each, their stored indicators current. */
async function prepare(adminUrl: string): Promise<{ url: string; dates: string[]; nextDay: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bench_scale WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_scale');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/bench_scale';
  const config = loadConfig({ DATABASE_URL: url.toString(), SEED_DEMO: 'false' });
  const db = await prepareDatabase(url.toString(), config, pino({ level: 'warn' }));
  const all = tradingDays('2020-01-01', '2030-12-31').slice(0, HISTORY_DAYS + 1);
  const dates = all.slice(0, HISTORY_DAYS);
  try {
    const { rows } = await db.pool.query<{ id: number; ticker: string }>(
      "INSERT INTO etf (ticker, name, updated_at) SELECT t, t || ' Scale Fund', now() FROM unnest($1::text[]) t RETURNING id, ticker",
      [tickers],
    );
    const client = await db.pool.connect();
    try {
      const chunks = rows.map(({ id, ticker }) =>
        barsOf(ticker, dates)
          .map((b) => `${id}\t${b.date}\t${b.open}\t${b.high}\t${b.low}\t${b.close}\t${b.volume}\n`)
          .join(''),
      );
      await pipeline(
        Readable.from(chunks),
        client.query(copyFrom('COPY daily_price (etf_id, date, open, high, low, close, volume) FROM STDIN')),
      );
    } finally {
      client.release();
    }
    await queueLaggingRefreshes(db.pool);
    await runDueJobs(db.pool);
    await db.pool.query('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
  return { url: url.toString(), dates, nextDay: all.at(-1) as string };
}

function startServer(url: string, env: Record<string, string>) {
  return startServerChild({
    DATABASE_URL: url,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    JOB_WORKER: 'false',
    // The server's work, not its cache or its limiter: every request runs.
    RESPONSE_CACHE: 'false',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '1000000',
    ...env,
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A measurement, with the cores the load generator itself used meanwhile. */
async function measured(options: Parameters<typeof measure>[0]) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await measure(options);
  const used = process.cpuUsage(cpu);
  return { ...result, generatorCores: (used.user + used.system) / 1000 / (performance.now() - started) };
}

async function chartAt64(url: string, env: Record<string, string>, seconds: number) {
  const server = await startServer(url, env);
  try {
    const target = { url: `${server.baseUrl}/graphql`, body: chartRequestBody };
    await measure({ ...target, connections: 64, seconds: 2 }); // warm-up: JIT, pools, buffer cache
    return await measured({ ...target, connections: 64, seconds });
  } finally {
    await stopServer(server.child);
  }
}

/** `npm run update` as a process, appending `day` from a provider on 127.0.0.1; resolves with its seconds. */
async function runUpdate(url: string, dates: readonly string[], day: string, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  for (const ticker of tickers) {
    const rows = barsOf(ticker, [...dates, day])
      .slice(-5)
      .map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
    await writeFile(path.join(dir, `${ticker}.csv`), `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  }
  const provider = spawn(process.execPath, ['--import', 'tsx', 'bench/provider.ts', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      provider.stdout?.once('data', (chunk) => resolve(Number(String(chunk).trim())));
      provider.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)));
    });
    const started = performance.now();
    const update = spawn(process.execPath, ['scripts/run.mjs', 'cli/update'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        LOG_LEVEL: 'warn',
        PRICE_SOURCE_URL: `http://127.0.0.1:${port}/{ticker}.csv`,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise((resolve) => update.once('exit', resolve));
    if (code !== 0) throw new Error(`npm run update exited with ${code}`);
    return (performance.now() - started) / 1000;
  } finally {
    provider.kill();
  }
}

export async function benchScaleOut(adminUrl: string, seconds: number): Promise<ScaleOutResult> {
  const { url, dates, nextDay } = await prepare(adminUrl);
  const dir = path.join(tmpdir(), `etfql-bench-scale-${process.pid}`);
  try {
    const oneWorker = await chartAt64(url, { WEB_CONCURRENCY: '1' }, seconds);
    let twoWorkers: ScaleOutResult['twoWorkers'];
    let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
    try {
      redis = await startRedis();
      twoWorkers = await chartAt64(url, { WEB_CONCURRENCY: '2', REDIS_URL: redis.url }, seconds);
    } catch (error) {
      twoWorkers = { skipped: `no Redis: ${(error as Error).message}` };
    } finally {
      await redis?.stop();
    }

    // Reads with and without the nightly update, against one default server.
    const server = await startServer(url, {});
    try {
      const target = { url: `${server.baseUrl}/graphql`, body: chartRequestBody, connections: 16 };
      await measure({ ...target, seconds: 2 });
      const readsAlone = await measure({ ...target, seconds });
      const reads = measure({ ...target, seconds });
      // The update starts with the reads and ends well within them (about a second).
      const updateSeconds = await runUpdate(url, dates, nextDay, dir);
      const readsDuringUpdate = await reads;
      return { oneWorker, twoWorkers, readsAlone, readsDuringUpdate, updateSeconds };
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS bench_scale WITH (FORCE)');
    await admin.end();
  }
}

// Start-up as users pay it, through npm as they type it: every CLI run, cron
// job and deploy pays it again, and the other workloads amortize it away.
// - `npm run ingest -- --dry-run` of a one-row file beside a running server;
// - `npm start` on an existing data directory, until /health answers;
// - 100 files × 5,550 rows through `npm run ingest`, start-up included,
//   against one plain COPY of the same rows (bench/loading.ts's floor).
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/net/ports.js';
import { barsOf, createEtfs, dataset, floor, freshDatabase } from './loading.js';

export type StartupResult = {
  cliSeconds: number[];
  readySeconds: number[];
  importRows: number;
  importSeconds: number[];
  floorSeconds: number[];
};

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Runs an npm script to its end; rejects on a non-zero status. */
function npm(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${args[0]} exited ${code}: ${stderr.slice(-1000)}`)),
    );
  });
}

/** `npm start` until /health answers; resolves with the process and the seconds it took. */
async function start(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; seconds: number }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Its log (pino writes to stdout) and errors, for the message when it fails.
  let stderr = '';
  const keep = (chunk: Buffer) => {
    stderr = (stderr + chunk).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = started + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${stderr.slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { child, seconds: seconds(started) };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('npm start was not ready within 120 s');
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // npm and the server it started: the whole process group.
  process.kill(-(child.pid as number), 'SIGTERM');
  await exited;
}

export async function benchStartup(adminUrl: string, rounds: number): Promise<StartupResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-bench-startup-'));
  // As root, PostgreSQL runs as a user of its own, who must reach DATA_DIR through it.
  await chmod(dir, 0o755);
  const port = await freePort();
  const env = { DATA_DIR: path.join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  const result: StartupResult = {
    cliSeconds: [],
    readySeconds: [],
    importRows: 0,
    importSeconds: [],
    floorSeconds: [],
  };
  let server: ChildProcess | undefined;
  try {
    // The first start creates the cluster and seeds the demo: not what is measured.
    server = (await start(env, port)).child;
    for (let round = 0; round < rounds; round++) {
      await stop(server);
      const restarted = await start(env, port);
      server = restarted.child;
      result.readySeconds.push(restarted.seconds);
    }
    const file = path.join(dir, 'SPY.csv');
    await writeFile(file, 'Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,0.5,1.5,100\n');
    for (let round = 0; round < rounds + 2; round++) {
      const started = performance.now();
      await npm(['ingest', '--', '--dry-run', file], env);
      result.cliSeconds.push(seconds(started));
    }
    await stop(server);
    server = undefined;

    // The held-out import: 100 ETFs × 5,550 days, each file its own ETF.
    const { tickers, history } = dataset(100, 5_550);
    result.importRows = tickers.length * history.length;
    const files = path.join(dir, 'import');
    await mkdir(files);
    for (const ticker of tickers) {
      const rows = barsOf(ticker, history).map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
      await writeFile(path.join(files, `${ticker}.csv`), `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
    }
    for (let round = 0; round < rounds; round++) {
      result.floorSeconds.push(await floor(adminUrl, tickers, history));
      const url = await freshDatabase(adminUrl, 'bench_startup_import');
      await createEtfs(url, tickers);
      const started = performance.now();
      await npm(['ingest', '--', files], { DATABASE_URL: url, LOG_LEVEL: 'warn' });
      result.importSeconds.push(seconds(started));
    }
    return result;
  } finally {
    if (server) await stop(server);
    await rm(dir, { recursive: true, force: true });
  }
}

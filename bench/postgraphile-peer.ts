// PostGraphile 5 as a peer of our server, on the same database, for the chart
// workload. It is not a dependency: it is fetched with npm at bench time into a
// cache, pinned to exact versions so that runs stay comparable, and the server
// (postgraphile-server.mjs) runs as a child process under the bench's own Node
// (PostGraphile needs Node >= 22, as this project now does), so both servers
// run on the same runtime. Whatever goes wrong resolves to { skipped: reason }:
// the bench prints it and carries on.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../src/net/ports.js';

/**
 * PostGraphile and the packages that do the work at run time, resolved once
 * from npm and written down: a cold fetch installs the same code. The rest of
 * its tree follows from these.
 */
const PEER_PACKAGES = {
  postgraphile: '5.1.5',
  grafast: '1.1.3',
  grafserv: '1.0.2',
  '@dataplan/pg': '1.1.2',
  'graphile-build': '5.1.1',
  'graphile-build-pg': '5.1.4',
  graphql: '16.15.0',
  pg: '8.23.1',
};

// Inside node_modules, where other tools keep their caches too (jiti): ignored
// by git, Biome and tsc already, gone with node_modules (npm ci), and nothing
// written outside the checkout. The price of not using ~/.cache: each checkout
// fetches its own, once.
const CACHE = fileURLToPath(new URL('../node_modules/.cache/etfql-bench-peer/', import.meta.url));
const SERVER = fileURLToPath(new URL('./postgraphile-server.mjs', import.meta.url));
const STARTUP_MS = 60_000;
const NPM_MS = 5 * 60_000;
const POOL_SIZE = 10; // as our server's in servers.ts

const exec = promisify(execFile);

type PostGraphilePeer = { url: string; version: string; stop(): Promise<void> };

/**
 * The chart workload as PostGraphile's default schema spells it. There is no
 * etfByTicker: PostGraphile makes *ByKey fields from unique constraints only,
 * and Prisma's @unique is a unique index; the default condition argument (on
 * indexed columns) finds the ETF instead. One aliased field per ticker, the
 * last `bars` bars newest first (ours answers oldest first: the same rows).
 */
export function postGraphileChartBody(tickers: string[], bars: number): string {
  const fields = tickers.map(
    (ticker, i) =>
      `etf${i}: allEtfs(condition: { ticker: ${JSON.stringify(ticker)} }) { nodes { ticker ` +
      `dailyPricesByEtfId(orderBy: DATE_DESC, first: ${bars}) { nodes { date close volume } } } }`,
  );
  return JSON.stringify({ query: `query Chart {\n  ${fields.join('\n  ')}\n}` });
}

export async function startPostGraphilePeer(databaseUrl: string): Promise<PostGraphilePeer | { skipped: string }> {
  let modules: string;
  let version: string;
  try {
    await mkdir(CACHE, { recursive: true });
    modules = await ensurePackages();
    // What is installed, read back rather than taken from the pins.
    const installed = async (name: string) =>
      JSON.parse(await readFile(path.join(modules, 'node_modules', name, 'package.json'), 'utf8')).version as string;
    version =
      `postgraphile ${await installed('postgraphile')} (grafast ${await installed('grafast')}, ` +
      `grafserv ${await installed('grafserv')}, pg ${await installed('pg')}) on Node ${process.version}`;
  } catch (error) {
    return { skipped: `PostGraphile peer skipped: ${oneLine(error)}` };
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawn(process.execPath, [SERVER, modules], {
    env: {
      ...process.env,
      NODE_OPTIONS: undefined, // nothing of ours (tsx) in the peer's process
      NODE_ENV: 'production', // grafast drops its development-time checks
      GRAPHILE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      POOL_SIZE: String(POOL_SIZE),
    },
    // stdin: the peer exits when it closes, so it never outlives the bench.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  // Until it serves, its most telling line is kept for the reason of a failed
  // start (its answer says "Unknown error occurred"; the cause is in its output,
  // stdout or stderr). Then passed on: errors it masks in an HTTP 200 are only
  // told in full there.
  let said = '';
  let saidError = false;
  let ready = false;
  const listen = (output: NodeJS.ReadableStream) =>
    createInterface({ input: output }).on('line', (line) => {
      const text = line.trim();
      const isError = /^\w*Error\b/.test(text);
      if (ready) process.stderr.write(`[postgraphile] ${line}\n`);
      else if (text && !text.startsWith('at ') && (isError || !saidError)) [said, saidError] = [text, isError];
    });
  listen(child.stdout as NodeJS.ReadableStream);
  listen(child.stderr as NodeJS.ReadableStream);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && !spawnError) {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    }
  };

  const failure = await waitUntilReady(url, () =>
    spawnError
      ? spawnError.message
      : child.exitCode !== null || child.signalCode !== null
        ? `it exited (${child.exitCode ?? child.signalCode}) during start-up`
        : undefined,
  );
  if (failure) {
    await stop();
    return { skipped: `PostGraphile peer skipped: ${failure}${said ? ` (it said: ${said})` : ''}` };
  }
  ready = true;
  process.stdout.write(`PostGraphile peer: ${version}\n`);
  return { url, version, stop };
}

/** Polls the chart query, for one ticker and one bar, until it is answered, up to STARTUP_MS. */
async function waitUntilReady(url: string, died: () => string | undefined): Promise<string | undefined> {
  const deadline = Date.now() + STARTUP_MS;
  const body = postGraphileChartBody(['SPY'], 1);
  while (Date.now() < deadline) {
    const death = died();
    if (death) return death;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
    } catch {
      await sleep(200); // not listening yet
      continue;
    }
    const text = await response.text();
    let result: { data?: unknown; errors?: { message: string }[] } = {};
    try {
      result = JSON.parse(text);
    } catch {}
    // The schema is built: a field that is missing will not appear by waiting.
    if (result.errors?.length) return `the chart query failed: ${result.errors[0]?.message}`;
    if (response.ok && result.data) return undefined;
    return `HTTP ${response.status} from ${url}: ${text.slice(0, 200)}`;
  }
  return `no answer from ${url} within ${STARTUP_MS / 1000} s`;
}

/** PostGraphile and its tree, installed from a package.json of the cache's own. */
async function ensurePackages(): Promise<string> {
  const dir = path.join(CACHE, `postgraphile-${PEER_PACKAGES.postgraphile}`);
  if (!existsSync(dir)) {
    process.stdout.write(`PostGraphile peer: installing postgraphile@${PEER_PACKAGES.postgraphile}\n`);
    await staged(dir, async (staging) => {
      const manifest = { name: 'etfql-bench-peer', private: true, dependencies: PEER_PACKAGES };
      await writeFile(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      const flags = ['--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'];
      await npm(['install', '--prefix', staging, ...flags], staging, 'npm install postgraphile');
      return staging;
    });
  }
  return dir;
}

/** Builds in a temporary folder and renames it into place: an interrupted fetch leaves no half-cache. */
async function staged(dir: string, build: (staging: string) => Promise<string>): Promise<void> {
  const staging = await mkdtemp(path.join(CACHE, 'staging-'));
  try {
    await rename(await build(staging), dir);
  } catch (error) {
    if (!existsSync(dir)) throw error; // else a concurrent run got there first
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * npm as the user configured it (npm_config_registry and all), but failing in
 * seconds rather than minutes when the registry cannot be reached: npm's own
 * retries take 70 s for one package, and an install asks for dozens.
 */
async function npm(args: string[], cwd: string, what: string) {
  const patience = ['--fetch-retries=1', '--fetch-retry-mintimeout=1000', '--fetch-retry-maxtimeout=5000'];
  try {
    return await exec('npm', [...args, ...patience, '--fetch-timeout=30000'], {
      cwd,
      timeout: NPM_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as { killed?: boolean }).killed) throw new Error(`${what} took over ${NPM_MS / 1000} s`);
    // npm's most telling line: the request that failed, or the 404, not its code.
    const lines = String((error as { stderr?: string }).stderr ?? '')
      .split('\n')
      .filter((line) => line.startsWith('npm error '))
      .map((line) => line.slice('npm error '.length).trim());
    const reason =
      lines.find((line) => line && !/^(code|errno|syscall) |^at |complete log of this run/.test(line)) ?? lines[0];
    throw new Error(`${what} failed: ${reason ?? oneLine(error)}`);
  }
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] as string;

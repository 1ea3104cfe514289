// The alerts workloads, against the real server process (src/server.ts with
// its job worker, as `npm start` runs it) on databases of their own:
// - the nightly update (`npm run update`, a process, fetching one new day of
//   500 ETFs from a provider on 127.0.0.1) with 1,000 alerts, timed until the
//   evaluation job it queued has committed (every ETF's alert_watermark at the
//   new day), against the same update of a twin database that has no alert
//   (no job is queued there), alternating, a new day each round;
// - webhook latency: loadPrices writes over HTTP that each make one alert
//   cross, from the mutation's answer (the write committed) to a receiver on
//   127.0.0.1 holding the signed POST, its signature checked.

import { spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type ServerChild, startServerChild, stopServerChild } from '../scripts/servers/server-child.js';
import {
  ALERT_ETFS,
  type AlertSet,
  barsOf,
  calendar,
  createAlerts,
  dropDatabases,
  prepareBars,
  tickers,
  type WebhookAlert,
} from './alerts-data.js';

const DATABASE = 'bench_alerts';
const TWIN = 'bench_alerts_none';
const ADMIN_KEY = 'etfql_bench-alerts-admin-key';
/** Writes that each make one webhook alert cross (each after a write that takes it back under). */
export const WEBHOOK_WRITES = 24;

export type AlertsResult = {
  alerts: AlertSet;
  /** Per round, ms: the update with alerts until the evaluation committed; its CLI alone; the twin's update. */
  withAlerts: number[];
  withAlertsCli: number[];
  without: number[];
  /** The evaluation job's own ms, start to commit, as the server logged it; NaN where no line came. */
  jobMs: number[];
  /** Events the nightly evaluations fired, per round. */
  fired: number[];
  /** ms from each crossing write's answer to the receiver holding its POST. */
  webhookMs: number[];
  /** ms of those loadPrices calls themselves. */
  writeMs: number[];
  badSignatures: number;
};

const ms = (started: number) => performance.now() - started;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Checks `etfql-signature: t=…,v1=…`: HMAC-SHA256 of "t.body" under the alert's secret. */
function verified(request: IncomingMessage, body: string, secret: string): boolean {
  const header = String(request.headers['etfql-signature'] ?? '');
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1) return false;
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

/** A webhook receiver on 127.0.0.1: resolves the waiter of each (alert, date) when its signed POST arrives. */
async function startReceiver() {
  const secrets = new Map<string, string>(); // path → secret
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  let bad = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const secret = secrets.get(request.url ?? '');
      if (request.method !== 'POST' || !secret || !verified(request, body, secret)) {
        bad++;
        response.writeHead(400).end();
        return;
      }
      const event = JSON.parse(body) as { alert: { id: string }; date: string };
      const key = `${event.alert.id}:${event.date}`;
      const waiter = waiting.get(key);
      if (waiter) waiter(at);
      else early.set(key, at);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    expect: (pathname: string, secret: string) => secrets.set(pathname, secret),
    /** When the POST of this alert's event on this date arrived (performance.now()). */
    receipt: (alertId: number, date: string, timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const key = `${alertId}:${date}`;
        const arrived = early.get(key);
        if (arrived !== undefined) return resolve(arrived);
        const timer = setTimeout(() => reject(new Error(`no webhook for alert ${alertId} on ${date}`)), timeoutMs);
        waiting.set(key, (at) => {
          clearTimeout(timer);
          waiting.delete(key);
          resolve(at);
        });
      }),
    bad: () => bad,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const serverEnv = (url: string, extra: Record<string, string>) => ({
  DATABASE_URL: url,
  NODE_ENV: 'production',
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_SECOND: '100000',
  RATE_LIMIT_BURST: '1000000',
  ...extra,
});

/** `npm run update` as a process against `url`; resolves with its ms. */
async function runUpdate(url: string, providerPort: number): Promise<number> {
  const started = performance.now();
  const update = spawn(process.execPath, ['scripts/run.mjs', 'cli/update'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      PRICE_SOURCE_URL: `http://127.0.0.1:${providerPort}/{ticker}.csv`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => update.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run update exited with ${code}`);
  return ms(started);
}

/** The provider's files: each ticker's last five bars up to `day`, as a "recent bars" CSV. */
async function writeDay(dir: string, dates: readonly string[]) {
  for (const ticker of tickers) {
    const rows = barsOf(ticker, dates)
      .slice(-5)
      .map((b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
    await writeFile(path.join(dir, `${ticker}.csv`), `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  }
}

/** The last 'alerts evaluated' line the server logged after line `from`: the job's own ms and what it fired. */
function jobLine(server: ServerChild, from: number): { ms: number; fired: number } | null {
  for (let i = server.lines.length - 1; i >= from; i--) {
    try {
      const entry = JSON.parse(server.lines[i] as string) as {
        msg?: string;
        ms?: number;
        fired?: number;
        etfs?: number;
      };
      if (entry.msg === 'alerts evaluated' && entry.etfs === ALERT_ETFS)
        return { ms: entry.ms ?? Number.NaN, fired: entry.fired ?? 0 };
    } catch {
      // not a log line of ours (stderr text)
    }
  }
  return null;
}

async function waitFor<T>(what: string, check: () => Promise<T | null>, timeoutMs: number, everyMs = 5): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== null) return found;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function benchAlerts(adminUrl: string, rounds: number): Promise<AlertsResult> {
  // A round takes seconds, and a 200 ms difference wants more of them than the bench's default 3.
  const nightly = Math.max(rounds, 5);
  const dir = path.join(tmpdir(), `etfql-bench-alerts-${process.pid}`);
  await mkdir(dir, { recursive: true });
  const receiver = await startReceiver();
  let servers: ServerChild[] = [];
  let provider: ReturnType<typeof spawn> | undefined;
  try {
    const [url, twinUrl] = (await prepareBars(adminUrl, DATABASE, TWIN)) as [string, string];
    const alerts = await createAlerts(url, receiver.url);
    for (const [i, hook] of alerts.webhooks.entries()) receiver.expect(`/hooks/${i}`, hook.secret);
    const [server, twinServer] = await Promise.all([
      startServerChild(
        serverEnv(url, { LOG_LEVEL: 'debug', ADMIN_API_KEY: ADMIN_KEY, ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' }),
      ),
      startServerChild(serverEnv(twinUrl, { LOG_LEVEL: 'info' })),
    ]);
    servers = [server, twinServer];
    provider = spawn(process.execPath, ['--import', 'tsx', 'bench/provider.ts', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const providerPort = await new Promise<number>((resolve, reject) => {
      provider?.stdout?.once('data', (chunk) => resolve(Number(String(chunk).trim())));
      provider?.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)));
    });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const result: AlertsResult = {
      alerts,
      withAlerts: [],
      withAlertsCli: [],
      without: [],
      jobMs: [],
      fired: [],
      webhookMs: [],
      writeMs: [],
      badSignatures: 0,
    };
    try {
      // 1. The nightly update, a new day each round; the first round warms up and is not kept.
      const { history, later } = calendar();
      for (let round = 0; round <= nightly; round++) {
        const day = later[round] as string;
        await writeDay(dir, [...history, ...later.slice(0, round + 1)]);
        const ours = async () => {
          const from = server.lines.length;
          const started = performance.now();
          const cli = await runUpdate(url, providerPort);
          // The job's effect: every ETF judged at the new day, committed.
          await waitFor(
            'the evaluation job to commit',
            async () =>
              (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_watermark WHERE date = $1', [day]))
                .rows[0]?.n === ALERT_ETFS
                ? true
                : null,
            60_000,
          );
          const total = ms(started);
          // The log line follows the commit by a moment.
          const line = await waitFor("the job's log line", async () => jobLine(server, from), 5_000, 10).catch(
            () => null,
          );
          return { total, cli, line };
        };
        const theirs = () => runUpdate(twinUrl, providerPort);
        // Alternating which goes first, so that neither always follows the other.
        let mine: Awaited<ReturnType<typeof ours>>;
        let twin: number;
        if (round % 2 === 0) {
          mine = await ours();
          twin = await theirs();
        } else {
          twin = await theirs();
          mine = await ours();
        }
        if (round === 0) continue;
        result.withAlerts.push(mine.total);
        result.withAlertsCli.push(mine.cli);
        result.without.push(twin);
        result.jobMs.push(mine.line?.ms ?? Number.NaN);
        result.fired.push(mine.line?.fired ?? Number.NaN);
      }

      // 2. Webhooks: each crossing write follows one that takes the price back under the level.
      const graphql = `${server.baseUrl}/graphql`;
      const mutation =
        'mutation ($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }';
      const { rows } = await db.query<{ id: number; ticker: string }>('SELECT id, ticker FROM etf');
      const idOf = new Map(rows.map((r) => [r.ticker, r.id]));
      const nextDay = new Map<string, number>(); // per ticker, the index into `later` of its next write
      const write = async (hook: WebhookAlert, close: number) => {
        const index = nextDay.get(hook.ticker) ?? nightly + 1;
        nextDay.set(hook.ticker, index + 1);
        const date = later[index] as string;
        const bar = { date, open: close, high: close * 1.01, low: close * 0.99, close, volume: 1_000_000 };
        const started = performance.now();
        const response = await fetch(graphql, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
          body: JSON.stringify({ query: mutation, variables: { ticker: hook.ticker, bars: [bar] } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        const answered = performance.now();
        if (body.errors) throw new Error(`loadPrices failed: ${JSON.stringify(body.errors)}`);
        return { date, started, answered };
      };
      for (let i = 0; i < WEBHOOK_WRITES; i++) {
        const hook = alerts.webhooks[i % alerts.webhooks.length] as WebhookAlert;
        const etfId = idOf.get(hook.ticker) as number;
        // Under the level, and judged, so that the next write is a crossing.
        const under = await write(hook, Math.round(hook.level * 80) / 100);
        await waitFor(
          'the evaluation of the write under the level',
          async () =>
            (await db.query('SELECT 1 FROM alert_watermark WHERE etf_id = $1 AND date = $2', [etfId, under.date])).rows
              .length > 0
              ? true
              : null,
          30_000,
        );
        const over = await write(hook, Math.round(hook.level * 104) / 100);
        const received = await receiver.receipt(hook.alertId, over.date, 30_000);
        result.webhookMs.push(received - over.answered);
        result.writeMs.push(over.answered - over.started);
      }
      result.badSignatures = receiver.bad();
      return result;
    } finally {
      await db.end();
    }
  } catch (error) {
    const tail = servers.flatMap((s) => s.lines.slice(-20)).join('\n');
    throw new Error(`${(error as Error).message}\nserver log, last lines:\n${tail}`);
  } finally {
    provider?.kill();
    await Promise.all(servers.map((s) => stopServerChild(s)));
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
    await dropDatabases(adminUrl, [DATABASE, TWIN]);
  }
}

// A soak: the server process under mixed traffic for a bounded time (SOAK_SECONDS,
// 20 by default): dashboards reading charts (anonymous, cache hits and misses),
// an analyst computing indicators on demand, a script loading bars, and
// subscribers that come and go. Every request must succeed, every load must be
// announced to the subscribers open at the time, and memory must stay flat:
// the live heap (after a full collection, read through the inspector) at the
// end within a few MB of where the warm-up left it, so a leak of even a few KB
// per request, load or subscription (thousands of each) shows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerChild, startServerChild, stopServerChild } from '../../scripts/servers/server-child.js';
import { freePort } from '../../src/net/ports.js';
import { connectInspector, type HeapInspector, inspectorUrl } from '../helpers/heap-inspector.js';
import { subscribe } from '../helpers/subscriptions.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const KEY = 'soak-test-admin-key-0123456789';
/** How far the live heap may grow over the soak, once the warm-up has filled the response cache. */
const MAX_HEAP_GROWTH_MB = 8;
const TICKERS = ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'VTI', 'VOO', 'DIA', 'XLK', 'XLF'];

let server: ServerChild;
let heap: HeapInspector;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-soak-'));
  server = await startServerChild(
    {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      SEED_DEMO: 'true',
      ADMIN_API_KEY: KEY,
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
      // A small cache, full after the warm-up: it then holds the same amount
      // while cache hits and misses both go on.
      RESPONSE_CACHE_MAX_ENTRIES: '50',
    },
    90_000,
    ['--inspect=127.0.0.1:0'],
  );
  heap = await connectInspector(inspectorUrl(server.lines));
});

afterAll(async () => {
  heap?.close();
  await stopServerChild(server);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Result = { data?: Record<string, unknown> | null; errors?: { message: string }[] };

async function post(query: string, variables?: Record<string, unknown>, key?: string): Promise<Result> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Result;
  if (response.status !== 200 || body.errors)
    throw new Error(`${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

const chart = (last: number) =>
  post(
    `query($t: [String!]!, $last: Int!) { etfsByTicker(tickers: $t) { ticker prices(last: $last) { date close } indicators(last: $last) { sma(period: 50) { value } rsi { value } macd { macd signal } } } }`,
    { t: TICKERS, last },
  );

const analyst = (period: number) =>
  post(
    `query($p: Int!) { etfsByTicker(tickers: ["SPY", "TLT", "GLD"]) { indicators(last: 120) { wma(period: $p) { value } bollinger(period: $p, stdDev: 2.5) { upper lower } } } }`,
    { p: period },
    KEY,
  );

/** Bars of SOAK for consecutive calendar days from 1990-01-01, five per load. */
let nextDay = 0;
function nextBars() {
  return Array.from({ length: 5 }, () => {
    const date = new Date(Date.UTC(1990, 0, 1) + nextDay++ * 86_400_000).toISOString().slice(0, 10);
    const close = 100 + Math.sin(nextDay / 20) * 5;
    return { date, open: close, high: close + 1, low: close - 1, close, volume: 1000 + nextDay };
  });
}

const load = () =>
  post(
    'mutation($bars: [PriceBarInput!]!) { loadPrices(ticker: "SOAK", bars: $bars) { inserted } }',
    { bars: nextBars() },
    KEY,
  );

/** Runs `step` back to back until `until`; returns how many ran. */
async function loop(until: number, step: (i: number) => Promise<unknown>): Promise<number> {
  let i = 0;
  while (Date.now() < until) await step(i++);
  return i;
}

/** Subscribers of SOAK that each stay for one event (or 1.5 s), then leave; returns the events they saw. */
async function subscribers(until: number): Promise<number> {
  let events = 0;
  await loop(until, async () => {
    const subscription = await subscribe(
      {
        fetch: (input, init) => fetch(String(input).replace('http://etfql.test', server.baseUrl), init as RequestInit),
      },
      'subscription { pricesUpdated(tickers: ["SOAK"]) { ticker from to } }',
    );
    const seen = subscription.next().then((event) => {
      expect(event).toMatchObject({ data: { pricesUpdated: { ticker: 'SOAK' } } });
      events++;
    });
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 1500))]);
    subscription.close();
    await seen.catch(() => undefined);
  });
  return events;
}

/** Charts of ever new windows: each a cache miss. */
let charted = 0;

/** A small read of an ever new window: a cheap cache miss. */
let glanced = 0;
const glance = () =>
  post('query($n: Int!) { etfsByTicker(tickers: ["SPY", "AGG", "GLD"]) { prices(last: $n) { close } } }', {
    n: 1 + (glanced++ % 5000),
  });

async function traffic(seconds: number) {
  const until = Date.now() + seconds * 1000;
  const [charts, glances, cachedCharts, analyses, loads, events] = await Promise.all([
    loop(until, () => chart(100 + (charted++ % 2000))),
    loop(until, glance),
    loop(until, (i) => chart(60 + (i % 7))),
    loop(until, (i) => analyst(5 + (i % 40))),
    loop(until, () => load().then(() => new Promise((resolve) => setTimeout(resolve, 100)))),
    subscribers(until),
  ]);
  return { charts, glances, cachedCharts, analyses, loads, events };
}

it(`stays correct with flat memory under mixed traffic for ${SECONDS} s`, {
  timeout: (SECONDS + 120) * 1000,
}, async () => {
  await post('mutation { upsertEtf(input: { ticker: "SOAK", name: "Soak", currency: "USD" }) { ticker } }', {}, KEY);
  await traffic(Math.min(5, SECONDS));
  const before = await heap.liveHeapMb();

  const counts = await traffic(SECONDS);
  const after = await heap.liveHeapMb();
  process.stdout.write(
    `soak ${SECONDS} s: ${JSON.stringify(counts)}; live heap ${before.toFixed(1)} MB, then ${after.toFixed(1)} MB\n`,
  );

  expect(counts.charts).toBeGreaterThan(20);
  expect(counts.loads).toBeGreaterThan(10);
  // Each subscriber stays for one event or 1.5 s; with a load every ~100 ms most see one.
  expect(counts.events).toBeGreaterThan(0);
  expect(after - before).toBeLessThan(MAX_HEAP_GROWTH_MB);

  // Every bar of every load is there, once.
  const { data } = await post('{ etf(ticker: "SOAK") { prices { date } } }', {}, KEY);
  expect((data as { etf: { prices: unknown[] } }).etf.prices).toHaveLength(nextDay);
  expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
});

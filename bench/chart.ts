// The chart workloads of the read path, each measured in the same rounds as
// its floors and its peer, alternating, so that a noisy neighbour hurts all
// sides alike. Every etfql workload runs against the server as `npm start`
// configures it (response cache on), with traffic it cannot answer from the
// cache unless said otherwise: each request carries its own `to:`.
// - chart: 10 tickers × 252 daily bars (date close volume), object form;
// - uncached: the same requests to the same server with RESPONSE_CACHE=false;
// - series: the same bars in columns;
// - indicators: the chart with sma(50), rsi and macd for every ticker;
// - mix: dashboards drawn from a skewed population, some never seen (bench/chart-mix.ts);
// - repeated: one chart asked again and again (all cache hits);
// - history: the chart over ETFs with 40 years of bars against ETFs with 1.
// Floors: the fastest hand-written SQL and serialization we have for the same
// response (bench/chart-workload.ts): for the chart, the better of two (rows
// decoded in Node, or JSON built by PostgreSQL) for each measure; for the chart
// with indicators, one statement with the stored values beside the prices. Peer: PostGraphile 5 on the same database (bench/postgraphile-peer.ts).
import pg from 'pg';
import { dashboardMix } from './chart-mix.js';
import {
  CHART_BARS,
  CHART_TICKERS,
  chartBodies,
  chartRequestBody,
  chartSeriesBodies,
  chartWithIndicatorsBodies,
  everyOneNew,
} from './chart-workload.js';
import { type Measurement, measure, median } from './measure.js';
import { postGraphileChartBody } from './postgraphile-peer.js';

export type ChartPorts = { graphql: number; uncached: number; floor: number };

const HISTORY_ETFS = 10;
const ONE_YEAR = 260;
const FORTY_YEARS = 40 * 260;

const historyTickers = (years: number) => Array.from({ length: HISTORY_ETFS }, (_, i) => `H${years}Y${i}`);
const historyBodies = (years: number) =>
  everyOneNew(
    `query History($tickers: [String!]!, $to: Date) { etfsByTicker(tickers: $tickers) { ticker prices(last: ${CHART_BARS}, to: $to) { date close volume } } }`,
    { tickers: historyTickers(years) },
  );

/** ETFs with 1 and with 40 years of weekday bars, for the history workload, in plain SQL. */
export async function createHistoryEtfs(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [years, bars] of [
      [1, ONE_YEAR],
      [40, FORTY_YEARS],
    ] as const) {
      for (const ticker of historyTickers(years)) {
        await client.query(
          `WITH e AS (INSERT INTO etf (ticker, name, currency, updated_at) VALUES ($1, $1, 'USD', now()) RETURNING id)
           INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
           SELECT e.id, date '2026-11-20' - (g / 5 * 7 + g % 5), 100, 101, 99, 100 + (g % 17) / 4.0, 1000 + g
           FROM e, generate_series(0, $2 - 1) g`,
          [ticker, bars],
        );
      }
    }
    await client.query('VACUUM ANALYZE daily_price');
  } finally {
    await client.end();
  }
}

type Target = { url: string; body?: string; bodies?: () => string };

export type ChartResults = {
  rows: Record<string, Measurement[]>;
  /** The response cache's hit ratio in each measurement of the mix. */
  mixHitRatios: number[];
  peer: boolean;
};

/** The response cache's lookups so far, from the server's /metrics. */
async function cacheLookups(baseUrl: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const count = (result: string) =>
    Number(
      text.match(new RegExp(`^etfql_response_cache_requests_total\\{result="${result}"\\} (\\d+)`, 'm'))?.[1] ?? 0,
    );
  return { hit: count('hit'), miss: count('miss') };
}

/** Runs every chart workload for `rounds` rounds; results by `${workload}/${connections}`. */
export async function benchCharts(options: {
  ports: ChartPorts;
  peerUrl: string | undefined;
  rounds: number;
  seconds: number;
}): Promise<ChartResults> {
  const { ports, peerUrl, rounds, seconds } = options;
  const base = `http://127.0.0.1:${ports.graphql}`;
  const graphql = `${base}/graphql`;
  const targets: Record<string, Target> = {
    chart: { url: graphql, bodies: chartBodies() },
    uncached: { url: `http://127.0.0.1:${ports.uncached}/graphql`, bodies: chartBodies() },
    series: { url: graphql, bodies: chartSeriesBodies() },
    indicators: { url: graphql, bodies: chartWithIndicatorsBodies() },
    mix: { url: graphql, bodies: dashboardMix() },
    repeated: { url: graphql, body: chartRequestBody },
    floorRows: { url: `http://127.0.0.1:${ports.floor}/rows` },
    floorJson: { url: `http://127.0.0.1:${ports.floor}/json` },
    floorIndicators: { url: `http://127.0.0.1:${ports.floor}/indicators` },
    history1: { url: graphql, bodies: historyBodies(1) },
    history40: { url: graphql, bodies: historyBodies(40) },
    ...(peerUrl ? { postgraphile: { url: peerUrl, body: postGraphileChartBody(CHART_TICKERS, CHART_BARS) } } : {}),
  };
  const rows: Record<string, Measurement[]> = {};
  const mixHitRatios: number[] = [];
  const run = async (name: string, connections: number) => {
    const target = targets[name] as Target;
    const result = await measure({ ...target, connections, seconds });
    rows[`${name}/${connections}`] ??= [];
    rows[`${name}/${connections}`]?.push(result);
  };

  // Warm-up: JIT, pools, PostgreSQL's buffer cache, the response cache.
  for (const target of Object.values(targets)) await measure({ ...target, connections: 4, seconds: 2 });

  const compared = ['chart', 'uncached', 'floorRows', 'floorJson', ...(peerUrl ? ['postgraphile'] : []), 'series'];
  for (let round = 0; round < rounds; round++) {
    for (const connections of [1, 16]) {
      for (const name of compared) await run(name, connections);
    }
    await run('indicators', 1);
    await run('floorIndicators', 1);
    const before = await cacheLookups(base);
    await run('mix', 16);
    const after = await cacheLookups(base);
    const hits = after.hit - before.hit;
    mixHitRatios.push(hits / Math.max(1, hits + after.miss - before.miss));
    await run('repeated', 16);
    await run('history1', 1);
    await run('history40', 1);
  }
  return { rows, mixHitRatios, peer: peerUrl !== undefined };
}

/** The median of one measure of one workload over the rounds. */
export function medianOf(results: ChartResults, key: string, field: keyof Measurement): number {
  return median((results.rows[key] ?? []).map((m) => m[field]));
}

/** The floor of a measure: the better of the two floors (lower latency, higher throughput). */
export function floorOf(results: ChartResults, connections: number, field: keyof Measurement): number {
  const rows = medianOf(results, `floorRows/${connections}`, field);
  const json = medianOf(results, `floorJson/${connections}`, field);
  return field === 'requestsPerSecond' ? Math.max(rows, json) : Math.min(rows, json);
}

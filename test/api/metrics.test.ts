// GET /metrics: Prometheus's text format as promtool (Debian's `prometheus`
// package) checks it, behind the bearer token of METRICS_TOKEN, and values
// that move when the server works: requests by operation, errors by code, SQL
// statements by name, pools, cache hits and misses, rate-limit refusals and
// open subscriptions.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { execute, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const TOKEN = 'metrics-test-token';
const MetricsChart = graphql(`
  query MetricsChart($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker prices(last: 5) { close } } }
`);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ env: { METRICS_TOKEN: TOKEN } });
  await createEtfWithBars(t.db, 'MET', '2024-01-02', '2024-03-28');
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
});
afterAll(() => t.close());

async function scrape(app = t.app, token: string | null = TOKEN): Promise<string> {
  const response = await app.fetch('http://etfql.test/metrics', {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series, its labels given exactly (order aside); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([key, label]) => `${key}="${label}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').match(/\w+="(?:[^"\\]|\\.)*"/g) ?? [];
    if (have.sort().join(',') === wanted) return Number(match[3]);
  }
  return 0;
}

describe('GET /metrics', () => {
  it('needs the token when METRICS_TOKEN is set', async () => {
    expect((await t.app.fetch('http://etfql.test/metrics')).status).toBe(401);
    const wrong = await t.app.fetch('http://etfql.test/metrics', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('passes promtool check metrics', async () => {
    await executeText(t.app, '{ __typename }');
    const check = spawnSync('promtool', ['check', 'metrics'], { input: await scrape(), encoding: 'utf8' });
    expect(check.error, 'promtool is installed by .ci/run (Debian: prometheus)').toBeUndefined();
    expect(`${check.stdout}${check.stderr}`.trim()).toBe('');
    expect(check.status).toBe(0);
  });

  it('counts requests by operation, errors by code, statements by name, cache hits and misses', async () => {
    const before = await scrape();
    const chart = { operation: 'MetricsChart', type: 'query' };
    await execute(t.app, MetricsChart, { tickers: ['MET'] });
    await execute(t.app, MetricsChart, { tickers: ['MET'] }); // the same again: a hit
    const bad = await executeText(t.app, 'query Bad { etf(ticker: "no such ticker!") { ticker } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await executeText(t.app, '{ etf(ticker: ');
    const after = await scrape();

    const delta = (name: string, labels?: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(delta('etfql_graphql_request_duration_seconds_count', chart)).toBe(2);
    expect(delta('etfql_graphql_request_duration_seconds_count', { operation: 'Bad', type: 'query' })).toBe(1);
    expect(delta('etfql_graphql_request_duration_seconds_count', { operation: 'anonymous', type: 'none' })).toBe(1);
    expect(delta('etfql_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('etfql_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(delta('etfql_response_cache_requests_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(delta('etfql_response_cache_requests_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
    // The chart's statements, by their names.
    expect(delta('etfql_sql_statement_duration_seconds_count', { statement: 'etfs-by-ticker' })).toBe(1);
    expect(delta('etfql_sql_statement_duration_seconds_count', { statement: 'daily-bars' })).toBe(1);
    expect(value(after, 'etfql_db_pool_connections', { database: 'primary', state: 'total' })).toBeGreaterThan(0);
  });

  it('counts open subscriptions, until the client goes', async () => {
    // Over a real socket: a client closing it is what ends a subscription on the server.
    const server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const open = async () => value(await scrape(), 'etfql_subscriptions_open');
    const waitFor = async (expected: number) => {
      let now = await open();
      for (let i = 0; i < 100 && now !== expected; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        now = await open();
      }
      return now;
    };
    try {
      const before = await open();
      const client = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        signal: client.signal,
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { pricesUpdated(tickers: ["MET"]) { ticker } }' }),
      });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(await waitFor(before + 1)).toBe(before + 1);
      client.abort();
      expect(await waitFor(before)).toBe(before);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts rate-limit refusals', async () => {
    const limited = await createTestDatabase({ env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '1' } });
    try {
      const before = value(await scrape(limited.app, null), 'etfql_rate_limit_refusals_total');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await limited.app.fetch('http://etfql.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
      const refused = statuses.filter((status) => status === 429).length;
      expect(value(await scrape(limited.app, null), 'etfql_rate_limit_refusals_total') - before).toBe(refused);
    } finally {
      await limited.close();
    }
  });
});

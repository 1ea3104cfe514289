// A request the response cache cannot answer costs what it costs with the
// cache off: the result is not walked to find what to tag (the loaders note the
// ETFs they read), and its body is serialized once, for the client and the
// cache alike. Counted, not timed: a plugin that runs first hands the cache a
// result whose every property read is counted, and a miss must read exactly as
// many as an uncached request. The control case shows one more walk is caught.
import { type ExecutionResult, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type App, createApp } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, execute } from '../helpers/graphql-client.js';
import { serveOverHttp } from '../helpers/http-app.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'MSA', '2024-01-02', '2024-06-28');
  await createEtfWithBars(t.db, 'MSB', '2024-01-02', '2024-06-28');
  await createEtfWithBars(t.db, 'MSBM', '2024-01-02', '2024-06-28');
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
});
afterAll(() => t.close());

const MissChart = graphql(`
  query MissChart($tickers: [String!]!, $last: Int) {
    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close volume } }
  }
`);
const MissBeta = graphql(`
  query MissBeta($ticker: String!) {
    etf(ticker: $ticker) { indicators(last: 3) { beta(benchmark: "MSBM", period: 20) { date beta } } }
  }
`);
const MissLoadPrices = graphql(`
  mutation MissLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }
`);

/** Wraps every object and array of a result's data in a proxy that counts property reads. */
function counted(value: unknown, reads: { count: number }): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, property, receiver) {
      reads.count++;
      return counted(Reflect.get(target, property, receiver), reads);
    },
  });
}

/** Runs first: every later plugin and the serializer see only the counting proxy. */
function countingReads(reads: { count: number }): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        const done = result as ExecutionResult;
        if (done.data) setResult({ ...done, data: counted(done.data, reads) as ExecutionResult['data'] });
      },
    }),
  };
}

/** One more walk of every result, as a cache that collects entities from it would make. */
const walking: Plugin = {
  onExecute: () => ({
    onExecuteDone({ result }) {
      JSON.stringify((result as ExecutionResult).data);
    },
  }),
};

const app = (cache: boolean, reads: { count: number }, extra: Plugin[] = []): App =>
  createApp({
    db: t.db,
    config: loadConfig({ RESPONSE_CACHE: String(cache), RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }),
    plugins: [countingReads(reads), ...extra],
  });

/** Property reads of `requests` distinct charts (none can be answered from the cache). */
async function readsOfDistinctCharts(target: App, reads: { count: number }, requests: number) {
  reads.count = 0;
  for (let last = 1; last <= requests; last++) {
    const response = await execute(target, MissChart, { tickers: ['MSA', 'MSB'], last: 20 + last });
    expect(response.errors).toBeUndefined();
    expect(response.data?.etfsByTicker[0]?.prices).toHaveLength(20 + last);
  }
  return reads.count;
}

describe('a response cache miss', () => {
  it('reads the result no more than an uncached request does', async () => {
    const on = { count: 0 };
    const off = { count: 0 };
    const cached = app(true, on);
    const uncached = app(false, off);
    const missReads = await readsOfDistinctCharts(cached, on, 5);
    const plainReads = await readsOfDistinctCharts(uncached, off, 5);
    expect(plainReads).toBeGreaterThan(5 * 2 * 21 * 3);
    expect(missReads).toBe(plainReads);

    // The misses were stored: asked again, each is answered without a statement.
    t.statements.length = 0;
    const again = await execute(cached, MissChart, { tickers: ['MSA', 'MSB'], last: 21 });
    expect(again.data?.etfsByTicker[0]?.prices).toHaveLength(21);
    expect(t.statements).toEqual([]);
  });

  it('would be caught making one more walk of the result (control)', async () => {
    const plain = { count: 0 };
    const walked = { count: 0 };
    const plainReads = await readsOfDistinctCharts(app(false, plain), plain, 2);
    const walkedReads = await readsOfDistinctCharts(app(false, walked, [walking]), walked, 2);
    expect(walkedReads).toBeGreaterThanOrEqual(2 * plainReads);
  });
});

describe('what a cached response is evicted by', () => {
  it('evicts a beta when the bars of its benchmark change, not only those of its ETF', async () => {
    const before = await execute(t.app, MissBeta, { ticker: 'MSA' });
    expect(before.errors).toBeUndefined();
    t.statements.length = 0;
    expect((await execute(t.app, MissBeta, { ticker: 'MSA' })).data).toEqual(before.data);
    expect(t.statements).toEqual([]);

    // The benchmark's last bar moves: every beta on that date changes.
    const last = before.data?.etf?.indicators.beta.at(-1)?.date as string;
    const bar = { date: last, open: 1, high: 500, low: 1, close: 400, volume: 10 };
    await execute(t.app, MissLoadPrices, { ticker: 'MSBM', bars: [bar] }, bearer(ADMIN_KEY));
    const after = await execute(t.app, MissBeta, { ticker: 'MSA' });
    expect(after.data?.etf?.indicators.beta.at(-1)?.beta).not.toBe(before.data?.etf?.indicators.beta.at(-1)?.beta);
  });
});

describe('conditional requests', () => {
  it('gives a stored response an ETag, and 304 to a client that holds it until it is evicted', async () => {
    const post = (headers: Record<string, string> = {}) =>
      t.app.fetch('http://etfql.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: print(MissChart), variables: { tickers: ['MSB'], last: 4 } }),
      });
    const first = await post();
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]{43}"$/);
    const body = await first.text();
    const hit = await post();
    expect(hit.headers.get('etag')).toBe(tag);
    expect(await hit.text()).toBe(body);
    const unchanged = await post({ 'if-none-match': tag as string });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const bar = { date: '2024-07-01', open: 5, high: 6, low: 4, close: 5, volume: 10 };
    await execute(t.app, MissLoadPrices, { ticker: 'MSB', bars: [bar] }, bearer(ADMIN_KEY));
    const changed = await post({ 'if-none-match': tag as string });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('2024-07-01');
  });

  it('answers 304 over HTTP too, compressed or not, as curl and browsers ask', async () => {
    const http = await serveOverHttp(t.app);
    try {
      const body = JSON.stringify({ query: print(MissChart), variables: { tickers: ['MSB'], last: 3 } });
      const post = (headers: Record<string, string> = {}) =>
        fetch(`${http.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      await (await post()).arrayBuffer();
      const stored = await post({ 'accept-encoding': 'gzip, br' });
      const tag = stored.headers.get('etag');
      expect(tag).toBeTruthy();
      await stored.arrayBuffer();
      for (const encoding of ['identity', 'gzip, br']) {
        const unchanged = await post({ 'if-none-match': tag as string, 'accept-encoding': encoding });
        expect(unchanged.status).toBe(304);
        expect((await unchanged.arrayBuffer()).byteLength).toBe(0);
      }
    } finally {
      await http.close();
    }
  });
});

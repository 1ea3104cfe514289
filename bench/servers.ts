// The benchmark's server process: the real GraphQL server as `npm start`
// configures it (response cache on), the same server with its cache off, and beside them
// the floors: plain node:http handlers that run one SQL statement through pg
// and send the same JSON. All share one process and one pool size, so the
// ratios measure what GraphQL, Pothos and the loaders add, and nothing else.
import { createServer } from 'node:http';
import { createDatabase } from '../src/db/database.js';
import { benchConfig, benchGraphqlServer, listen } from './bench-server.js';
import {
  CHART_BARS,
  CHART_FLOOR_JSON_SQL,
  CHART_FLOOR_SQL,
  CHART_INDICATORS_FLOOR_SQL,
  CHART_TICKERS,
} from './chart-workload.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const poolSize = benchConfig().dbPoolSize;
const db = createDatabase(url, { poolSize });
const graphqlServer = benchGraphqlServer(db);
const uncachedDb = createDatabase(url, { poolSize });
const uncachedServer = benchGraphqlServer(uncachedDb, { RESPONSE_CACHE: 'false' });

const floorDb = createDatabase(url, { poolSize: 10 });
type FloorRow = [position: string, date: string, close: number, volume: number];
type IndicatorsRow = [...FloorRow, sma: number | null, rsi: number | null, macd: number | null, signal: number | null];
type Point = Record<string, string | number | null>;

/** The chart with indicators: rows in ascending order per ETF, one object per point as GraphQL sends them. */
async function indicatorsFloorBody(): Promise<string> {
  const { rows } = await floorDb.pool.query<IndicatorsRow>({
    text: CHART_INDICATORS_FLOOR_SQL,
    values: [CHART_TICKERS, CHART_BARS],
    rowMode: 'array',
  });
  const etfs: { ticker: string; prices: Point[]; indicators: { sma: Point[]; rsi: Point[]; macd: Point[] } }[] = [];
  let current: (typeof etfs)[number] | undefined;
  let position = '';
  for (const [at, date, close, volume, sma, rsi, macd, signal] of rows) {
    if (at !== position) {
      position = at;
      current = {
        ticker: CHART_TICKERS[Number(at) - 1] as string,
        prices: [],
        indicators: { sma: [], rsi: [], macd: [] },
      };
      etfs.push(current);
    }
    const etf = current as (typeof etfs)[number];
    etf.prices.push({ date, close, volume });
    etf.indicators.sma.push({ date, value: sma });
    etf.indicators.rsi.push({ date, value: rsi });
    const histogram = macd === null || signal === null ? null : macd - signal;
    etf.indicators.macd.push({ date, macd, signal, histogram });
  }
  return JSON.stringify({ data: { etfsByTicker: etfs } });
}

const floorServer = createServer(async (request, response) => {
  let body: string;
  if (request.url === '/indicators') {
    body = await indicatorsFloorBody();
  } else if (request.url === '/json') {
    const { rows } = await floorDb.pool.query<{ body: string }>(CHART_FLOOR_JSON_SQL, [CHART_TICKERS, CHART_BARS]);
    body = (rows[0] as { body: string }).body;
  } else {
    // Rows as arrays (no object per row), newest first per ETF: fill each
    // ETF's list from its end. `position` is bigint, so pg hands it over as text.
    const { rows } = await floorDb.pool.query<FloorRow>({
      text: CHART_FLOOR_SQL,
      values: [CHART_TICKERS, CHART_BARS],
      rowMode: 'array',
    });
    const etfs: { ticker: string; prices: { date: string; close: number; volume: number }[] }[] = [];
    let i = 0;
    while (i < rows.length) {
      const position = (rows[i] as FloorRow)[0];
      let end = i;
      while (end < rows.length && (rows[end] as FloorRow)[0] === position) end++;
      const prices = new Array(end - i);
      for (let k = i; k < end; k++) {
        const [, date, close, volume] = rows[k] as FloorRow;
        prices[end - 1 - k] = { date, close, volume };
      }
      etfs.push({ ticker: CHART_TICKERS[Number(position) - 1] as string, prices });
      i = end;
    }
    body = JSON.stringify({ data: { etfsByTicker: etfs } });
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(body);
});

const ports = {
  graphql: await listen(graphqlServer),
  uncached: await listen(uncachedServer),
  floor: await listen(floorServer),
};
process.stdout.write(`${JSON.stringify(ports)}\n`);
process.on('SIGTERM', async () => {
  graphqlServer.close();
  uncachedServer.close();
  floorServer.close();
  await Promise.all([db.close(), uncachedDb.close(), floorDb.close()]);
  process.exit(0);
});

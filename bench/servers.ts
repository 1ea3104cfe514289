// The benchmark's server process: the real GraphQL server and, beside it, the
// floor: a plain node:http handler that runs one SQL statement through pg and
// serializes the rows to JSON. Both share one process and one pool size, so the
// ratio measures what GraphQL, Pothos and the loaders add, and nothing else.
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { createApp } from '../src/yoga.js';
import { CHART_BARS, CHART_FLOOR_JSON_SQL, CHART_FLOOR_SQL, CHART_TICKERS } from './chart-workload.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const db = createDatabase(url, { poolSize: 10 });
// The bench measures the server, not its rate limiter: one client sends everything.
const config = loadConfig({ ...process.env, RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '1000000' });
const graphqlServer = createServer(createApp({ db, config }));

const floorDb = createDatabase(url, { poolSize: 10 });
type FloorRow = [position: string, date: string, close: number, volume: number];
const floorServer = createServer(async (request, response) => {
  let body: string;
  if (request.url === '/json') {
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

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );

const ports = { graphql: await listen(graphqlServer), floor: await listen(floorServer) };
process.stdout.write(`${JSON.stringify(ports)}\n`);
process.on('SIGTERM', async () => {
  graphqlServer.close();
  floorServer.close();
  await Promise.all([db.close(), floorDb.close()]);
  process.exit(0);
});

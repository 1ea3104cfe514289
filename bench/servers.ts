// The benchmark's server process: the real GraphQL server and, beside it, the
// floor: a plain node:http handler that runs one SQL statement through pg and
// serializes the rows to JSON. Both share one process and one pool size, so the
// ratio measures what GraphQL, Pothos and the loaders add, and nothing else.
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { createApp } from '../src/yoga.js';
import { CHART_BARS, CHART_FLOOR_SQL, CHART_TICKERS } from './chart-workload.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const db = createDatabase(url, { poolSize: 10 });
// The bench measures the server, not its rate limiter: one client sends everything.
const config = loadConfig({ ...process.env, RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '1000000' });
const graphqlServer = createServer(createApp({ db, config }));

const floorDb = createDatabase(url, { poolSize: 10 });
const floorServer = createServer(async (_request, response) => {
  const { rows } = await floorDb.pool.query<{ ticker: string; date: string; close: number; volume: number }>(
    CHART_FLOOR_SQL,
    [CHART_TICKERS, CHART_BARS],
  );
  const etfs: { ticker: string; prices: { date: string; close: number; volume: number }[] }[] = [];
  for (const { ticker, date, close, volume } of rows) {
    let etf = etfs.at(-1);
    if (etf?.ticker !== ticker) {
      etf = { ticker, prices: [] };
      etfs.push(etf);
    }
    etf.prices.push({ date, close, volume });
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ data: { etfsByTicker: etfs } }));
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

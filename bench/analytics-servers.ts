// The analytics benchmark's server process: the real GraphQL server over the
// analytics database (response cache off, so every request runs) and, beside
// it, the screen's floor: a node:http handler that runs the hand-written
// statement through pg and sends the same JSON. One process, one pool size.
import { createServer } from 'node:http';
import { createDatabase } from '../src/db/database.js';
import { SCREEN_FLOOR_SQL, type ScreenFloorRow, screenFloorBody } from './analytics-workload.js';
import { benchGraphqlServer, listen } from './bench-server.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const db = createDatabase(url, { poolSize: 10 });
const graphqlServer = benchGraphqlServer(db, { RESPONSE_CACHE: 'false' });

const floorDb = createDatabase(url, { poolSize: 10 });
const floorServer = createServer(async (_request, response) => {
  const { rows } = await floorDb.pool.query<ScreenFloorRow>({ text: SCREEN_FLOOR_SQL, rowMode: 'array' });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(screenFloorBody(rows));
});

process.stdout.write(`${JSON.stringify({ graphql: await listen(graphqlServer), floor: await listen(floorServer) })}\n`);
process.on('SIGTERM', async () => {
  graphqlServer.close();
  floorServer.close();
  await Promise.all([db.close(), floorDb.close()]);
  process.exit(0);
});

// The PostGraphile 5 peer server, started by postgraphile-peer.ts under the
// Node 22 it fetched. PostGraphile is no dependency of ours: it is required
// from the folder the peer installed it into (argv[2]). Plain JavaScript so
// that tsc, which only checks our .ts files, never needs its types.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const { DATABASE_URL, PORT, POOL_SIZE } = process.env;
const require = createRequire(path.join(process.argv[2] ?? '.', 'package.json'));
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

// Production: the schema built once, no GraphiQL (Ruru), no explain, no watch.
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: Number(POOL_SIZE) },
    }),
  ],
  grafserv: { graphiql: false, watch: false, graphqlOverGET: false, websockets: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(Number(PORT), '127.0.0.1');

// SIGTERM from stop(), or stdin closing when the bench goes away: connections
// closed before PostgreSQL is.
let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.stdin.on('end', shutdown).resume();

// The holdings benchmark's server process: the real GraphQL server over the
// holdings database as `npm start` configures it (response cache on) and,
// beside it, the floors: a node:http handler that answers each workload's
// variables (POSTed as JSON) with hand-written SQL through pg and sends the
// same JSON as GraphQL does. One process, one machine's share each.
import { createServer, type IncomingMessage } from 'node:http';
import { createDatabase } from '../src/db/database.js';
import { benchConfig, benchGraphqlServer, listen } from './bench-server.js';
import {
  FLOOR_PATHS,
  HOLDERS_FLOOR_SQL,
  type HoldersVariables,
  LOOK_THROUGH_FLOOR_SQL,
  type LookThroughVariables,
  OVERLAP_FLOOR_SQL,
  type OverlapVariables,
  TICKERS_FLOOR_SQL,
} from './holdings-workload.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const db = createDatabase(url, { poolSize: benchConfig().dbPoolSize });
const graphqlServer = benchGraphqlServer(db);
const floorDb = createDatabase(url, { poolSize: 10 });

type Common = { securityId: number; weightA: number; weightB: number };

/**
 * Every pair's overlap from the funds' arrays: each fund's weights in a dense
 * array over the securities seen, then a walk of the first fund's positions
 * per pair, keeping the `largest` common ones of largest smaller weight.
 */
async function overlapFloor({ tickers, asOf, largest }: OverlapVariables): Promise<string> {
  const { rows } = await floorDb.pool.query<{ ids: number[]; weights: number[] }>(OVERLAP_FLOOR_SQL, [tickers, asOf]);
  const dense = new Map<number, number>();
  const denseOf = (id: number) => {
    let at = dense.get(id);
    if (at === undefined) {
      at = dense.size;
      dense.set(id, at);
    }
    return at;
  };
  const lists = rows.map((row) => row.ids.map(denseOf));
  const tables = rows.map((row, f) => {
    const table = new Float64Array(dense.size).fill(Number.NaN);
    const list = lists[f] as number[];
    for (let i = 0; i < list.length; i++) {
      const at = list[i] as number;
      const weight = row.weights[i] as number;
      table[at] = Number.isNaN(table[at] as number) ? weight : (table[at] as number) + weight;
    }
    return table;
  });
  const idOf = [...dense.keys()];
  const pairs: { a: number; b: number; overlap: number; common: number; top: Common[] }[] = [];
  for (let a = 0; a < rows.length; a++) {
    const unique = [...new Set(lists[a])];
    const ta = tables[a] as Float64Array;
    for (let b = a + 1; b < rows.length; b++) {
      const tb = tables[b] as Float64Array;
      let overlap = 0;
      let common = 0;
      const top: Common[] = [];
      for (const at of unique) {
        const wb = tb[at] as number;
        if (Number.isNaN(wb)) continue;
        const wa = ta[at] as number;
        const smaller = Math.min(wa, wb);
        common++;
        overlap += Math.max(smaller, 0);
        if (
          top.length === largest &&
          Math.min((top.at(-1) as Common).weightA, (top.at(-1) as Common).weightB) >= smaller
        )
          continue;
        let i = top.length;
        while (i > 0 && Math.min((top[i - 1] as Common).weightA, (top[i - 1] as Common).weightB) < smaller) i--;
        top.splice(i, 0, { securityId: idOf[at] as number, weightA: wa, weightB: wb });
        if (top.length > largest) top.pop();
      }
      pairs.push({ a, b, overlap, common, top });
    }
  }
  const wanted = [...new Set(pairs.flatMap((pair) => pair.top.map((common) => common.securityId)))];
  const named = await floorDb.pool.query<{ id: number; ticker: string | null }>(TICKERS_FLOOR_SQL, [wanted]);
  const tickerOf = new Map(named.rows.map((row) => [row.id, row.ticker]));
  return JSON.stringify({
    data: {
      overlap: pairs.map((pair) => ({
        a: { ticker: tickers[pair.a] },
        b: { ticker: tickers[pair.b] },
        overlap: pair.overlap,
        commonHoldings: pair.common,
        largest: pair.top.map((common) => ({
          security: { ticker: tickerOf.get(common.securityId) ?? null },
          weightA: common.weightA,
          weightB: common.weightB,
        })),
      })),
    },
  });
}

async function holdersFloor({ security, asOf, first }: HoldersVariables): Promise<string> {
  const { rows } = await floorDb.pool.query<{ ticker: string; weight: number }>(HOLDERS_FLOOR_SQL, [
    security.trim().toUpperCase(),
    asOf,
    first,
  ]);
  return JSON.stringify({
    data: { holders: rows.map((row) => ({ etf: { ticker: row.ticker }, weight: row.weight })) },
  });
}

async function lookThroughFloor({ portfolio, asOf, first }: LookThroughVariables): Promise<string> {
  const { rows } = await floorDb.pool.query<{ body: string }>(LOOK_THROUGH_FLOOR_SQL, [
    JSON.stringify(portfolio),
    asOf,
    first,
  ]);
  return `{"data":{"lookThrough":${rows[0]?.body}}}`;
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

const floorServer = createServer(async (request, response) => {
  try {
    const variables = await readBody(request);
    const body =
      request.url === FLOOR_PATHS.overlap
        ? await overlapFloor(variables)
        : request.url === FLOOR_PATHS.holders
          ? await holdersFloor(variables)
          : request.url === FLOOR_PATHS.lookThrough
            ? await lookThroughFloor(variables)
            : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? '{}');
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error));
  }
});

// The response cache stores nothing until it hears changes: ready once it listens.
for (let i = 0; i < 400 && !db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
if (!db.isListening())
  throw new Error('the GraphQL server does not listen for changes: its response cache would be off');
process.stdout.write(`${JSON.stringify({ graphql: await listen(graphqlServer), floor: await listen(floorServer) })}\n`);
process.on('SIGTERM', async () => {
  graphqlServer.close();
  floorServer.close();
  await Promise.all([db.close(), floorDb.close()]);
  process.exit(0);
});

// The worst known requests of one GraphQL server, anonymous and then with an
// API key (whose limits are ten times higher), each measured in
// the server's own process while a poller asks /health every 20 ms: wall time,
// the slowest /health answer, the worst event-loop delay and the memory added.
// The server is the real app with `npm start`'s limits (only the rate limit
// raised, since one client sends everything) over the demo data. Bounded: one
// request per scenario, each cut off after 60 s.
//   node --import tsx bench/probes/bounded-work.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureAdminApiKey } from '../../src/auth/api-keys.js';
import { createDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDemoData } from '../../src/demo/seed-demo.js';
import { freePort } from '../../src/net/ports.js';
import { benchGraphqlServer, listen } from '../bench-server.js';
import { measure, printFigures } from './measure-work.js';

/** A filter of `width` ors of … `depth` levels down, with empty filters (`leaf`) at the bottom. */
const tree = (depth: number, width: number, leaf: unknown): unknown =>
  depth === 0 ? leaf : { or: Array.from({ length: width }, () => tree(depth - 1, width, leaf)) };

const aliased = (count: number, field: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

const KEY = 'etfql_probe-admin-key-0123456789';

const dir = await mkdtemp(path.join(tmpdir(), 'etfql-probe-work-'));
const postgres = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false });
try {
  await applyMigrations(postgres.url);
  const db = createDatabase(postgres.url, { poolSize: 8 });
  await seedDemoData(db);
  await ensureAdminApiKey(db.prisma, KEY);
  const { rows } = await db.pool.query<{ ticker: string }>('SELECT ticker FROM etf ORDER BY ticker');
  const tickers = rows.map((row) => row.ticker).slice(0, 21);
  const server = benchGraphqlServer(db, { ADMIN_API_KEY: KEY });
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;

  const post = async (body: unknown, keyed: boolean) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(keyed ? { authorization: `Bearer ${KEY}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let summary = `HTTP ${response.status}, ${text.length.toLocaleString('en-US')} bytes`;
    try {
      const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      if (json.errors) summary += `, ${json.errors.length} error(s), first ${json.errors[0]?.extensions?.code}`;
    } catch {}
    return summary;
  };

  /** Runs one request while /health is polled; the note says what it answered and the slowest /health. */
  const probe = (body: unknown, keyed: boolean) =>
    measure(async () => {
      let slowest = 0;
      let polling = true;
      const poller = (async () => {
        while (polling) {
          const started = performance.now();
          await fetch(`${base}/health`).then((r) => r.arrayBuffer());
          slowest = Math.max(slowest, performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const answer = await post(body, keyed).catch((error: Error) => `failed: ${error.message}`);
      polling = false;
      await poller;
      return `${answer}; slowest /health ${Math.round(slowest)} ms`;
    });

  const indicators = (field: (i: number) => string, etfs = tickers) => ({
    query: `query ($t: [String!]!) { etfsByTicker(tickers: $t) { ticker indicators(last: 1) { ${aliased(48, field)} } } }`,
    variables: { t: etfs },
  });
  const screenQuery = 'query ($w: ScreenFilter!) { screen(where: $w) { edges { node { ticker } } } }';
  const scenarios: [string, unknown][] = [
    [
      'screen: a tree of empty filters, 5 deep and 15 wide (7.6×10⁵ leaves)',
      { query: screenQuery, variables: { w: tree(5, 15, {}) } },
    ],
    [
      'screen: 10⁵ invalid leaves (a metric with nothing to compare)',
      { query: screenQuery, variables: { w: tree(2, 316, { metric: 'RSI_14' }) } },
    ],
    [
      `indicators: 48 aliased cti(period: 950…997) over ${tickers.length} ETFs, last: 1`,
      indicators((i) => `cti(period: ${950 + i}) { value }`),
    ],
    [
      `indicators: 48 aliased beta(benchmark: "${tickers[0]}", period: 950…997) over ${tickers.length} ETFs`,
      indicators((i) => `beta(benchmark: "${tickers[0]}", period: ${950 + i}) { beta }`),
    ],
    [
      `indicators: 48 aliased volatility(YANG_ZHANG, period: 950…997) over ${tickers.length} ETFs`,
      indicators((i) => `volatility(estimator: YANG_ZHANG, period: ${950 + i}) { value }`),
    ],
    [
      'screen: 50 aliased screen(asOf: …), one a month back',
      {
        query: `{ ${aliased(50, (i) => {
          const date = new Date(Date.UTC(2025, 11 - i, 15)).toISOString().slice(0, 10);
          return `screen(asOf: "${date}", where: { metric: RSI_14, gt: 0 }, ) { edges { node { ticker } } }`;
        })} }`,
      },
    ],
  ];
  for (const [name, body] of scenarios) printFigures(`anonymous ${name}`, await probe(body, false));
  const keyed: [string, unknown][] = [
    ...scenarios.slice(0, 2),
    [
      'indicators: 48 aliased cti(period: 950…997) over 10 ETFs, last: 1',
      indicators((i) => `cti(period: ${950 + i}) { value }`, tickers.slice(0, 10)),
    ],
    [
      'indicators: 48 aliased volatility(YANG_ZHANG, period: 950…997) over 10 ETFs',
      indicators((i) => `volatility(estimator: YANG_ZHANG, period: ${950 + i}) { value }`, tickers.slice(0, 10)),
    ],
  ];
  for (const [name, body] of keyed) printFigures(`keyed ${name}`, await probe(body, true));
  server.closeAllConnections();
  server.close();
  await db.close();
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

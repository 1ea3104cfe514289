// The worst sign-in a hostile client can send, measured: failed sign-ins with
// e-mail addresses of 8 MiB each, against the real server on 127.0.0.1 (its
// own embedded PostgreSQL, migrated), while a poller asks /health every 20 ms.
// Prints the wall time, the worst /health latency and event-loop delay seen
// meanwhile, and the memory the server still holds after a full collection.
//
//   node --import tsx bench/probes/sign-in.ts [attempts=20] [mebibytes=8]
//
// Bounded: `attempts` requests of `mebibytes` each, one at a time, and at most
// 180 s in all (the throttle's delays take most of it).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { freePort } from '../../src/net/ports.js';
import { createApp } from '../../src/yoga.js';
import { listen } from '../bench-server.js';

const ATTEMPTS = Number(process.argv[2] ?? 20);
const MEBIBYTES = Number(process.argv[3] ?? 8);
const DEADLINE = setTimeout(() => {
  process.stderr.write('the probe took longer than 180 s\n');
  process.exit(1);
}, 180_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveMb = () => {
  gc();
  gc();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heap: (heapUsed + external) / 2 ** 20, rss: rss / 2 ** 20 };
};

const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-probe-sign-in-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
await applyMigrations(postgres.url);
const db = createDatabase(postgres.url, { poolSize: 4 });
// The rate limiter would refuse the probe's requests before sign-in sees them.
const config = loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
const server = createServer(createApp({ db, config }));
const base = `http://127.0.0.1:${await listen(server)}`;

const signIn = async (email: string) => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: 'not the password at all' },
    }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
};

// Warm up: the first sign-in builds the schema, the dummy hash and the pool.
await signIn('warm-up@example.com');
const before = liveMb();

let worstHealthMs = 0;
let polling = true;
const poller = (async () => {
  while (polling) {
    const started = performance.now();
    await fetch(`${base}/health`).then((response) => response.arrayBuffer());
    worstHealthMs = Math.max(worstHealthMs, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const codes = new Map<string, number>();
const started = performance.now();
for (let i = 0; i < ATTEMPTS; i++) {
  // Distinct addresses, as a throttle keyed by address would keep each one.
  const email = `${String(i).padStart(4, '0')}${'a'.repeat(MEBIBYTES * 2 ** 20 - 16)}@example.com`;
  const code = await signIn(email);
  codes.set(code, (codes.get(code) ?? 0) + 1);
}
const wallMs = performance.now() - started;
loop.disable();
polling = false;
await poller;
const after = liveMb();

const round = (value: number) => Math.round(value * 10) / 10;
process.stdout.write(
  `${JSON.stringify(
    {
      probe: `${ATTEMPTS} failed sign-ins with ${MEBIBYTES} MiB e-mail addresses, one at a time`,
      answers: Object.fromEntries(codes),
      wallMs: Math.round(wallMs),
      worstHealthMs: round(worstHealthMs),
      worstEventLoopDelayMs: round(loop.max / 1e6),
      liveHeapAddedMb: round(after.heap - before.heap),
      rssAddedMb: round(after.rss - before.rss),
      rssMb: round(after.rss),
    },
    null,
    2,
  )}\n`,
);

server.closeAllConnections();
await new Promise((resolve) => server.close(resolve));
await db.close();
await postgres.stop();
await rm(dataDir, { recursive: true, force: true });
clearTimeout(DEADLINE);

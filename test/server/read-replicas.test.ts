// Queries read from a real streaming replica (PostgreSQL 15, pg_basebackup -R
// of a primary this file starts): mutations and a caller's reads after its
// own writes go to the primary, a replica that lags beyond
// REPLICA_MAX_LAG_SECONDS or is down is skipped, /ready reports each database,
// and the same holds across two API workers. A paused replay
// (pg_wal_replay_pause) makes routing visible: what the replica serves is
// older than what the primary holds.
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerChild, startServerChild } from '../../scripts/servers/server-child.js';
import { ensureAdminApiKey } from '../../src/auth/api-keys.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations, pendingMigrations } from '../../src/db/migrations.js';
import { registry } from '../../src/metrics/metrics.js';
import { type App, createApp } from '../../src/yoga.js';
import { waitUntil } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { type ReplicatedPostgres, startReplicatedPostgres } from '../helpers/replicated-postgres.js';
import { subscribe } from '../helpers/subscriptions.js';
import { ADMIN_KEY } from '../helpers/test-database.js';

const DATABASE = 'etfql';
const MAX_LAG_SECONDS = 3;

let cluster: ReplicatedPostgres;
let db: Database;
let app: App;
beforeAll(async () => {
  cluster = await startReplicatedPostgres();
  const admin = new pg.Client({ connectionString: cluster.primaryUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  // The committed migrations, on PostgreSQL 15.
  await applyMigrations(cluster.primaryUrl(DATABASE));
  db = createDatabase(cluster.primaryUrl(DATABASE), {
    poolSize: 4,
    replicas: { urls: [cluster.standbyUrl(DATABASE)], maxLagSeconds: MAX_LAG_SECONDS },
  });
  await ensureAdminApiKey(db.prisma, ADMIN_KEY);
  app = createApp({ db, config: loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }) });
  await ok(writer, 'mutation { upsertEtf(input: { ticker: "RPL", name: "Before" }) { ticker } }');
  await loadBar('2024-01-02');
  await untilReplica('up');
}, 120_000);
afterAll(async () => {
  await db?.close();
  await cluster?.stop();
});

const writer = bearer(ADMIN_KEY);
const anonymous = {};

async function ok(headers: Record<string, string>, query: string) {
  const result = await executeText(app, query, undefined, headers);
  expect(result.errors, query).toBeUndefined();
  return result.data as Record<string, Record<string, unknown>>;
}

const loadBar = (date: string) =>
  ok(
    writer,
    `mutation { loadPrices(ticker: "RPL", bars: [{ date: "${date}", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted } }`,
  );
const rename = (name: string) =>
  ok(writer, `mutation { upsertEtf(input: { ticker: "RPL", name: "${name}" }) { ticker } }`);
/** The ETF's name as `headers`' caller reads it; `field` varies the query, so that each is a response cache entry of its own. */
const nameAs = async (headers: Record<string, string>, field: string) =>
  (await ok(headers, `{ etf(ticker: "RPL") { name ${field} } }`)).etf?.name;

async function ready() {
  const response = await app.fetch('http://etfql.test/ready');
  return { status: response.status, body: (await response.json()) as { databases: Record<string, { state: string }> } };
}

const untilReplica = (state: string, timeoutMs = 15_000) =>
  waitUntil(
    async () => (await ready()).body.databases['replica-1']?.state === state,
    `replica-1 is ${state}`,
    timeoutMs,
  );

async function pauseReplay() {
  await cluster.onStandby('SELECT pg_wal_replay_pause()');
  await waitUntil(
    async () =>
      (await cluster.onStandby('SELECT pg_get_wal_replay_pause_state() AS state')).rows[0]?.state === 'paused',
    'replay is paused',
  );
}
const resumeReplay = () => cluster.onStandby('SELECT pg_wal_replay_resume()');

it('runs the migrations on PostgreSQL 15, and /ready reports the primary and its replica', async () => {
  const version = await db.pool.query<{ version: number }>('SELECT current_setting($1)::int AS version', [
    'server_version_num',
  ]);
  expect(Math.floor((version.rows[0]?.version ?? 0) / 10_000)).toBe(15);
  expect(await pendingMigrations((sql) => db.pool.query(sql))).toEqual([]);
  expect(await ready()).toEqual({
    status: 200,
    body: {
      status: 'ready',
      databases: { primary: { state: 'up' }, 'replica-1': { state: 'up', lagSeconds: expect.any(Number) } },
    },
  });
});

it('a write followed by a read sees the write, though the replica has not replayed it', async () => {
  const latest = async (headers: Record<string, string>, fields: string) => {
    const read = await ok(headers, `{ etf(ticker: "RPL") { prices(last: 1) { ${fields} } } }`);
    return (read.etf?.prices as { date: string }[] | undefined)?.[0]?.date;
  };
  await pauseReplay();
  try {
    for (let day = 3; day <= 7; day++) {
      const date = `2024-01-${String(day).padStart(2, '0')}`;
      await loadBar(date);
      expect(await latest(writer, 'date')).toBe(date);
      // The control: another caller reads the replica, still at the first bar.
      if (day === 3) expect(await latest(anonymous, 'date close')).toBe('2024-01-02');
    }
  } finally {
    await resumeReplay();
  }
  await untilReplica('up');
});

it("registers the replica's pool in the pool gauge", async () => {
  const metrics = await registry.metrics();
  expect(metrics).toMatch(/etfql_db_pool_connections\{database="replica-1",state="total"\} \d+/);
  expect(metrics).toMatch(/etfql_db_pool_connections\{database="primary",state="total"\} \d+/);
});

it('a lagging replica: its writer reads the write at once, others the replica until it lags too far', async () => {
  await pauseReplay();
  try {
    await rename('After');
    // Another caller reads the replica, which has not replayed the rename (and
    // that stale answer is not cached: the cache heard of the rename before).
    expect(await nameAs(anonymous, 'ticker')).toBe('Before');
    // The writer reads its own write, from the primary.
    expect(await nameAs(writer, 'issuer')).toBe('After');
    // Past REPLICA_MAX_LAG_SECONDS the replica is skipped, for everyone.
    await untilReplica('lagging', (MAX_LAG_SECONDS + 5) * 1000);
    expect((await ready()).status).toBe(200);
    expect(await nameAs(anonymous, 'ticker')).toBe('After');
    expect(await nameAs(anonymous, 'currency')).toBe('After');
  } finally {
    await resumeReplay();
  }
  await untilReplica('up');
  expect(await nameAs(anonymous, 'exchange')).toBe('After');
});

it('subscriptions listen on the primary: updates arrive while the replica is paused', async () => {
  await pauseReplay();
  const events = await subscribe(app, 'subscription { pricesUpdated(tickers: ["RPL"]) { ticker from } }');
  try {
    const next = events.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loadBar('2024-02-01');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('no update within 10 s')), 10_000);
    });
    expect(await Promise.race([next, timeout])).toEqual({
      data: { pricesUpdated: { ticker: 'RPL', from: '2024-02-01' } },
    });
    clearTimeout(timer);
  } finally {
    events.close();
    await resumeReplay();
  }
  await untilReplica('up');
});

it('a stopped replica is skipped: reads still answer, and it serves again once back', async () => {
  await cluster.stopStandby();
  await untilReplica('down', 10_000);
  const down = await ready();
  expect(down.status).toBe(200);
  expect(down.body.databases).toEqual({ primary: { state: 'up' }, 'replica-1': { state: 'down' } });
  for (const field of ['ticker', 'issuer', 'currency', 'exchange', 'description']) {
    expect(await nameAs(anonymous, field)).toBe('After');
  }
  await cluster.startStandby();
  await untilReplica('up', 30_000);
  await rename('Back');
  expect(await nameAs(writer, 'id')).toBe('Back');
});

/** A request on a connection of its own, so that node:cluster may hand it to either worker. */
function postOnNewConnection(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ query });
  return new Promise<{ data?: Record<string, Record<string, unknown>>; errors?: unknown[] }>((resolve, reject) => {
    const request = httpRequest(
      `${baseUrl}/graphql`,
      {
        method: 'POST',
        agent: false,
        timeout: 10_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

it('holds read-your-writes across two API workers, whichever one answers', async () => {
  let server: ServerChild | undefined;
  try {
    server = await startServerChild({
      DATABASE_URL: cluster.primaryUrl(DATABASE),
      DATABASE_REPLICA_URLS: cluster.standbyUrl(DATABASE),
      // Long enough that the paused replica stays in use for the whole loop.
      REPLICA_MAX_LAG_SECONDS: '60',
      WEB_CONCURRENCY: '2',
      DB_POOL_SIZE: '4',
      SEED_DEMO: 'false',
      JOB_WORKER: 'false',
      ADMIN_API_KEY: ADMIN_KEY,
      // Each worker's in-process cache hears of a write on its own; this test is about the replica.
      RESPONSE_CACHE: 'false',
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
    });
    const baseUrl = server.baseUrl;
    await waitUntil(
      async () => {
        const body = (await (await fetch(`${baseUrl}/ready`)).json()) as {
          databases?: Record<string, { state: string }>;
        };
        return body.databases?.['replica-1']?.state === 'up';
      },
      "the workers' replica is up",
      20_000,
    );
    // A name the replica has, before its replay stops.
    await postOnNewConnection(
      baseUrl,
      'mutation { upsertEtf(input: { ticker: "RPL", name: "Workers" }) { ticker } }',
      writer,
    );
    await waitUntil(
      async () =>
        (await cluster.onStandbyDatabase(DATABASE, "SELECT name FROM etf WHERE ticker = 'RPL'")).rows[0]?.name ===
        'Workers',
      'the replica has the name',
    );
    await pauseReplay();
    try {
      for (let i = 0; i < 10; i++) {
        const write = await postOnNewConnection(
          baseUrl,
          `mutation { upsertEtf(input: { ticker: "RPL", name: "Worker ${i}" }) { ticker } }`,
          writer,
        );
        expect(write.errors).toBeUndefined();
        const read = await postOnNewConnection(baseUrl, '{ etf(ticker: "RPL") { name } }', writer);
        expect(read.data?.etf?.name).toBe(`Worker ${i}`);
      }
      // Meanwhile, the replica is what the workers read from.
      const other = await postOnNewConnection(baseUrl, '{ etf(ticker: "RPL") { name } }');
      expect(other.data?.etf?.name).toBe('Workers');
    } finally {
      await resumeReplay();
    }
  } finally {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server?.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
}, 120_000);

// PostgreSQL stops and starts again under traffic and a live subscription (a
// restart, a failover): while it is away, requests fail with a clean masked
// error and /ready says so; within 10 s of it being back the server serves
// again, the subscription hears that updates may have been missed, and then
// hears new ones. No person steps in. The cluster is this test's own, so the
// rest of the suite never sees it stop.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdminApiKey } from '../../src/auth/api-keys.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { freePort } from '../../src/net/ports.js';
import { type App, createApp } from '../../src/yoga.js';
import { createEtf, waitForLockWait, waitUntil } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { subscribe } from '../helpers/subscriptions.js';
import { ADMIN_KEY } from '../helpers/test-database.js';

let dataDir: string;
let port: number;
let server: EmbeddedPostgresServer;
let db: Database;
let app: App;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-restart-'));
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  await applyMigrations(server.url);
  db = createDatabase(server.url, { poolSize: 4 });
  await ensureAdminApiKey(db.prisma, ADMIN_KEY);
  await createEtf(db, 'RST');
  app = createApp({ db, config: loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }) });
}, 120_000);

afterAll(async () => {
  await db?.close().catch(() => {});
  await server?.stop().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const chart = '{ etf(ticker: "RST") { ticker prices(last: 5) { close } } }';

it('serves again by itself after PostgreSQL restarts, and subscribers hear of the gap', async () => {
  expect((await executeText(app, chart)).errors).toBeUndefined();
  const events = await subscribe(app, 'subscription { pricesUpdated(tickers: ["RST"]) { ticker missed } }');
  const gap = events.next();

  // A load in the middle of its transaction when PostgreSQL goes: it is held
  // writing the stored indicators by a lock this test takes.
  const blocker = new pg.Client(server.url);
  blocker.on('error', () => {});
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE daily_indicator IN EXCLUSIVE MODE');
  const cut = executeText(
    app,
    'mutation { loadPrices(ticker: "RST", bars: [{ date: "2024-04-30", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  await waitForLockWait(db.pool);

  await server.stop();
  // The load fails cleanly, and the process lives (a checked-out connection's
  // error event once had no listener and killed it).
  expect((await cut).errors?.[0]?.message).toBe('Unexpected error.');
  await blocker.end().catch(() => {});
  // Away: a read fails cleanly (masked), /ready says the database is unreachable.
  const during = await executeText(app, chart);
  expect(during.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(during.errors?.[0]?.message).toBe('Unexpected error.');
  expect((await app.fetch('http://etfql.test/ready')).status).toBe(503);

  server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  // The target: serving again within 10 s of the fault's end.
  await waitUntil(
    async () => (await app.fetch('http://etfql.test/ready')).status === 200,
    '/ready answers 200',
    10_000,
  );
  expect((await executeText(app, chart)).errors).toBeUndefined();
  expect(await gap).toEqual({ data: { pricesUpdated: { ticker: '*', missed: true } } });
  const kept = await db.pool.query("SELECT count(*)::int AS n FROM daily_price WHERE date = '2024-04-30'");
  expect(kept.rows[0].n).toBe(0);

  // And updates flow again.
  const next = events.next();
  const load = await executeText(
    app,
    'mutation { loadPrices(ticker: "RST", bars: [{ date: "2024-05-01", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  expect(load.errors).toBeUndefined();
  expect(await next).toEqual({ data: { pricesUpdated: { ticker: 'RST', missed: false } } });
  events.close();
}, 90_000);

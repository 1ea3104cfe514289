// The API behind a real PgBouncer in transaction pooling mode: each
// transaction (or lone statement) may run on another server connection, and
// whatever a client leaves on one (a named prepared statement, a session SET,
// an advisory lock, a LISTEN) is there for the next client that gets it. So
// the app's main paths run through PgBouncer with fewer server connections
// than clients, and then every server connection is inspected for leftovers.
// What needs a session (LISTEN for subscriptions and the cache, the job
// worker, migrations, the daily update's lock) goes to DATABASE_DIRECT_URL.
// The one deliberate exception is the importer's staging table (see
// LEFTOVERS). The control shows the inspection (and a second client) would
// catch a leftover.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAdminApiKey } from '../../src/auth/api-keys.js';
import { loadConfig } from '../../src/config.js';
import { toIsoDate } from '../../src/dates.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { INLINE_REFRESH_MAX_BARS } from '../../src/indicators/stored/keep-current.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { startJobWorker } from '../../src/jobs/worker.js';
import { runDailyUpdate } from '../../src/update/daily-update.js';
import { type App, createApp } from '../../src/yoga.js';
import { waitUntil } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { type PgBouncer, startPgBouncer } from '../helpers/pgbouncer-server.js';
import { subscribe } from '../helpers/subscriptions.js';
import { ADMIN_KEY, createEmptyDatabase } from '../helpers/test-database.js';

/** PgBouncer's server connections for the app's database: fewer than the app's pool. */
const SERVER_CONNECTIONS = 2;

let directUrl: string;
let bouncer: PgBouncer;
let db: Database;
let app: App;
beforeAll(async () => {
  directUrl = await createEmptyDatabase();
  const name = new URL(directUrl).pathname.slice(1);
  bouncer = await startPgBouncer({
    serverUrl: directUrl,
    poolSize: SERVER_CONNECTIONS,
    // The control's own pool, of one server connection that every client shares.
    aliases: { control: [name, 1] },
  });
  await applyMigrations(directUrl);
  db = createDatabase(bouncer.urlOf(directUrl), { poolSize: 6, directUrl, directPoolSize: 3 });
  await ensureAdminApiKey(db.prisma, ADMIN_KEY);
  app = createApp({ db, config: loadConfig({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' }) });
});
afterAll(async () => {
  await db?.close();
  await bouncer?.stop();
});

type Leftovers = {
  prepared: string[];
  settings: string[];
  advisoryLocks: number;
  listening: string[];
  tempTables: string[];
  /** Rows left in the importer's staging table, where a connection has one. */
  stagedRows: number;
};

// Session-level settings only: PgBouncer itself sets the client's startup
// parameters it tracks on each server connection it hands over. The
// importer's staging table is made once per connection on purpose (cheaper
// than per file) and is emptied at every commit or rollback: behind
// PgBouncer it serves whichever client's transaction gets that connection,
// so what matters is that it is empty between transactions (stagedRows).
const LEFTOVERS = `SELECT pg_backend_pid() AS pid,
  (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM pg_prepared_statements) AS prepared,
  (SELECT coalesce(array_agg(name::text ORDER BY name), '{}') FROM pg_settings WHERE source = 'session'
     AND name NOT IN ('client_encoding', 'DateStyle', 'TimeZone', 'standard_conforming_strings', 'application_name')) AS settings,
  (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS "advisoryLocks",
  (SELECT coalesce(array_agg(c ORDER BY c), '{}') FROM pg_listening_channels() c) AS listening,
  (SELECT coalesce(array_agg(relname::text ORDER BY relname), '{}') FROM pg_class
     WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r' AND relname <> 'ingest_staging') AS "tempTables",
  to_regclass('pg_temp.ingest_staging') IS NOT NULL AS staging`;

/**
 * What each of PgBouncer's `connections` server connections behind `url`
 * holds: as many clients open a transaction at once, so each is pinned to a
 * server connection of its own, and look around it.
 */
async function leftoversOnEveryServerConnection(url: string, connections: number): Promise<Leftovers[]> {
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: url }));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    await Promise.all(clients.map((client) => client.query('BEGIN')));
    const found = await Promise.all(
      clients.map(async (client) => {
        const { pid, staging, ...rest } = (await client.query(LEFTOVERS)).rows[0];
        const staged = staging ? await client.query('SELECT count(*)::int AS n FROM pg_temp.ingest_staging') : null;
        return { pid, leftovers: { ...rest, stagedRows: staged?.rows[0]?.n ?? 0 } as Leftovers };
      }),
    );
    expect(new Set(found.map((row) => row.pid)).size).toBe(connections);
    return found.map((row) => row.leftovers);
  } finally {
    await Promise.all(clients.map((client) => client.query('ROLLBACK').catch(() => {})));
    await Promise.all(clients.map((client) => client.end()));
  }
}

const CLEAN: Leftovers = {
  prepared: [],
  settings: [],
  advisoryLocks: 0,
  listening: [],
  tempTables: [],
  stagedRows: 0,
};

const admin = bearer(ADMIN_KEY);
const DAYS = tradingDays('2019-01-01', '2024-12-31');
const bars = syntheticBars('BNC', DAYS, { start: 100, drift: 0.05, volatility: 0.2, volume: 1e6 }).map((bar) => ({
  ...bar,
  date: toIsoDate(bar.date),
}));

async function ok(query: string, variables?: Record<string, unknown>) {
  const result = await executeText(app, query, variables, admin);
  expect(result.errors, query).toBeUndefined();
  return result.data as Record<string, unknown>;
}

/** Above the threshold: its stored indicators are left to a job. */
const LONG = bars.slice(0, INLINE_REFRESH_MAX_BARS + 100);
const LOAD = 'mutation ($bars: [PriceBarInput!]!) { loadPrices(ticker: "BNC", bars: $bars) { inserted } }';

it('serves the read and write paths through PgBouncer in transaction mode, leaving no session state', async () => {
  // A subscription: its LISTEN is on the direct connection.
  const events = await subscribe(app, 'subscription { pricesUpdated(tickers: ["BNC"]) { ticker from to } }');
  const first = events.next();
  await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    await ok('mutation { upsertEtf(input: { ticker: "BNC", name: "Bouncer Fund" }) { ticker } }');
    // A long load: its prices commit now, its stored indicators go to a job queued in its transaction.
    await ok(LOAD, { bars: LONG });
    expect(await first).toEqual({
      data: { pricesUpdated: { ticker: 'BNC', from: LONG[0]?.date, to: LONG.at(-1)?.date } },
    });
  } finally {
    events.close();
  }

  // The job runs on the direct pool (graphile-worker LISTENs and prepares its statements).
  const worker = await startJobWorker(db.direct, { concurrency: 1 });
  try {
    await waitUntil(
      async () =>
        ((await ok('{ etf(ticker: "BNC") { storedIndicatorsThrough } }')).etf as Record<string, unknown>)
          .storedIndicatorsThrough === LONG.at(-1)?.date,
      'the job brought the stored indicators current',
      30_000,
    );
  } finally {
    await worker.stop();
  }

  // The chart (each a different window, so none comes from the response
  // cache), Prisma's reads, and small loads between them, all at once: the
  // app's six connections share PgBouncer's two server connections.
  const rest = bars.slice(LONG.length);
  const work = Array.from({ length: 24 }, (_, i) =>
    i % 6 === 5
      ? ok(LOAD, { bars: rest.slice(i, i + 1) })
      : i % 6 === 4
        ? ok('{ etfs(first: 5) { totalCount edges { node { ticker name } } } }')
        : i % 6 === 3
          ? // The screen's and the figures' statements are named when no pooler stands between.
            ok(
              `{ screen(where: { metric: CLOSE, gt: ${i} }) { totalCount edges { node { ticker } } }
                 etf(ticker: "BNC") { performance { return1M volatility1Y } } }`,
            )
          : ok(
              `{ etfsByTicker(tickers: ["BNC"]) { prices(last: ${100 + i}) { date close volume }
               indicators(last: ${50 + i}) { sma(period: 20) { value } rsi { value } macd { macd } } } }`,
            ),
  );
  await Promise.all(work);

  // The importer, twice at once: each file's transaction stages its rows in
  // whichever server connection it gets, and leaves none there.
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-bouncer-'));
  try {
    // The file names the ticker.
    const files = ['2024-12-31', '2024-12-30'].map((date, i) => ({
      file: path.join(dir, String(i), 'BNC.csv'),
      text: `date,open,high,low,close,volume\n${date},1,1,1,1,1\n`,
    }));
    for (const { file, text } of files) {
      await mkdir(path.dirname(file));
      await writeFile(file, text);
    }
    const imported = await Promise.all(files.map(({ file }) => ingestFile(db, file)));
    expect(imported.map((result) => result.problems)).toEqual([[], []]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // The nightly update holds a session advisory lock for its whole run: on
  // the direct connection, so none of PgBouncer's server connections holds
  // it while it runs (looked at while the provider keeps it waiting), and a
  // second run meanwhile is refused.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = () => {};
  const fetching = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const provider = createServer((_request, response) => {
    asked();
    void held.then(() => response.end('date,open,high,low,close,volume\n2025-01-02,1,1,1,1,1\n'));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = provider.address() as AddressInfo;
    const options = { urlTemplate: `http://127.0.0.1:${port}/{ticker}.csv`, timeoutMs: 10_000, concurrency: 2 };
    const running = runDailyUpdate(db, options);
    await fetching;
    expect(await leftoversOnEveryServerConnection(bouncer.urlOf(directUrl), SERVER_CONNECTIONS)).toEqual([
      CLEAN,
      CLEAN,
    ]);
    expect(await runDailyUpdate(db, options)).toEqual({ locked: false });
    release();
    expect(await running).toMatchObject({ locked: true, outcomes: [{ ticker: 'BNC', status: 'loaded', bars: 1 }] });
  } finally {
    release();
    await new Promise((resolve) => provider.close(resolve));
  }

  expect(await leftoversOnEveryServerConnection(bouncer.urlOf(directUrl), SERVER_CONNECTIONS)).toEqual([CLEAN, CLEAN]);
});

it('control: a client that leaves session state behind is caught, and trips the next client', async () => {
  const url = bouncer.urlOf(directUrl, 'control');
  const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await first.connect();
  await second.connect();
  try {
    await first.query("SET statement_timeout = '4321ms'");
    await first.query({ name: 'etfql-control', text: 'SELECT 1' });
    await first.query('SELECT pg_advisory_lock(42)');
    await first.query('LISTEN etfql_control');
    await first.query('CREATE TEMPORARY TABLE etfql_control (x int)');
    // The second client gets the same server connection: the setting is its
    // now, and a statement of the same name cannot be prepared.
    expect((await second.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '4321ms' }]);
    await expect(second.query({ name: 'etfql-control', text: 'SELECT 2' })).rejects.toThrow(/already exists/);
    expect(await leftoversOnEveryServerConnection(url, 1)).toEqual([
      {
        prepared: ['etfql-control'],
        settings: ['statement_timeout'],
        advisoryLocks: 1,
        listening: ['etfql_control'],
        tempTables: ['etfql_control'],
        stagedRows: 0,
      },
    ]);
  } finally {
    await first.end();
    await second.end();
  }
});

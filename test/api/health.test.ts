import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createApp } from '../../src/yoga.js';
import { createEmptyDatabase, urlFor } from '../helpers/test-database.js';

let url: string;
const db = { current: undefined as ReturnType<typeof createDatabase> | undefined };
beforeAll(async () => {
  url = await createEmptyDatabase();
  db.current = createDatabase(url);
});
afterAll(() => db.current?.close());

it('is alive at once, and ready only once migrations are applied', async () => {
  const app = createApp({ db: db.current as ReturnType<typeof createDatabase> });
  expect((await app.fetch('http://etfql.test/health')).status).toBe(200);

  const before = await app.fetch('http://etfql.test/ready');
  expect(before.status).toBe(503);
  expect(await before.json()).toMatchObject({ status: 'migrations pending' });

  await applyMigrations(url);
  const after = await app.fetch('http://etfql.test/ready');
  expect(after.status).toBe(200);
  expect(await after.json()).toEqual({ status: 'ready' });
});

it('is not ready while its change feed (subscriptions, cache evictions) is down, and ready again after', async () => {
  const current = db.current as ReturnType<typeof createDatabase>;
  const app = createApp({ db: current });
  expect((await app.fetch('http://etfql.test/ready')).status).toBe(200);
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: urlFor('postgres') });
  await admin.connect();
  try {
    // Cut the LISTEN connection and keep it from coming back, as a PostgreSQL
    // restart would for a while; the pool's open connection still answers.
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = $1`,
      [name],
    );
    for (let i = 0; i < 200 && current.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const down = await app.fetch('http://etfql.test/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not listening for changes (reconnecting)' });
  } finally {
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  // It reconnects by itself, with backoff: ready again within 10 s of the fault's end.
  const started = Date.now();
  let status = 503;
  while (status !== 200 && Date.now() - started < 10_000) status = (await app.fetch('http://etfql.test/ready')).status;
  expect(status).toBe(200);
  expect(current.isListening()).toBe(true);
});

it('is not ready when the database cannot be reached', async () => {
  const unreachable = createDatabase('postgresql://nobody:nothing@127.0.0.1:1/none');
  try {
    const response = await createApp({ db: unreachable }).fetch('http://etfql.test/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'database unreachable' });
  } finally {
    await unreachable.close();
  }
});

it('serves GraphiQL and its assets from this server, with no other host named', async () => {
  const app = createApp({ db: db.current as ReturnType<typeof createDatabase> });
  const page = await (await app.fetch('http://etfql.test/graphql', { headers: { accept: 'text/html' } })).text();
  expect(page).toContain('/graphiql-assets/yoga-graphiql.umd.js');
  expect(page).not.toMatch(/https?:\/\//);
  const script = await app.fetch('http://etfql.test/graphiql-assets/yoga-graphiql.umd.js');
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toContain('javascript');
  for (const path of [
    '/graphiql-assets/../../package.json',
    '/graphiql-assets/constructor',
    '/assets/__proto__',
    '/assets/toString',
  ]) {
    expect((await app.fetch(`http://etfql.test${path}`)).status, path).toBe(404);
  }
});

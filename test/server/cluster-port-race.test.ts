// Two checkouts started at the same moment, neither with EMBEDDED_PG_PORT: both
// find the same port free before either PostgreSQL binds it. The one that loses
// the race takes another port and remembers it; both serve. A port that was
// asked for is never changed: that start fails and says so. Real clusters, on
// 127.0.0.1 only, in throw-away directories.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { freePort } from '../../src/net/ports.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-port-race-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const portOf = (url: string) => Number(new URL(url).port);

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0]?.one === 1;
  } finally {
    await client.end();
  }
}

it('starts two clusters at once on the port both found free: the second takes another and keeps it', async () => {
  // What both checkouts' clusterPort() would answer in the same instant: the
  // same free port (54329 on a real machine), written down as each one's own.
  const contested = await freePort();
  const dirs = [await dataDir(), await dataDir()];
  for (const dir of dirs) await writeFile(path.join(dir, 'pg-port'), `${contested}\n`);

  const warnings: string[] = [];
  const started = await Promise.allSettled(
    dirs.map((dir) => startEmbeddedPostgres({ dataDir: dir, persistent: false, warn: (line) => warnings.push(line) })),
  );
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const server of servers) cleanups.push(() => server.stop());
  expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual([
    'started',
    'started',
  ]);

  const [first, second] = servers as [EmbeddedPostgresServer, EmbeddedPostgresServer];
  const ports = [portOf(first.url), portOf(second.url)];
  // One of them won the contested port; the other moved, and told a person so.
  expect(ports).toContain(contested);
  expect(new Set(ports).size).toBe(2);
  const moved = ports.find((port) => port !== contested) as number;
  expect(warnings).toEqual([
    `port ${contested} was taken as the embedded PostgreSQL started; it uses ${moved} from now on`,
  ]);
  expect(await answers(first.url)).toBe(true);
  expect(await answers(second.url)).toBe(true);
  // Each data directory remembers the port its cluster has, for the next start.
  for (const [index, dir] of dirs.entries()) {
    expect(Number((await readFile(path.join(dir, 'pg-port'), 'utf8')).trim())).toBe(ports[index]);
  }
}, 120_000);

it('fails with the clear message when the port asked for (EMBEDDED_PG_PORT) is taken', async () => {
  const taken = await freePort();
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(taken, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => holder.close(resolve)));
  const dir = await dataDir();

  await expect(startEmbeddedPostgres({ dataDir: dir, port: taken, persistent: false })).rejects.toThrow(
    `did not start on port ${taken}. Is another etfql (or anything else) using that port? Set EMBEDDED_PG_PORT`,
  );
}, 120_000);

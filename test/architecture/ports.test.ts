// The embedded PostgreSQL's port when EMBEDDED_PG_PORT is unset: a second
// checkout must start beside the first, and each keeps its port. Real sockets.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { clusterPort, freePort, portIsFree } from '../../src/net/ports.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function dataDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-port-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

it('takes the preferred port when it is free, and remembers it', async () => {
  const dir = await dataDir();
  const preferred = await freePort();
  expect(await clusterPort(dir, undefined, preferred)).toBe(preferred);
  expect((await readFile(path.join(dir, 'pg-port'), 'utf8')).trim()).toBe(String(preferred));
});

it('picks a free port when the preferred one is taken (a second checkout), and keeps it from run to run', async () => {
  const preferred = await freePort();
  await occupy(preferred);
  const dir = await dataDir();
  const chosen = await clusterPort(dir, undefined, preferred);
  expect(chosen).not.toBe(preferred);
  expect(await portIsFree(chosen)).toBe(true);
  // The next start uses the remembered port, even once the preferred one is free again.
  expect(await clusterPort(dir, undefined, await freePort())).toBe(chosen);
});

it('moves when something else took the remembered port, but not when our own postmaster holds it', async () => {
  const dir = await dataDir();
  const remembered = await freePort();
  await writeFile(path.join(dir, 'pg-port'), `${remembered}\n`);
  await occupy(remembered);
  expect(await clusterPort(dir, async () => true, await freePort())).toBe(remembered);
  const moved = await clusterPort(dir, async () => false, await freePort());
  expect(moved).not.toBe(remembered);
  expect((await readFile(path.join(dir, 'pg-port'), 'utf8')).trim()).toBe(String(moved));
});

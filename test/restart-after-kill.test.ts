// After `kill -9` of the server (or its death by running out of memory), its
// embedded PostgreSQL keeps running; the next start must still serve, with no
// person stepping in: it stops the leftover postmaster of its own cluster.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { freePort } from './free-port.js';
import { type ServerChild, startServerChild } from './server-child.js';

let dataDir: string;
const started: ServerChild[] = [];

afterAll(async () => {
  for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const pid = await postmasterPid().catch(() => undefined);
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const postmasterPid = async () =>
  Number.parseInt((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('serves again after kill -9 left its PostgreSQL running', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-kill-'));
  const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), SEED_DEMO: 'false' };
  const first = await startServerChild(env);
  started.push(first);
  const leftover = await postmasterPid();
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  // The fault: the server is gone, its PostgreSQL is not.
  expect(alive(leftover)).toBe(true);

  const restartedAt = Date.now();
  const second = await startServerChild(env, 60_000);
  started.push(second);
  const seconds = (Date.now() - restartedAt) / 1000;
  expect((await fetch(`${second.baseUrl}/ready`)).status).toBe(200);
  expect(alive(leftover)).toBe(false);
  expect(second.lines.join('\n')).toContain(`stopping the PostgreSQL (pid ${leftover}) that a previous run left`);
  // The target is 10 s on an idle machine; CI runs this beside other suites.
  expect(seconds).toBeLessThan(30);

  // A postmaster whose server still runs is not a leftover: a CLI started on
  // the same data directory fails on its own, and the server keeps serving.
  const cli = await runCli('migrate', [], { ...env, DATABASE_URL: '' });
  expect(cli.code).not.toBe(0);
  expect(alive(await postmasterPid())).toBe(true);
  expect((await fetch(`${second.baseUrl}/ready`)).status).toBe(200);
}, 150_000);

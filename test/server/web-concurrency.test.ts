// WEB_CONCURRENCY=2: the real server process as `npm start` runs it, with two
// API workers behind one port (node:cluster). Both serve (round robin), a
// sign-in token from one is good on the other, /metrics sums every worker, a
// worker that dies is logged and replaced while the port keeps answering, and
// SIGTERM drains and stops all three processes.
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../scripts/servers/redis-server.js';
import { type ServerChild, startServerChild } from '../../scripts/servers/server-child.js';
import { graphql } from '../gql/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const ADMIN_EMAIL = 'cluster-admin@example.com';
const ADMIN_PASSWORD = 'a cluster admin password';

let t: TestDatabase;
let server: ServerChild;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startServerChild({
    DATABASE_URL: t.url,
    WEB_CONCURRENCY: '2',
    DB_POOL_SIZE: '6',
    SEED_DEMO: 'false',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
  });
}, 120_000);
afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await t.close();
});

const ClusterLogin = graphql(`
  mutation ClusterLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }
`);
const ClusterMe = graphql(`query ClusterMe { me { email } }`);
const ClusterTypename = graphql(`query ClusterTypename { __typename }`);

/** Over the real port, as any client sends it. */
async function post<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

/** The API workers: children of the primary running the server (not tsx's esbuild). */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.child.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('src/server.ts'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const logged = (message: string) => server.lines.filter((line) => line.includes(`"msg":"${message}"`)).length;

it('starts two workers with a share of the pool each, and says limits are per worker without Redis', () => {
  expect(workerPids()).toHaveLength(2);
  const serving = server.lines.find((line) => line.includes('etfql is serving'));
  expect(JSON.parse(serving as string)).toMatchObject({ workers: 2, poolPerWorker: 3 });
  expect(
    logged(
      'several workers without REDIS_URL: rate limits and sign-in throttling are per worker, and the response cache is off',
    ),
  ).toBe(1);
});

it('accepts a sign-in token on every worker, and sums their metrics', async () => {
  const login = await post(ClusterLogin, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const token = login.data?.login.token as string;
  for (let i = 0; i < 8; i++) {
    const me = await post(ClusterMe, {}, { authorization: `Bearer ${token}` });
    expect(me).toEqual({ data: { me: { email: ADMIN_EMAIL } } });
  }
  const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
  expect(metrics).toContain('etfql_graphql_request_duration_seconds_count{operation="ClusterMe",type="query"} 8');
  // Both workers' pools are there (3 connections each at most).
  const total = /etfql_db_pool_connections\{database="primary",state="total"\} (\d+)/.exec(metrics);
  expect(Number(total?.[1])).toBeGreaterThanOrEqual(2);
});

// A replacement loads the whole app first: seconds, more on a busy machine.
it('replaces a worker that dies, and keeps serving meanwhile', { timeout: 90_000 }, async () => {
  const [victim] = workerPids();
  process.kill(victim as number, 'SIGKILL');
  // Once the primary knows (a connection it handed over in the instant before
  // would be lost with the worker, as with any crash), the other worker serves
  // alone while the replacement starts. A kept-alive connection the dead
  // worker held is reset; a new one reaches the live worker.
  for (let i = 0; i < 200 && logged('an API worker died; replacing it') === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const retried = async () => post(ClusterTypename).catch(() => post(ClusterTypename));
  for (let i = 0; i < 5; i++) expect(await retried()).toEqual({ data: { __typename: 'Query' } });
  for (let i = 0; i < 1200 && logged('a replacement API worker is listening') === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(logged('a replacement API worker is listening')).toBe(1);
  expect(workerPids()).toHaveLength(2);
  expect(workerPids()).not.toContain(victim);
  const died = server.lines.find((line) => line.includes('an API worker died; replacing it'));
  expect(JSON.parse(died as string)).toMatchObject({ pid: victim, signal: 'SIGKILL' });
});

it('drains and stops every process on SIGTERM', async () => {
  const pids = workerPids();
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logged('stopped')).toBe(3);
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
});

describe('with Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let shared: ServerChild;
  const BURST = 10;
  beforeAll(async () => {
    redis = await startRedis();
    shared = await startServerChild({
      DATABASE_URL: t.url,
      WEB_CONCURRENCY: '2',
      SEED_DEMO: 'false',
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: String(BURST),
    });
  }, 120_000);
  afterAll(async () => {
    if (shared.child.exitCode === null) shared.child.kill('SIGKILL');
    await redis.stop();
  });

  /** One request on a new connection each, so the two workers take turns. */
  const status = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ __typename }' });
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('holds a rate limit across both workers: a budget of N admits N ± 1, not 2N', async () => {
    expect(shared.lines.some((line) => line.includes('several workers without REDIS_URL'))).toBe(false);
    const port = Number(new URL(shared.baseUrl).port);
    const statuses: number[] = [];
    for (let i = 0; i < 2 * BURST; i++) statuses.push(await status(port));
    const admitted = statuses.filter((code) => code === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(BURST);
    expect(admitted).toBeLessThanOrEqual(BURST + 1);
    expect(statuses.filter((code) => code !== 200).every((code) => code === 429)).toBe(true);
  });
});

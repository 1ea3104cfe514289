// With REDIS_URL, rate limits and sign-in throttling are shared by every
// process: two apps on one real Redis (two server processes, as far as the
// limits can tell) admit one budget between them, not two; without Redis each
// admits its own (the control). When Redis stops answering, requests are still
// served, limited per process and logged once; when it is back, the budget is
// shared again.
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../scripts/servers/redis-server.js';
import { loadConfig } from '../../src/config.js';
import { countedKeys } from '../../src/users/login-throttle.js';
import { type App, createApp } from '../../src/yoga.js';
import { graphql } from '../gql/index.js';
import { createUser, PASSWORD } from '../helpers/accounts.js';
import { execute } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const SharedLimitsTypename = graphql(`query SharedLimitsTypename { __typename }`);
const SharedLimitsLogin = graphql(`
  mutation SharedLimitsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }
`);

const BURST = 10;
let t: TestDatabase;
let redis: Awaited<ReturnType<typeof startRedis>>;
let client: Redis;
const logLines: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  t = await createTestDatabase();
  redis = await startRedis();
  client = new Redis(redis.url);
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
  await t.close();
});

/** Two apps as two server processes would run them: same database, same settings. */
function twoApps(env: Record<string, string>): [App, App] {
  const config = loadConfig({
    RATE_LIMIT_PER_SECOND: '1',
    RATE_LIMIT_BURST: String(BURST),
    RESPONSE_CACHE: 'false',
    ...env,
  });
  return [createApp({ db: t.db, config, logger }), createApp({ db: t.db, config, logger })];
}

/** Sends `count` requests from one caller, alternating between the apps; returns how many were admitted. */
async function admitted(apps: App[], count: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < count; i++) {
    const response = await (apps[i % apps.length] as App).fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    if (response.status === 200) ok++;
    else expect(response.status).toBe(429);
  }
  return ok;
}

describe('rate limits', () => {
  it('admit one budget across two processes with Redis (N ± 1), and two budgets without (the control)', async () => {
    const shared = twoApps({ REDIS_URL: redis.url });
    // The bucket refills 1 a second: a run under a second admits BURST, or BURST + 1 at a second's edge.
    const withRedis = await admitted(shared, 2 * BURST);
    expect(withRedis).toBeGreaterThanOrEqual(BURST);
    expect(withRedis).toBeLessThanOrEqual(BURST + 1);
    const apart = twoApps({});
    expect(await admitted(apart, 2 * BURST)).toBeGreaterThanOrEqual(2 * BURST - 1);
    for (const app of [...shared, ...apart]) await app.dispose();
  });

  it('fall back to each process while Redis is away, logged once, and share again when it is back', async () => {
    await client.flushall();
    const apps = twoApps({ REDIS_URL: redis.url });
    logLines.length = 0;
    await redis.pause();
    try {
      // Each process limits its own share: served, not refused for want of Redis.
      const during = await admitted(apps, 2 * BURST);
      expect(during).toBeGreaterThanOrEqual(2 * BURST - 1);
    } finally {
      await redis.resume();
    }
    const outages = logLines.filter((line) => line.includes('Redis is unavailable: rate limits'));
    expect(outages.length).toBeGreaterThanOrEqual(1);
    expect(outages.length).toBeLessThanOrEqual(apps.length); // once per process, not per request
    for (let i = 0; i < 100 && !logLines.some((line) => line.includes('Redis is back')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.flushall();
    const after = await admitted(apps, 2 * BURST);
    expect(after).toBeLessThanOrEqual(BURST + 1);
    for (const app of apps) await app.dispose();
  });
});

describe('sign-in throttling', () => {
  it('counts failures for an account across processes, and delays the next attempt on either', async () => {
    await client.flushall();
    const email = 'shared-throttle@example.com';
    const accountCount = `etfql:state:login:${countedKeys({ account: email, address: 'unknown' }).account}`;
    await createUser(t.db, email);
    const apps = twoApps({ REDIS_URL: redis.url, RATE_LIMIT_BURST: '1000' });
    for (let i = 0; i < 4; i++) {
      const wrong = await execute(apps[i % 2] as App, SharedLimitsLogin, { email, password: `wrong ${i}` });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await client.get(accountCount)).toBe('4');
    // Four failures, two on each: the fifth waits 250 ms × 2^(4 − 3) whichever process it reaches.
    const started = performance.now();
    const right = await execute(apps[0] as App, SharedLimitsLogin, { email, password: PASSWORD });
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(right.data?.login.token).toBeTruthy();
    // The success forgives the failures its own address made on the account: all four here.
    expect(await client.get(accountCount)).toBeNull();
    expect((await execute(apps[1] as App, SharedLimitsTypename)).data).toEqual({ __typename: 'Query' });
    for (const app of apps) await app.dispose();
  });
});

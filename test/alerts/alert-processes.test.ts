// Two real server processes over one database, each with its job worker: the
// same crossing bar written through both at once is one event, judged by
// whichever worker takes the job, and the owner's stream on either process
// hears it once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerChild, startServerChild, stopServerChild } from '../../scripts/servers/server-child.js';
import { createUser } from '../helpers/accounts.js';
import { createEtf, waitUntil } from '../helpers/fixtures.js';
import { openSse } from '../helpers/sse-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const servers: ServerChild[] = [];

async function post(server: ServerChild, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const LOAD = 'mutation($b: [PriceBarInput!]!) { loadPrices(ticker: "TWO", bars: $b) { inserted updated } }';
const bar = (date: string, close: number) => ({ date, open: close, high: close, low: close, close, volume: 1 });

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'TWO');
  await createUser(t.db, 'frank@example.com');
  for (let i = 0; i < 2; i++) {
    servers.push(
      await startServerChild({
        DATABASE_URL: t.url,
        ADMIN_API_KEY: ADMIN_KEY,
        SEED_DEMO: 'false',
        JWT_SECRET: 'x'.repeat(40),
      }),
    );
  }
}, 120_000);
afterAll(async () => {
  for (const server of servers) await stopServerChild(server);
  await t?.close();
});

it('fires once for a bar written through two processes at once, and each stream hears it once', async () => {
  const [a, b] = servers as [ServerChild, ServerChild];
  const days = ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06'];
  expect((await post(a, LOAD, { b: days.slice(0, 4).map((d) => bar(d, 50)) }, ADMIN_KEY)).errors).toBeUndefined();
  const login = await post(
    a,
    'mutation { login(email: "frank@example.com", password: "correct horse battery staple") { token } }',
    {},
    '',
  );
  const token = (login.data?.login as { token: string } | undefined)?.token ?? '';
  const made = await post(
    b,
    'mutation { createAlert(input: { name: "two", when: { metric: CLOSE, gt: 100 }, tickers: ["TWO"] }) { alert { id } } }',
    {},
    token,
  );
  expect(made.errors).toBeUndefined();
  const streams = servers.map((server) =>
    openSse(Number(new URL(server.baseUrl).port), 'subscription { alertTriggered { id ticker date } }', {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  await Promise.all(streams.map((stream) => stream.head));
  await new Promise((resolve) => setTimeout(resolve, 200));

  // The crossing bar, written through both processes at the same moment.
  const writes = await Promise.all(
    [a, b].map((server) => post(server, LOAD, { b: [bar(days[4] as string, 150)] }, ADMIN_KEY)),
  );
  for (const write of writes) expect(write.errors).toBeUndefined();
  await waitUntil(async () => streams.every((stream) => stream.events.length >= 1), 'both streams hear it', 10_000);
  // Both evaluation jobs are done: nothing more is coming.
  await waitUntil(
    async () => {
      const { rows } = await t.db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'evaluate-alerts'",
      );
      return rows[0]?.n === 0;
    },
    'the evaluations done',
    10_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { rows } = await t.db.pool.query('SELECT etf_id, date::text AS date FROM alert_event');
  expect(rows).toEqual([{ etf_id: expect.any(Number), date: days[4] }]);
  for (const stream of streams) {
    expect(stream.events.map((event) => (event.data?.alertTriggered as { date: string } | undefined)?.date)).toEqual([
      days[4],
    ]);
    stream.destroy();
  }
});

// What one client can do to the pricesUpdated feed, over real sockets: hold
// more subscriptions than its share, make the server execute a notice once per
// subscriber, stop reading while notices pile up, or make a burst of notices
// stall every other request. Subscribers come from loopback addresses other
// than 127.0.0.1, so each test picks its callers.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createHttpServer } from '../../src/http/http-server.js';
import { registry } from '../../src/metrics/metrics.js';
import { notifyPricesUpdated } from '../../src/prices/prices-updated-notice.js';
import { type App, createApp } from '../../src/yoga.js';
import { waitUntil } from '../helpers/fixtures.js';
import { bearer } from '../helpers/graphql-client.js';
import { loopbackAddress, openSse, type SseClient } from '../helpers/sse-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const servers: Server[] = [];
let port: number;
/** A server with a short backlog, where events are large: few notices fill a reader's socket and then its backlog. */
let slowPort: number;

async function listen(app: App): Promise<number> {
  const server = createHttpServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  t = await createTestDatabase();
  port = await listen(t.app);
  slowPort = await listen(
    createApp({
      db: t.db,
      config: loadConfig({
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
        SUBSCRIPTION_BACKLOG: '20',
        MAX_ALIASES: '1000',
        MAX_TOKENS: '100000',
      }),
    }),
  );
});

const clients: SseClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await t?.close();
});

function subscriber(...args: Parameters<typeof openSse>): SseClient {
  const client = openSse(...args);
  clients.push(client);
  return client;
}

const ALL = 'subscription { pricesUpdated { ticker from to } }';

/** `count` notices in one commit, as a nightly update of `count` ETFs sends them; tickers T<first>… */
async function notify(count: number, first = 0): Promise<void> {
  const client = await t.db.pool.connect();
  try {
    const updates = Array.from({ length: count }, (_, i) => ({
      ticker: `T${first + i}`,
      from: '2024-01-02' as const,
      to: '2024-01-03' as const,
    }));
    await notifyPricesUpdated(client, updates);
  } finally {
    client.release();
  }
}

async function metric(name: string): Promise<number> {
  const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return values.reduce((sum, { value }) => sum + value, 0);
}
const openSubscriptions = () => metric('etfql_subscriptions_open');

/** Resolves once every client holds `count` events (10 s at most). */
const receive = (subscribers: SseClient[], count: number) =>
  waitUntil(async () => subscribers.every((client) => client.events.length >= count), `${count} events each`, 10_000);

// Each test starts once the subscriptions of the one before have ended (a closed socket ends its own soon after).
beforeEach(() => waitUntil(async () => (await openSubscriptions()) === 0, 'no subscription is open'));

const tickersOf = (client: SseClient) =>
  client.events.map((event) => (event.data as { pricesUpdated: { ticker: string } } | undefined)?.pricesUpdated.ticker);

it('refuses an anonymous caller its sixth subscription, and gives the slot back when a client goes', async () => {
  const address = loopbackAddress(1);
  const five = Array.from({ length: 5 }, () => subscriber(port, ALL, { localAddress: address }));
  await Promise.all(five.map((client) => client.head));
  expect(await openSubscriptions()).toBe(5);

  const sixth = subscriber(port, ALL, { localAddress: address });
  await sixth.ended;
  expect(sixth.events).toMatchObject([
    {
      errors: [
        { message: expect.stringMatching(/5 subscriptions/), extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 5 } },
      ],
    },
  ]);
  expect(await openSubscriptions()).toBe(5);
  // Another address is another caller; an API key counts as itself, wherever it calls from.
  const other = subscriber(port, ALL, { localAddress: loopbackAddress(2) });
  const keyed = Array.from({ length: 6 }, () =>
    subscriber(port, ALL, { localAddress: address, headers: bearer(ADMIN_KEY) }),
  );
  await Promise.all([other, ...keyed].map((client) => client.head));
  expect(await openSubscriptions()).toBe(12);

  // A client that goes abruptly (a closed tab) frees its slot, while the server waits for a notice.
  five[0]?.destroy();
  await waitUntil(async () => (await openSubscriptions()) === 11, 'the closed subscription ends');
  const again = subscriber(port, ALL, { localAddress: address });
  await again.head;
  await notify(1, 900);
  await receive([again, ...five.slice(1), other, ...keyed], 1);
  expect(tickersOf(again)).toEqual(['T900']);
  for (const client of [...five, other, again, ...keyed]) client.destroy();
  await waitUntil(async () => (await openSubscriptions()) === 0, 'every subscription ends');
});

it('holds no slot for a subscription that is refused a stream (406 to an Accept it cannot serve)', async () => {
  const address = loopbackAddress(5);
  for (let i = 0; i < 6; i++) {
    const refused = subscriber(port, ALL, { localAddress: address, headers: { accept: 'application/json' } });
    expect((await refused.head).status).toBe(406);
    await refused.ended;
  }
  expect(await openSubscriptions()).toBe(0);
  // The address still has all its slots.
  const five = Array.from({ length: 5 }, () => subscriber(port, ALL, { localAddress: address }));
  await Promise.all(five.map((client) => client.head));
  expect(await openSubscriptions()).toBe(5);
  for (const client of five) client.destroy();
});

it('executes each notice once for all the subscribers of one document', async () => {
  const same = Array.from({ length: 12 }, (_, i) =>
    subscriber(port, ALL, { localAddress: loopbackAddress(10 + (i % 3)) }),
  );
  // Another document is executed for itself.
  const other = subscriber(port, 'subscription { pricesUpdated { ticker } }', { localAddress: loopbackAddress(13) });
  await Promise.all([...same, other].map((client) => client.head));
  const before = await metric('etfql_subscription_executions_total');

  await notify(10);
  await receive([...same, other], 10);
  for (const client of same) expect(tickersOf(client)).toEqual(Array.from({ length: 10 }, (_, i) => `T${i}`));
  expect(other.events[9]).toEqual({ data: { pricesUpdated: { ticker: 'T9' } } });
  expect(same[11]?.events[9]).toEqual({
    data: { pricesUpdated: { ticker: 'T9', from: '2024-01-02', to: '2024-01-03' } },
  });
  // 10 notices × 2 documents, however many subscribe to each.
  expect((await metric('etfql_subscription_executions_total')) - before).toBe(20);
  for (const client of [...same, other]) client.destroy();
});

/** The live heap of this process (JavaScript objects and the buffers they hold), after a full collection. */
function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}

it('drops a subscriber that stops reading, with a last event saying so, and keeps the others whole', async () => {
  // About 20 KB an event: the unread socket fills after some 200 (its kernel
  // buffers), then the backlog of 20; 400 notices go past both.
  const large = `subscription { pricesUpdated { ${Array.from({ length: 1000 }, (_, i) => `a${i}: from`).join(' ')} ticker } }`;
  const stalled = subscriber(slowPort, large, { localAddress: loopbackAddress(20), read: false });
  const reader = subscriber(slowPort, large, { localAddress: loopbackAddress(21) });
  await Promise.all([stalled.head, reader.head]);
  const heapBefore = liveHeapMb();

  await notify(400);
  await waitUntil(async () => (await openSubscriptions()) === 1, 'the stalled subscriber is dropped', 20_000);
  await receive([reader], 400);
  expect(tickersOf(reader)).toEqual(Array.from({ length: 400 }, (_, i) => `T${i}`));
  // What the server holds once the reader is served (the reader's own copies
  // let go): not the stalled subscriber's events, some 8 MB of them.
  reader.events.length = 0;
  expect(liveHeapMb() - heapBefore).toBeLessThan(5);

  // Read now, it finds what reached its socket, then why the stream ends.
  stalled.read();
  await stalled.ended;
  const last = stalled.events.at(-1);
  expect(last).toMatchObject({ errors: [{ extensions: { code: 'SUBSCRIBER_TOO_SLOW' } }] });
  const delivered = tickersOf(stalled).slice(0, -1);
  expect(delivered).toEqual(Array.from({ length: delivered.length }, (_, i) => `T${i}`));
  expect(delivered.length).toBeLessThan(400);
  reader.destroy();
});

it('keeps /health answering while a burst of notices goes out to many subscribers', async () => {
  const many = Array.from({ length: 60 }, (_, i) =>
    subscriber(port, ALL, { localAddress: loopbackAddress(30 + (i % 15)) }),
  );
  await Promise.all(many.map((client) => client.head));
  let worst = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      await response.arrayBuffer();
      worst = Math.max(worst, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await notify(200);
  await receive(many, 200);
  polling = false;
  await poller;
  for (const client of many) expect(client.events).toHaveLength(200);
  // Generous: answering /health takes well under a millisecond when nothing blocks it.
  expect(worst).toBeLessThan(200);
  for (const client of many) client.destroy();
});

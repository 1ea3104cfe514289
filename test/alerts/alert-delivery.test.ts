// How alert events reach their owners, over real sockets: the alertTriggered
// stream, whose events carry ids, replays what a client missed when it comes
// back with Last-Event-ID; a webhook receiver on 127.0.0.1 that fails twice
// and then accepts gets the same event three times, signed (the signature is
// checked here with code of the test's own), each attempt recorded; a
// redirect is not followed; a private address is refused at delivery too.
import { createHmac } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs, startJobWorker } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { createUser, signIn } from '../helpers/accounts.js';
import { createEtf, waitUntil } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { type HttpApp, serveOverHttp } from '../helpers/http-app.js';
import { openSse } from '../helpers/sse-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
/** The signature check the README gives receivers, run as it is written there. */
let readmeVerify: (secret: string, header: string, body: string, tolerance?: number) => boolean;
let http: HttpApp;
let user: Record<string, string>;
let token: string;
let day = 0;
const DELIVERY = { timeoutMs: 2_000, allowPrivate: true };
const METRICS = 'metrics-token-for-alert-tests';

function nextWeekday(): string {
  const start = Date.parse('2025-03-03T00:00:00Z');
  for (;;) {
    const date = new Date(start + day++ * 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return date.toISOString().slice(0, 10);
  }
}

/** A bar of `ticker` at `close`, its alerts evaluated. */
async function bar(ticker: string, close: number) {
  await loadPrices(t.db, ticker, [{ date: nextWeekday(), open: close, high: close, low: close, close, volume: 1 }]);
  await runDueJobs(t.db.pool, DELIVERY);
}

async function createAlert(input: Record<string, unknown>) {
  const result = await executeText(
    t.app,
    'mutation($input: CreateAlertInput!) { createAlert(input: $input) { secret alert { id } } }',
    { input },
    user,
  );
  expect(result.errors).toBeUndefined();
  return result.data?.createAlert as { secret: string | null; alert: { id: string } };
}

beforeAll(async () => {
  const readme = await readFile('README.md', 'utf8');
  const block = /```javascript\n([\s\S]*?verifyEtfqlSignature[\s\S]*?)\n```/.exec(readme)?.[1];
  if (!block) throw new Error('the README has no verifyEtfqlSignature block');
  const file = path.join(tmpdir(), `etfql-verify-${process.pid}.mjs`);
  await writeFile(file, block);
  readmeVerify = ((await import(file)) as { verifyEtfqlSignature: typeof readmeVerify }).verifyEtfqlSignature;
  await rm(file, { force: true });
  t = await createTestDatabase({ env: { ALERT_WEBHOOK_ALLOW_PRIVATE: 'true', METRICS_TOKEN: METRICS } });
  http = await serveOverHttp(t.app);
  await createUser(t.db, 'dana@example.com');
  token = await signIn(t.app, 'dana@example.com');
  user = bearer(token);
  for (const ticker of ['SSE', 'HOOK', 'REDIR', 'DOWN']) {
    await createEtf(t.db, ticker);
    for (let i = 0; i < 5; i++) await bar(ticker, 50);
  }
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}, 60_000);
afterAll(async () => {
  await http?.close();
  await t?.close();
});

const port = () => Number(new URL(http.base).port);
const SUBSCRIPTION = 'subscription { alertTriggered { id alertId ticker date values { metric value } } }';

describe('alertTriggered', () => {
  it('streams the owner’s events with ids, and replays those missed after Last-Event-ID', async () => {
    const { alert } = await createAlert({ name: 'sse', when: { metric: 'CLOSE', gt: 100 }, tickers: ['SSE'] });
    const stream = openSse(port(), SUBSCRIPTION, { headers: { authorization: `Bearer ${token}` } });
    expect((await stream.head).contentType).toMatch(/^text\/event-stream/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bar('SSE', 150);
    await waitUntil(async () => stream.events.length === 1, 'the first event');
    const first = stream.events[0]?.data?.alertTriggered as { id: string; alertId: string; ticker: string };
    expect(first).toMatchObject({ alertId: alert.id, ticker: 'SSE' });
    expect(stream.ids).toEqual([first.id]);
    stream.destroy();

    // Two more crossings while the client is away.
    await bar('SSE', 50);
    await bar('SSE', 150);
    await bar('SSE', 50);
    await bar('SSE', 150);
    const again = openSse(port(), SUBSCRIPTION, {
      headers: { authorization: `Bearer ${token}`, 'last-event-id': first.id },
    });
    await waitUntil(async () => again.events.length === 2, 'the missed events');
    const missed = again.events.map((event) => event.data?.alertTriggered as { id: string });
    expect(again.ids).toEqual(missed.map((event) => event.id));
    expect(missed.map((event) => BigInt(event.id) > BigInt(first.id))).toEqual([true, true]);
    // And then live ones, none twice.
    await bar('SSE', 50);
    await bar('SSE', 150);
    await waitUntil(async () => again.events.length === 3, 'a live event after the replay');
    expect(new Set(again.ids).size).toBe(3);
    again.destroy();
  });

  it('gives nobody else’s events, and none without credentials', async () => {
    await createUser(t.db, 'eve@example.com');
    const eve = openSse(port(), SUBSCRIPTION, {
      headers: { authorization: `Bearer ${await signIn(t.app, 'eve@example.com')}` },
    });
    await eve.head;
    await bar('SSE', 50);
    await bar('SSE', 150);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eve.events).toEqual([]);
    eve.destroy();
    const anonymous = openSse(port(), SUBSCRIPTION);
    await waitUntil(async () => anonymous.events.length > 0, 'a refusal');
    expect(JSON.stringify(anonymous.events[0]?.errors)).toContain('UNAUTHENTICATED');
    anonymous.destroy();
  });
});

type Received = { headers: IncomingHttpHeaders; body: string; path: string };

async function receiver(
  answer: (count: number, path: string) => number,
): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      got.push({ headers: request.headers, body, path: request.url ?? '' });
      const status = answer(got.length, request.url ?? '');
      response.writeHead(status, status === 302 ? { location: '/elsewhere' } : {});
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

/** Moves a failed delivery's retry to now, after checking that it was put off (the backoff). */
async function retryNow(eventId: string) {
  const job = async () =>
    (
      await t.db.pool.query<{ wait: number; locked: boolean }>(
        `SELECT extract(epoch FROM run_at - now())::float8 AS wait, locked_at IS NOT NULL AS locked
         FROM graphile_worker._private_jobs WHERE key = 'alert-event-' || $1`,
        [eventId],
      )
    ).rows[0];
  // The failed attempt's job is released (rescheduled) as the run ends.
  await waitUntil(async () => (await job())?.locked === false, 'the failed attempt released');
  expect((await job())?.wait).toBeGreaterThan(1);
  await t.db.pool.query("UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = 'alert-event-' || $1", [
    eventId,
  ]);
  await runDueJobs(t.db.pool, DELIVERY);
}

describe('webhooks', () => {
  it('retry a receiver that fails twice, with one event id and a signature that verifies', async () => {
    const hook = await receiver((count) => (count <= 2 ? 503 : 200));
    try {
      const { secret, alert } = await createAlert({
        name: 'hook',
        when: { metric: 'CLOSE', gt: 100 },
        tickers: ['HOOK'],
        webhookUrl: hook.url,
      });
      await bar('HOOK', 150);
      expect(hook.got).toHaveLength(1);
      const eventId = hook.got[0]?.headers['etfql-event-id'] as string;
      await retryNow(eventId);
      await retryNow(eventId);
      expect(hook.got).toHaveLength(3);
      for (const delivery of hook.got) {
        expect(delivery.headers['etfql-event-id']).toBe(eventId);
        expect(delivery.headers['content-type']).toBe('application/json');
        // The check a receiver makes: t and v1 from the header, HMAC-SHA256 of "t.body" with the secret.
        const { t: stamp, v1 } = Object.fromEntries(
          String(delivery.headers['etfql-signature'])
            .split(',')
            .map((part) => part.split('=') as [string, string]),
        );
        const expected = createHmac('sha256', secret as string)
          .update(`${stamp}.${delivery.body}`)
          .digest('hex');
        expect(v1).toBe(expected);
        expect(Math.abs(Date.now() / 1000 - Number(stamp))).toBeLessThan(60);
        expect(JSON.parse(delivery.body)).toMatchObject({
          id: eventId,
          type: 'alert.triggered',
          ticker: 'HOOK',
          alert: { id: alert.id, name: 'hook' },
        });
      }
      const recorded = await executeText(
        t.app,
        '{ alerts { name events { id deliveries { attempt status error } } } }',
        undefined,
        user,
      );
      const events = (
        (recorded.data as Record<string, unknown>).alerts as {
          name: string;
          events: { id: string; deliveries: unknown[] }[];
        }[]
      ).find((a) => a.name === 'hook')?.events;
      expect(events?.[0]?.deliveries).toEqual([
        { attempt: 1, status: 503, error: 'answered 503' },
        { attempt: 2, status: 503, error: 'answered 503' },
        { attempt: 3, status: 200, error: null },
      ]);
    } finally {
      hook.server.close();
    }
  });

  it('do not follow a redirect, and refuse a private address when delivering too', async () => {
    const hook = await receiver((_count, path) => (path === '/hook' ? 302 : 200));
    try {
      await createAlert({
        name: 'redirect',
        when: { metric: 'CLOSE', gt: 100 },
        tickers: ['REDIR'],
        webhookUrl: hook.url,
      });
      await bar('REDIR', 150);
      expect(hook.got.map((delivery) => delivery.path)).toEqual(['/hook']);
      const { rows } = await t.db.pool.query('SELECT status, error FROM alert_delivery ORDER BY at DESC LIMIT 1');
      expect(rows[0]).toEqual({ status: 302, error: 'answered 302 (redirects are not followed)' });

      // The same kind of event, delivered by a worker that may not reach private addresses.
      await bar('REDIR', 50);
      const strict = await startJobWorker(t.db.pool, {
        concurrency: 1,
        delivery: { timeoutMs: 2_000, allowPrivate: false },
      });
      try {
        await loadPrices(t.db, 'REDIR', [
          { date: nextWeekday(), open: 150, high: 150, low: 150, close: 150, volume: 1 },
        ]);
        await waitUntil(
          async () => {
            const found = await t.db.pool.query("SELECT error FROM alert_delivery WHERE error LIKE '%EPRIVATE%'");
            return found.rows.length > 0;
          },
          'a refused delivery',
          10_000,
        );
      } finally {
        await strict.stop();
      }
      expect(hook.got.map((delivery) => delivery.path)).toEqual(['/hook']);
    } finally {
      hook.server.close();
    }
  });
});

it('shows admins the deliveries a receiver keeps refusing: in the jobs report and /metrics', async () => {
  const hook = await receiver(() => 500);
  try {
    await createAlert({ name: 'down', when: { metric: 'CLOSE', gt: 100 }, tickers: ['DOWN'], webhookUrl: hook.url });
    await bar('DOWN', 150);
    await waitUntil(async () => hook.got.length === 1, 'one attempt');
    const report = async () => {
      const result = await executeText(
        t.app,
        '{ jobs { backlog { task waiting retrying failed } } }',
        undefined,
        bearer(ADMIN_KEY),
      );
      return (result.data?.jobs as { backlog: { task: string; retrying: number }[] } | undefined)?.backlog ?? [];
    };
    await waitUntil(
      async () => (await report()).some((b) => b.task === 'deliver-alert-webhook' && b.retrying >= 1),
      'a retrying delivery',
    );
    const metrics = await (
      await t.app.fetch('http://etfql.test/metrics', { headers: { authorization: `Bearer ${METRICS}` } })
    ).text();
    const line = metrics
      .split('\n')
      .find((l) => l.startsWith('etfql_jobs{task="deliver-alert-webhook",state="retrying"}'));
    expect(Number(line?.split(' ').at(-1))).toBeGreaterThanOrEqual(1);
  } finally {
    hook.server.close();
  }
});

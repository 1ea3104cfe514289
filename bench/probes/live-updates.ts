// Live updates under a hostile load, as an outside probe found them: many
// anonymous pricesUpdated subscribers and a burst of notices (one nightly
// update of 200 ETFs), then subscribers that never read their socket and
// 2,000 notices, then one address opening subscriptions until refused.
//
// The server runs in a child process, as `npm start` serves it, so that its
// event loop is measured alone (monitorEventLoopDelay) beside what a /health
// poller sees; its memory is read after a full GC. Subscribers are raw
// sockets from addresses across 127.0.0.0/8, a handful per address, so that
// a per-caller cap does not refuse them. Everything is bounded: each wait
// gives up after DEADLINE_MS.
//
//   node --import tsx bench/probes/live-updates.ts
//   SUBSCRIBERS=300 NOTICES=200 SLOW_READERS=300 SLOW_NOTICES=2000 node --import tsx bench/probes/live-updates.ts
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 300);
const NOTICES = Number(process.env.NOTICES ?? 200);
const SLOW_READERS = Number(process.env.SLOW_READERS ?? 300);
const SLOW_NOTICES = Number(process.env.SLOW_NOTICES ?? 2000);
const FROM_ONE_ADDRESS = Number(process.env.FROM_ONE_ADDRESS ?? 50);
/** Which of the three to run: SCENARIOS=13 skips the second. */
const SCENARIOS = process.env.SCENARIOS ?? '123';
/** Subscribers per client address: within any small per-caller cap. */
const PER_ADDRESS = 4;
const DEADLINE_MS = 60_000;
const CHANNEL = 'etfql_prices_updated';
const SUBSCRIPTION = 'subscription { pricesUpdated { ticker from to } }';

type Stats = { rssMb: number; heapMb: number; loopMaxMs: number; subscriptionsOpen: number };

if (process.argv.includes('--server')) await serve();
else await probe();

/** The child: the app on node:http as `npm start` serves it; answers `stats` over IPC. */
async function serve(): Promise<void> {
  const { benchConfig } = await import('../bench-server.js');
  const { createDatabase } = await import('../../src/db/database.js');
  const { createHttpServer } = await import('../../src/http/http-server.js');
  const { registry } = await import('../../src/metrics/metrics.js');
  const { createApp } = await import('../../src/yoga.js');
  const db = createDatabase(process.env.DATABASE_URL as string, { poolSize: 10 });
  const server = createHttpServer(createApp({ db, config: benchConfig() }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', async (message: string) => {
    if (message === 'reset') {
      loop.reset();
      process.send?.('ok');
      return;
    }
    global.gc?.();
    const memory = process.memoryUsage();
    const open = (await registry.getSingleMetric('etfql_subscriptions_open')?.get())?.values[0]?.value ?? 0;
    const stats: Stats = {
      rssMb: memory.rss / 2 ** 20,
      heapMb: memory.heapUsed / 2 ** 20,
      loopMaxMs: loop.max / 1e6,
      subscriptionsOpen: open,
    };
    process.send?.(stats);
  });
  // An exit of its own writes the CPU profile (PROBE_CPU_PROF).
  process.on('SIGINT', () => process.exit(0));
  process.send?.({ port: (server.address() as net.AddressInfo).port });
}

async function probe(): Promise<void> {
  const { loadEmbeddedPostgres } = await import('../../src/db/database-server.js');
  const { applyMigrations } = await import('../../src/db/migrations.js');
  const { freePort } = await import('../../src/net/ports.js');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-probe-'));
  const startEmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  let child: ChildProcess | undefined;
  try {
    await applyMigrations(postgres.url);
    child = fork(fileURLToPath(import.meta.url), ['--server'], {
      // PROBE_CPU_PROF=dir: the server's CPU profile, to see what dominates.
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.PROBE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROBE_CPU_PROF}`] : []),
      ],
      env: { ...process.env, DATABASE_URL: postgres.url, LOG_LEVEL: 'error' },
    });
    const server = child;
    const port = ((await reply(server)) as { port: number }).port;
    const ask = async (message: 'stats' | 'reset') => {
      server.send(message);
      return (await reply(server)) as Stats;
    };
    const notifier = new pg.Client({ connectionString: postgres.url });
    await notifier.connect();
    /** `count` notices, committed `batch` to a transaction as the nightly update does. */
    const notify = async (count: number, batch = 200) => {
      for (let sent = 0; sent < count; sent += batch) {
        const payloads = Array.from({ length: Math.min(batch, count - sent) }, (_, i) =>
          JSON.stringify({ ticker: `E${String(sent + i).padStart(4, '0')}`, from: '2024-01-02', to: '2024-01-02' }),
        );
        await notifier.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [CHANNEL, payloads]);
      }
    };

    // 1. Many readers, one nightly update.
    if (SCENARIOS.includes('1')) {
      const readers = await openSubscribers(port, SUBSCRIBERS, { read: true, firstAddress: 2 });
      await until(async () => (await ask('stats')).subscriptionsOpen >= readers.open().length, 'subscribers open');
      const before = await ask('stats');
      await ask('reset');
      const poller = pollHealth(port);
      const started = performance.now();
      await notify(NOTICES);
      const open = readers.open();
      await until(async () => open.every((reader) => reader.events >= NOTICES), 'every event delivered');
      const seconds = (performance.now() - started) / 1000;
      const healthMax = await poller.stop();
      const after = await ask('stats');
      report(
        `${SUBSCRIBERS} subscribers (${open.length} opened) × ${NOTICES} notices`,
        before,
        after,
        healthMax,
        seconds,
      );
      readers.close();
      await until(async () => (await ask('stats')).subscriptionsOpen === 0, 'subscribers closed');
    }

    // 2. Readers that never read, and one that does, through 2,000 notices.
    if (SCENARIOS.includes('2')) {
      const slow = await openSubscribers(port, SLOW_READERS, { read: false, firstAddress: 2 });
      const control = await openSubscribers(port, 1, { read: true, firstAddress: 200 });
      await until(
        async () => (await ask('stats')).subscriptionsOpen >= slow.open().length + control.open().length,
        'subscribers open',
      );
      const before = await ask('stats');
      await ask('reset');
      const poller = pollHealth(port);
      const started = performance.now();
      await notify(SLOW_NOTICES);
      const reader = control.open()[0];
      await until(async () => (reader?.events ?? 0) >= SLOW_NOTICES, 'the reading subscriber got every event');
      const seconds = (performance.now() - started) / 1000;
      // What the server still holds for those that never read, once it is done.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const healthMax = await poller.stop();
      const after = await ask('stats');
      report(
        `${SLOW_READERS} readers that never read (+1 that does) × ${SLOW_NOTICES} notices`,
        before,
        after,
        healthMax,
        seconds,
      );
      print(
        `  the reading one got ${reader?.events ?? 0} of ${SLOW_NOTICES}; closed by the server: ${slow.closedByServer()} of ${slow.open().length} that never read`,
      );
      slow.close();
      control.close();
      await until(async () => (await ask('stats')).subscriptionsOpen === 0, 'subscribers closed');
    }

    // 3. One address, many subscriptions.
    if (SCENARIOS.includes('3')) {
      const many = await openSubscribers(port, FROM_ONE_ADDRESS, { read: true, firstAddress: 250, perAddress: 1e6 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stats = await ask('stats');
      print(
        `one address asked for ${FROM_ONE_ADDRESS} subscriptions: ${stats.subscriptionsOpen} opened, ${many.refused()} refused`,
      );
      many.close();
    }
    await notifier.end();
  } finally {
    child?.kill(process.env.PROBE_CPU_PROF ? 'SIGINT' : 'SIGKILL');
    if (child && process.env.PROBE_CPU_PROF) await new Promise((resolve) => child?.once('exit', resolve));
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

function report(title: string, before: Stats, after: Stats, healthMaxMs: number, seconds: number): void {
  print(title);
  print(
    `  time ${seconds.toFixed(2)} s; /health worst ${healthMaxMs.toFixed(0)} ms; server event loop worst ${after.loopMaxMs.toFixed(0)} ms`,
  );
  print(
    `  RSS ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB; heap after GC ${before.heapMb.toFixed(0)} → ${after.heapMb.toFixed(0)} MB`,
  );
}

function reply(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const exited = () => reject(new Error('the server process exited'));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message);
    });
  });
}

async function until(done: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = performance.now() + DEADLINE_MS;
  while (!(await done())) {
    if (performance.now() > deadline) {
      print(`  (gave up waiting: ${what})`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Subscriber = { socket: net.Socket; events: number; refused: boolean; closing: boolean; closedByServer: boolean };

/** `count` raw SSE subscriptions, PER_ADDRESS to an address from 127.0.0.<firstAddress> on. */
async function openSubscribers(
  port: number,
  count: number,
  options: { read: boolean; firstAddress: number; perAddress?: number },
) {
  const perAddress = options.perAddress ?? PER_ADDRESS;
  const subscribers: Subscriber[] = [];
  const request = [
    `GET /graphql?query=${encodeURIComponent(SUBSCRIPTION)} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Accept: text/event-stream',
    '',
    '',
  ].join('\r\n');
  for (let i = 0; i < count; i++) {
    const n = options.firstAddress + Math.floor(i / perAddress);
    const localAddress = `127.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const socket = net.connect({ port, host: '127.0.0.1', localAddress });
    const subscriber: Subscriber = { socket, events: 0, refused: false, closing: false, closedByServer: false };
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!subscriber.closing) subscriber.closedByServer = true;
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()).once('error', () => resolve()));
    socket.write(request);
    if (options.read) {
      let tail = '';
      socket.on('data', (chunk: Buffer) => {
        const text = tail + chunk.toString('latin1');
        subscriber.events += text.split('event: next').length - 1;
        if (text.includes('"errors"')) subscriber.refused = true;
        tail = text.slice(-16);
      });
    } else {
      socket.pause();
    }
    subscribers.push(subscriber);
  }
  return {
    open: () => subscribers,
    refused: () => subscribers.filter((subscriber) => subscriber.refused).length,
    closedByServer: () => subscribers.filter((subscriber) => subscriber.closedByServer).length,
    close: () => {
      for (const subscriber of subscribers) {
        subscriber.closing = true;
        subscriber.socket.destroy();
      }
    },
  };
}

/** GET /health one after another on a kept-alive connection; stop() gives the slowest answer in ms. */
function pollHealth(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let worst = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await new Promise<void>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path: '/health', agent }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          })
          .on('error', () => resolve());
      });
      worst = Math.max(worst, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return worst;
    },
  };
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

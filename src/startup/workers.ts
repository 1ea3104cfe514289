// WEB_CONCURRENCY > 1: the primary process forks that many API workers, which
// share one listening port (node:cluster hands connections to them in turn).
// The primary keeps what must exist once: the embedded PostgreSQL, migrations,
// the job worker, and the metrics aggregation. A worker that dies is logged and
// replaced (after a pause that grows while workers keep dying young, so a
// crash at start-up does not spin); SIGTERM drains every worker, then stops.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { relayWritePositions } from '../db/write-position-relay.js';
import { serveClusterMetrics } from '../metrics/cluster-metrics.js';

/** A worker alive less than this counts as dying young. */
const YOUNG_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/** Each worker's pool: the budget split evenly, 2 connections at least. */
export function workerPoolSize(budget: number, workers: number): number {
  return Math.max(2, Math.floor(budget / workers));
}

export type WorkerMessage = { type: 'etfql:listening'; url: string };

export type Workers = {
  /** Resolves with the URL once every worker listens. */
  listening: Promise<string>;
  /** Sends SIGTERM to every worker and resolves once all have exited (each drains its requests). */
  stop(): Promise<void>;
};

export function startWorkers(count: number, env: Record<string, string>, logger: Logger): Workers {
  serveClusterMetrics();
  // Read-your-writes across workers, when they read from replicas (src/db/write-position-relay.ts).
  relayWritePositions();
  let stopping = false;
  let restartDelay = 250;
  const started = new Map<Worker, number>();
  let resolveListening: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    resolveListening = resolve;
  });
  const listeningIds = new Set<number>();
  let replacing = false;

  const fork = () => {
    const worker = cluster.fork(env);
    started.set(worker, Date.now());
    worker.on('message', (message: WorkerMessage) => {
      if (message?.type !== 'etfql:listening') return;
      listeningIds.add(worker.id);
      if (replacing) logger.info({ pid: worker.process.pid }, 'a replacement API worker is listening');
      if (listeningIds.size === count) {
        resolveListening(message.url);
        replacing = true; // every later worker replaces one that died
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    listeningIds.delete(worker.id);
    if (stopping) return;
    restartDelay = lived < YOUNG_MS ? Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS) : 250;
    logger.error(
      { pid: worker.process.pid, code, signal, restartInMs: restartDelay },
      'an API worker died; replacing it',
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, restartDelay).unref();
  });

  for (let i = 0; i < count; i++) fork();

  return {
    listening,
    async stop() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter(
        (worker): worker is Worker => !!worker && !worker.isDead(),
      );
      await Promise.all(
        alive.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

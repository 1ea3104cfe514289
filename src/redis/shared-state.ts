// Redis for state every process must share (REDIS_URL): rate-limit buckets and
// sign-in failures, so a limit means the same with 1 or 8 processes. Redis is
// a help, never a dependency: while it is unreachable each call falls back to
// the process's own state (logged once per outage), and a background probe
// picks Redis up again when it answers.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type SharedState = {
  redis: Redis;
  /** `op` against Redis, or `fallback` while Redis is down or when `op` fails. */
  run<T>(op: (redis: Redis) => Promise<T>, fallback: () => T): Promise<T>;
  close(): Promise<void>;
};

const PROBE_MS = 500;

export function connectSharedState(url: string, logger?: Logger): SharedState {
  const redis = new Redis(url, {
    keyPrefix: 'etfql:state:',
    // Commands wait for the first connection (a process's first requests), but
    // never more than half a second: then they fail, and this falls back. During
    // an outage none is sent at all (see run).
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  });
  let down = false;
  let closed = false;
  const probe = () => {
    setTimeout(() => {
      if (closed) return;
      redis.ping().then(() => {
        down = false;
        logger?.info('Redis is back: rate limits and sign-in throttling are shared again');
      }, probe);
    }, PROBE_MS).unref();
  };
  const failed = (error: unknown) => {
    if (down || closed) return;
    down = true;
    logger?.warn(
      { err: error },
      'Redis is unavailable: rate limits and sign-in throttling are per process until it is back',
    );
    probe();
  };
  redis.on('error', failed);
  return {
    redis,
    async run(op, fallback) {
      if (down) return fallback();
      try {
        return await op(redis);
      } catch (error) {
        failed(error);
        return fallback();
      }
    },
    async close() {
      closed = true;
      redis.disconnect();
    },
  };
}

// One Redis connection with its health, for whatever the processes share
// through Redis (REDIS_URL): the response cache, rate-limit buckets, sign-in
// failures. Redis is a help, never a dependency: a failed command marks it
// down (logged once per outage), callers fall back to what a single process
// can do meanwhile, and a probe every half second picks Redis up again, after
// `onBack` has run (the cache empties what may have missed an eviction).
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisLink = {
  redis: Redis;
  isDown(): boolean;
  /** Marks Redis down (once per outage) and starts probing. */
  failed(error: unknown): void;
  /** `op` against Redis, or `fallback` while Redis is down or when `op` fails. */
  run<T>(op: (redis: Redis) => Promise<T>, fallback: () => T): Promise<T>;
  close(): Promise<void>;
};

type LinkOptions = {
  keyPrefix: string;
  logger?: Logger;
  /** What the logs say while Redis is away, and when it is back. */
  messages: { down: string; back: string };
  /**
   * Whether commands may wait for the first connection (half a second at
   * most). Without, a command before it is up fails and falls back at once.
   */
  waitForConnection: boolean;
  /** Runs before Redis counts as back; a failure keeps it down. */
  onBack?: () => Promise<void>;
};

const PROBE_MS = 500;

export function connectRedisLink(url: string, options: LinkOptions): RedisLink {
  const { logger, messages } = options;
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix,
    enableOfflineQueue: options.waitForConnection,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  });
  let down = false;
  let closed = false;
  const probe = () => {
    setTimeout(() => {
      if (closed) return;
      redis
        .ping()
        .then(() => options.onBack?.())
        .then(() => {
          down = false;
          logger?.info(messages.back);
        }, probe);
    }, PROBE_MS).unref();
  };
  const failed = (error: unknown) => {
    if (down || closed) return;
    down = true;
    logger?.warn({ err: error }, messages.down);
    probe();
  };
  redis.on('error', failed);
  return {
    redis,
    isDown: () => down,
    failed,
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

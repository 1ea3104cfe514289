// Repeated failed logins slow down: after a few failures for one email or from
// one address, each further attempt waits twice as long as the one before (up
// to a cap), so guessing passwords costs hours instead of seconds, while a
// person who mistypes twice notices nothing. Failures are forgotten after a
// quiet quarter of an hour.
//
// Attempts for one email or from one address also run one at a time: sixty
// guesses sent at once would otherwise all read "no failures yet" and skip the
// delays. A few may queue; past that, an attempt is refused at once.

import type { RedisLink } from '../redis/redis-link.js';

const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const FORGET_AFTER_MS = 15 * 60_000;
const MAX_TRACKED = 100_000;
/** Attempts that may wait behind the running one, per email or address. */
const MAX_QUEUED_ATTEMPTS = 5;

/** A place in the per-key queues: await `ready`, then call `done` whatever happens. */
type LoginTurn = { ready: Promise<void>; done(): void };

export type LoginThrottle = {
  /** How long the next attempt for these keys must wait, in ms. */
  delayFor(keys: string[]): number | Promise<number>;
  failed(keys: string[]): void | Promise<void>;
  succeeded(keys: string[]): void | Promise<void>;
  /** A turn behind the attempts already running for these keys, or null when too many wait. */
  enter(keys: string[]): LoginTurn | null;
};

/** The wait before the next attempt after `failures` failures, in ms. */
function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

export function createLoginThrottle(now = () => Date.now()): LoginThrottle {
  const failures = new Map<string, { count: number; last: number }>();
  const queues = new Map<string, { tail: Promise<void>; length: number }>();
  const countOf = (key: string) => {
    const entry = failures.get(key);
    if (!entry || now() - entry.last > FORGET_AFTER_MS) return 0;
    return entry.count;
  };
  return {
    delayFor: (keys) => delayAfter(Math.max(0, ...keys.map(countOf))),
    failed(keys) {
      if (failures.size >= MAX_TRACKED) failures.clear();
      for (const key of keys) failures.set(key, { count: countOf(key) + 1, last: now() });
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
    enter(keys) {
      if (keys.some((key) => (queues.get(key)?.length ?? 0) > MAX_QUEUED_ATTEMPTS)) return null;
      let finish = () => {};
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const before = keys.map((key) => {
        const queue = queues.get(key) ?? { tail: Promise.resolve(), length: 0 };
        const previous = queue.tail;
        queue.tail = finished;
        queue.length++;
        queues.set(key, queue);
        return previous;
      });
      let done = false;
      return {
        ready: Promise.all(before).then(() => {}),
        done() {
          if (done) return;
          done = true;
          finish();
          for (const key of keys) {
            const queue = queues.get(key);
            if (!queue) continue;
            queue.length--;
            if (queue.length === 0) queues.delete(key);
          }
        },
      };
    },
  };
}

/**
 * The same with failures counted in Redis (REDIS_URL), so that every process
 * and instance slows the same guesser down. A key's count expires after the
 * quiet quarter of an hour, refreshed by each failure. The queues stay per
 * process: with N processes at most N attempts for one key run at once, each
 * after the shared delay. While Redis is down, this process's own counts serve.
 */
export function createSharedLoginThrottle(shared: RedisLink): LoginThrottle {
  const local = createLoginThrottle();
  const key = (name: string) => `login:${name}`;
  return {
    delayFor: (keys) =>
      shared.run(
        async (redis) =>
          delayAfter(Math.max(0, ...(await redis.mget(keys.map(key))).map((count) => Number(count ?? 0)))),
        () => local.delayFor(keys) as number,
      ),
    failed: (keys) =>
      shared.run(
        async (redis) => {
          const multi = redis.multi();
          for (const name of keys) multi.incr(key(name)).pexpire(key(name), FORGET_AFTER_MS);
          await multi.exec();
        },
        () => local.failed(keys) as void,
      ),
    succeeded: (keys) =>
      shared.run(
        async (redis) => {
          await redis.del(...keys.map(key));
        },
        () => local.succeeded(keys) as void,
      ),
    enter: (keys) => local.enter(keys),
  };
}

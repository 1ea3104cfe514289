// Repeated failed logins slow down: after a few failures for one email or from
// one address, each further attempt waits twice as long as the one before (up
// to a cap), so guessing passwords costs hours instead of seconds, while a
// person who mistypes twice notices nothing. Failures are forgotten after a
// quiet quarter of an hour.
//
// A successful sign-in forgives only the failures that its own address made
// on its own account: those counted for other accounts from that address stay,
// or a sprayer who signs in to an account of its own after every few guesses
// at others would never be slowed down.
//
// Attempts for one email or from one address also run one at a time: sixty
// guesses sent at once would otherwise all read "no failures yet" and skip the
// delays. A few may queue; past that, an attempt is refused at once.
//
// What is kept is bounded whatever clients send: keys are kept as a digest of
// a fixed size, and the least recently failed are dropped past a fixed count.

import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RedisLink } from '../redis/redis-link.js';

const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const FORGET_AFTER_MS = 15 * 60_000;
/** Failure counts kept per process (about 150 bytes each). */
export const LOGIN_THROTTLE_CAPACITY = 100_000;
/** Attempts that may wait behind the running one, per email or address. */
const MAX_QUEUED_ATTEMPTS = 5;

/** A place in the per-key queues: await `ready`, then call `done` whatever happens. */
type LoginTurn = { ready: Promise<void>; done(): void };

/** Whom an attempt's failures count against: the account it names and the address it comes from. */
export type LoginKeys = { account: string; address: string };

export type LoginThrottle = {
  /** How long the next attempt for these keys must wait, in ms. */
  delayFor(keys: LoginKeys): number | Promise<number>;
  failed(keys: LoginKeys): void | Promise<void>;
  /** Forgives the failures this address made on this account, and no others. */
  succeeded(keys: LoginKeys): void | Promise<void>;
  /** A turn behind the attempts already running for these keys, or null when too many wait. */
  enter(keys: LoginKeys): LoginTurn | null;
  /** Failure counts held in this process. */
  size(): number;
};

/** A key as kept: a digest of 43 characters, whatever the length of the key. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

/** The keys an attempt's failure counts under: the account, the address, and the two together. */
export const countedKeys = ({ account, address }: LoginKeys) => ({
  account: digest(`account:${account}`),
  address: digest(`address:${address}`),
  pair: digest(`pair:${address}\n${account}`),
});

/** The wait before the next attempt after `failures` failures, in ms. */
function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

export function createLoginThrottle(now = () => Date.now()): LoginThrottle {
  const failures = new LRUCache<string, { count: number; last: number }>({ max: LOGIN_THROTTLE_CAPACITY });
  const queues = new Map<string, { tail: Promise<void>; length: number }>();
  const countOf = (key: string) => {
    const entry = failures.get(key);
    if (!entry || now() - entry.last > FORGET_AFTER_MS) return 0;
    return entry.count;
  };
  const forgive = (key: string, count: number, last: number) => {
    const left = countOf(key) - count;
    if (left > 0) failures.set(key, { count: left, last });
    else failures.delete(key);
  };
  return {
    delayFor(keys) {
      const counted = countedKeys(keys);
      return delayAfter(Math.max(countOf(counted.account), countOf(counted.address)));
    },
    failed(keys) {
      for (const key of Object.values(countedKeys(keys))) failures.set(key, { count: countOf(key) + 1, last: now() });
    },
    succeeded(keys) {
      const counted = countedKeys(keys);
      const own = countOf(counted.pair);
      failures.delete(counted.pair);
      if (own === 0) return;
      for (const key of [counted.account, counted.address]) forgive(key, own, failures.get(key)?.last ?? now());
    },
    size: () => failures.size,
    enter(loginKeys) {
      const counted = countedKeys(loginKeys);
      const keys = [counted.account, counted.address];
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
/**
 * Takes the pair's count (KEYS[1]) off the account's and the address's
 * (KEYS[2], KEYS[3]) in one step; a count that reaches zero goes, and one
 * that has expired is not brought back below zero.
 */
const FORGIVE = `
local own = tonumber(redis.call('GETDEL', KEYS[1]) or '0')
if own > 0 then
  for i = 2, #KEYS do
    if redis.call('EXISTS', KEYS[i]) == 1 and redis.call('DECRBY', KEYS[i], own) <= 0 then
      redis.call('DEL', KEYS[i])
    end
  end
end
return own`;

export function createSharedLoginThrottle(shared: RedisLink): LoginThrottle {
  const local = createLoginThrottle();
  const key = (name: string) => `login:${name}`;
  return {
    delayFor: (keys) =>
      shared.run(
        async (redis) => {
          const counted = countedKeys(keys);
          const counts = await redis.mget(key(counted.account), key(counted.address));
          return delayAfter(Math.max(0, ...counts.map((count) => Number(count ?? 0))));
        },
        () => local.delayFor(keys) as number,
      ),
    failed: (keys) =>
      shared.run(
        async (redis) => {
          const multi = redis.multi();
          for (const name of Object.values(countedKeys(keys))) {
            multi.incr(key(name)).pexpire(key(name), FORGET_AFTER_MS);
          }
          await multi.exec();
        },
        () => local.failed(keys) as void,
      ),
    succeeded: (keys) =>
      shared.run(
        async (redis) => {
          const counted = countedKeys(keys);
          await redis.eval(FORGIVE, 3, key(counted.pair), key(counted.account), key(counted.address));
        },
        () => local.succeeded(keys) as void,
      ),
    enter: (keys) => local.enter(keys),
    size: () => local.size(),
  };
}

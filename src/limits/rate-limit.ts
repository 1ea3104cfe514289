// Token buckets: each caller (an API key, a session, or an address) may burst
// up to `burst` requests and then `perSecond` a second. In memory for one
// process; in Redis (REDIS_URL) for all processes and instances at once, with
// the same arithmetic in one atomic script on Redis's clock, so a budget of N
// admits N whatever the number of processes. While Redis is down, each process
// limits its own share (src/redis/shared-state.ts).
import type { Redis } from 'ioredis';
import type { RedisLink } from '../redis/redis-link.js';

export type RateLimiter = {
  /** 0 when the request may go ahead, else the seconds to wait before retrying. */
  take(caller: string): number | Promise<number>;
};

const MAX_CALLERS = 100_000;

export function createRateLimiter(perSecond: number, burst: number, now = () => Date.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(caller) {
      const time = now();
      let bucket = buckets.get(caller);
      if (!bucket) {
        // Forget everyone rather than grow without bound under an address-spraying flood.
        if (buckets.size >= MAX_CALLERS) buckets.clear();
        bucket = { tokens: burst, at: time };
        buckets.set(caller, bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perSecond);
    },
  };
}

// The bucket above, in Redis. A bucket left alone refills completely in
// burst/perSecond seconds; it expires a second after that (a full bucket is
// what a missing one means).
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = clock[1] * 1000 + clock[2] / 1000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return wait`;

type WithTakeToken = Redis & { takeToken(key: string, perSecond: number, burst: number): Promise<number> };

export function createSharedRateLimiter(shared: RedisLink, perSecond: number, burst: number): RateLimiter {
  const local = createRateLimiter(perSecond, burst);
  shared.redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
  return {
    take: (caller) =>
      shared.run(
        (redis) => (redis as WithTakeToken).takeToken(`rate:${caller}`, perSecond, burst),
        () => local.take(caller) as number,
      ),
  };
}

// Token buckets in memory: each caller (an API key, a session, or an address)
// may burst up to `burst` requests and then `perSecond` a second. In memory is
// right for one process; behind a load balancer each instance limits its share.

type RateLimiter = {
  /** 0 when the request may go ahead, else the seconds to wait before retrying. */
  take(caller: string): number;
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

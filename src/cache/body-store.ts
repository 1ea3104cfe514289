// Where the response cache keeps its entries: response bodies, already
// serialized, each tagged with what evicts it. A hit hands back the string that
// was sent the first time; nothing is parsed or serialized again.
//
// - In-process (the default): least recently used first out, bounded both in
//   entries and in bytes (a chart is ~100 kB; a large screen page several MB).
//   Once full, a response is admitted on its second request only (a
//   doorkeeper of recent keys): a dashboard's `to:` that no one else sends
//   would otherwise push out the charts that many ask for. Until then every
//   response is kept, so the second request of anything is a hit.
// - Redis (REDIS_URL): @envelop/response-cache-redis's layout (a key per
//   response, a set of response keys per tag), shared by every process. It
//   stores a JSON value; ours is `{ body }`, so a hit parses one string.
import { createRedisCache } from '@envelop/response-cache-redis';
import type { ExecutionResult } from 'graphql';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** What evicts an entry: `Etf:<global id>`, or the tag every entry carries. */
export type CacheTag = { typename: string; id: string };

export type BodyStore = {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, body: string, tags: readonly CacheTag[], ttlMs: number): void | Promise<void>;
  invalidate(tags: readonly CacheTag[]): void | Promise<void>;
};

const tagKey = (tag: CacheTag) => `${tag.typename}:${tag.id}`;

export function createMemoryBodyStore(limits: { maxEntries: number; maxBytes: number }): BodyStore {
  const keysByTag = new Map<string, Set<string>>();
  const tagsByKey = new Map<string, string[]>();
  const forget = (key: string) => {
    for (const tag of tagsByKey.get(key) ?? []) {
      const keys = keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysByTag.delete(tag);
    }
    tagsByKey.delete(key);
  };
  const bodies = new LRUCache<string, string>({
    max: limits.maxEntries,
    maxSize: limits.maxBytes,
    // UTF-16 code units: close enough to bytes for JSON, and free to count.
    sizeCalculation: (body) => Math.max(1, body.length),
    // An entry larger than the whole budget is simply not kept.
    maxEntrySize: limits.maxBytes,
    ttlAutopurge: false,
    dispose: (_body, key) => forget(key),
  });
  // Keys asked for once while the store was full; forgotten wholesale when large.
  let seenOnce = new Set<string>();
  const full = (size: number) => bodies.size >= limits.maxEntries || bodies.calculatedSize + size > limits.maxBytes;
  return {
    get: (key) => bodies.get(key) ?? null,
    set(key, body, tags, ttlMs) {
      if (full(body.length) && !seenOnce.delete(key)) {
        if (seenOnce.size >= 4 * limits.maxEntries) seenOnce = new Set();
        seenOnce.add(key);
        return;
      }
      bodies.set(key, body, { ttl: ttlMs });
      if (!bodies.has(key)) return;
      const keys = tags.map(tagKey);
      tagsByKey.set(key, keys);
      for (const tag of keys) {
        const set = keysByTag.get(tag) ?? new Set<string>();
        keysByTag.set(tag, set);
        set.add(key);
      }
    },
    invalidate(tags) {
      for (const tag of tags) {
        for (const key of [...(keysByTag.get(tagKey(tag)) ?? [])]) bodies.delete(key);
      }
    },
  };
}

export function createRedisBodyStore(redis: Redis): BodyStore {
  const store = createRedisCache({ redis });
  return {
    get: async (key) => {
      const entry = (await store.get(key)) as { body?: unknown } | null | undefined;
      return typeof entry?.body === 'string' ? entry.body : null;
    },
    set: (key, body, tags, ttlMs) => store.set(key, { body } as ExecutionResult, tags, ttlMs),
    invalidate: (tags) => store.invalidate(tags),
  };
}

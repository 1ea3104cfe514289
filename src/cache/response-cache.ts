// Whole responses of public reads (a dashboard's chart, asked again and again),
// kept until the data they read changes: never stale, never shared wrongly,
// and a request the cache cannot answer costs what it costs with the cache off.
//
// - What is cached: queries whose every field is public ETF data (etf, etfs,
//   etfsByTicker and what hangs off an Etf; src/cache/cacheable-documents.ts,
//   decided once per parsed document). Anything that depends on the caller
//   (me, users, apiKeys, watchlists, node lookups) or needs more than the
//   reader scope is never cached. Mutations and subscriptions are never
//   cached. Every caller allowed to read, under the same limits, shares the
//   entries (an anonymous caller never gets what only a key may ask for); a
//   request with a bad credential never sees one.
// - What a miss costs: the lookup (a hash of the request, before parsing) and,
//   once the response is final, storing the body that is sent anyway: it is
//   serialized once, for the client and the cache alike. The result is not
//   walked: an entry is tagged with the ETFs whose data the request read,
//   which its loaders and root fields note as they read (Context.etfsRead).
// - When it is evicted: PostgreSQL itself announces every committed change to
//   an ETF's prices, corporate actions, stored indicators or latest figures
//   (statement triggers, NOTIFY on etfql_data_changed: see the
//   data_change_notifications and stored_data_notifications migrations), from
//   any writer: the API, the CLIs, plain SQL. Every server process listens and
//   evicts the responses that read those ETFs (a beta reads its benchmark too);
//   a change to the ETFs themselves evicts all.
// - Races: a response whose execution overlapped an eviction is not stored
//   (it may have read the old data). A mutation answers only once this
//   process has heard (and applied) the evictions of its own commit: after it
//   commits, it sends a barrier notice on the same channel and waits for it,
//   and PostgreSQL delivers notices in commit order. So a client that loads
//   bars and then reads them never gets the response from before its load.
//   A query read from a replica (src/db/replicas.ts) is stored only if
//   that replica was known to have replayed the primary as of after the last
//   eviction: a notice comes from the primary's commit, which a replica
//   replays a little later, and a response read from before it would stay
//   stale with no eviction to come. While the LISTEN connection is down the
//   cache is bypassed, and when it is back everything is evicted (notices
//   sent meanwhile are lost).
// - Where: in-process by default; in Redis when REDIS_URL is set, shared by
//   every process, written after the response has gone. If Redis fails the API
//   serves uncached (logged once per outage) and evicts everything when Redis
//   is back.
import { type ExecutionResult, type GraphQLSchema, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Callers } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import { addressOf, type ServerContext } from '../http/server-context.js';
import { limitsFor } from '../limits/request-limits.js';
import { cacheRequests } from '../metrics/metrics.js';
import { connectRedisLink } from '../redis/redis-link.js';
import { type BodyStore, type CacheTag, createMemoryBodyStore, createRedisBodyStore } from './body-store.js';
import { responseCacheKey, UNCACHED_PREFIX } from './cache-key.js';
import { cacheableDocuments } from './cacheable-documents.js';

const DATA_CHANGED_CHANNEL = 'etfql_data_changed';

/** Notices of this channel that are barriers (see Races above), not changes. */
const BARRIER_PREFIX = 'barrier:';

/** Every cached response carries this tag: evicting it evicts everything. */
const EVERYTHING: CacheTag = { typename: 'EtfDirectory', id: 'all' };
const etfTag = (id: number | string): CacheTag => ({ typename: 'Etf', id: String(id) });

/** How the metrics plugin (src/graphql/use-metrics.ts) tells a hit from a request that never ran. */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/** A request that may be stored once its response is final. */
type Pending = { key: string; generation: number; context: Context };

type ResponseCache = {
  /** Yoga plugins, in order; they must come after the execution plugins. */
  plugins: Plugin[];
};

export function createResponseCache(options: {
  db: Database;
  config: Pick<Config, 'responseCache' | 'limits'>;
  callers: Callers;
  schema: GraphQLSchema;
  logger?: Logger;
}): ResponseCache {
  const { db, config, callers, schema, logger } = options;
  const settings = config.responseCache;
  let generation = 0;
  // When the last eviction was heard (performance.now()); before the first, when listening began.
  let evictedAt = performance.now();
  const shared = settings.redisUrl
    ? connectRedisLink(settings.redisUrl, {
        keyPrefix: 'etfql:cache:',
        logger,
        // A lookup must not wait for Redis: a miss costs less.
        waitForConnection: false,
        messages: {
          down: 'response cache: Redis is unavailable; serving uncached until it is back',
          back: 'response cache: Redis is back, emptied of what may have missed an eviction',
        },
        // Evictions sent while it was away may have been lost: everything goes first.
        onBack: async () => {
          generation++;
          await store.invalidate([EVERYTHING]);
        },
      })
    : undefined;
  const store: BodyStore = shared
    ? createRedisBodyStore(shared.redis)
    : createMemoryBodyStore({ maxEntries: settings.maxEntries, maxBytes: settings.maxBytes });
  const failed = (error: unknown) => shared?.failed(error);
  const usable = () => db.isListening() && !shared?.isDown();
  const cacheable = cacheableDocuments(schema);

  // Evictions settle in the order they came, so a barrier can wait for all before it.
  let evictions: Promise<unknown> = Promise.resolve();
  const evict = (tags: CacheTag[]) => {
    generation++;
    evictedAt = performance.now();
    // A lost eviction marks Redis down: it is emptied before it is used again.
    const done = Promise.resolve()
      .then(() => store.invalidate(tags))
      .catch(failed);
    evictions = evictions.then(() => done);
  };
  const barriers = new Map<string, () => void>();
  let barrierCount = 0;
  /** Resolves once every notice committed before it was sent has been applied here (2 s at most). */
  const barrier = async () => {
    if (!usable()) return;
    const token = `${BARRIER_PREFIX}${process.pid}:${++barrierCount}`;
    const heard = new Promise<void>((resolve) => barriers.set(token, resolve));
    try {
      await db.pool.query('/* cache-barrier */ SELECT pg_notify($1, $2)', [DATA_CHANGED_CHANNEL, token]);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([heard, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
    } finally {
      barriers.delete(token);
    }
  };
  db.listen(
    DATA_CHANGED_CHANNEL,
    (payload) => {
      // Another process's barrier is nothing to this one.
      if (payload.startsWith(BARRIER_PREFIX)) {
        const resolve = barriers.get(payload);
        if (resolve) void evictions.then(resolve);
        return;
      }
      if (payload === '*') return evict([EVERYTHING]);
      const ids = payload.split(',').filter((id) => /^\d+$/.test(id));
      // NOTIFY is open to every role of the database: anything else evicts all.
      if (ids.length === 0) return evict([EVERYTHING]);
      evict(ids.map(etfTag));
    },
    () => evict([EVERYTHING]),
  ).then(
    () => {
      // Commits before this were never announced here: a replica must have replayed them too.
      evictedAt = performance.now();
    },
    (error) => logger?.warn({ err: error }, 'response cache: not listening for changes yet; bypassed'),
  );

  /** Stores a final, error-free result under its key, unless an eviction may have overtaken it. */
  const keep = (pending: Pending, result: ExecutionResult): boolean => {
    if (pending.generation !== generation || !usable()) return false;
    // Read from a replica that may not have replayed the last eviction's commit.
    const source = pending.context.readSource;
    if (source && db.reads && !db.reads.currentSince(source, evictedAt)) return false;
    const body = serialized(result);
    const tags = [EVERYTHING];
    for (const id of pending.context.etfsRead) tags.push(etfTag(id));
    const ttl = settings.ttlSeconds * 1000;
    if (!shared) {
      store.set(pending.key, body, tags, ttl);
      return true;
    }
    // Redis is written once the response has gone: a store never delays it.
    setImmediate(() => Promise.resolve(store.set(pending.key, body, tags, ttl)).catch(failed));
    return true;
  };

  // Whether the caller may read, decided (and the credential checked) before a
  // cached response can be served: hits are answered before parsing, so the
  // schema's own authorization never runs for them.
  const keys = new WeakMap<Request, string>();
  const pending = new WeakMap<Request, Pending>();
  const mayRead = (request: Request, server: ServerContext) => callers.of(request, addressOf(server)).mayRead();
  const cache: Plugin<Record<string, unknown>, ServerContext> = {
    // A client that holds a cached response's ETag gets 304 while the entry lives.
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const tag = request.headers.get('if-none-match');
      if (tag === null || !usable() || !/^"[\w-]{43}"$/.test(tag)) return;
      if (!(await mayRead(request, serverContext))) return;
      const body = await Promise.resolve(store.get(tag.slice(1, -1))).catch((error) => {
        failed(error);
        return null;
      });
      if (body !== null) endResponse(new fetchAPI.Response(null, { status: 304, headers: { etag: tag } }));
    },
    async onParams({ params, request, context, setResult }) {
      if (!usable()) return;
      const caller = callers.of(request, addressOf(context));
      const key = responseCacheKey({
        documentString: params.query ?? '',
        variableValues: params.variables,
        operationName: params.operationName,
        // Callers whose limits differ share nothing: a response a keyed caller
        // may have is not one an anonymous caller may, however it was stored.
        sessionId: limitsTier(config.limits, caller.hasCredentials),
      });
      if (key.startsWith(UNCACHED_PREFIX)) return;
      if (!(await caller.mayRead())) return;
      let body: string | null = null;
      try {
        body = await store.get(key);
      } catch (error) {
        failed(error);
        return;
      }
      if (body === null) {
        keys.set(request, key);
        return;
      }
      cacheRequests.inc({ result: 'hit' });
      setResult(servedFrom(body, key));
    },
    onExecute({ args }) {
      const context = args.contextValue as unknown as Context & { request: Request };
      const key = keys.get(context.request);
      if (key === undefined || !cacheable(args.document, args.operationName)) return;
      cacheRequests.inc({ result: 'miss' });
      pending.set(context.request, { key, generation, context });
    },
    onResultProcess({ request, result }) {
      const waiting = pending.get(request);
      if (!waiting) return;
      pending.delete(request);
      if (Array.isArray(result) || !result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
      const final = result as ExecutionResult;
      if (final.errors?.length) return;
      if (keep(waiting, final)) withEtag(final, waiting.key);
    },
    onDispose: () => shared?.close(),
  };

  // A mutation's result goes out only after the barrier: see Races above.
  const awaitOwnEvictions: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      setExecuteFn(async (executeArgs) => {
        const result = await executeFn(executeArgs);
        await barrier().catch((error) => logger?.warn({ err: error }, 'response cache: barrier failed'));
        return result;
      });
    },
  };

  return { plugins: settings.enabled ? [awaitOwnEvictions, cache as Plugin] : [] };
}

/** The limits a caller's requests run under, as part of a cache key. */
function limitsTier(limits: Config['limits'], hasCredentials: boolean): string {
  const { maxCost, maxResponseValues } = limitsFor(limits, hasCredentials);
  return `${maxCost}:${maxResponseValues}`;
}

type Serializable = ExecutionResult & { stringify?: (result: unknown) => string };

/**
 * The response body, serialized once for the client and the cache: Yoga sends
 * a result through its `stringify` when it has one. The body is what Yoga
 * would write: without the HTTP headers it keeps in `extensions.http`.
 */
function serialized(result: Serializable): string {
  const { http: _headers, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  const body = JSON.stringify(
    result.extensions ? { ...result, extensions: Object.keys(extensions).length > 0 ? extensions : undefined } : result,
  );
  result.stringify = () => body;
  return body;
}

/** A stored body as a result Yoga writes as it is, with its ETag. */
function servedFrom(body: string, key: string): ExecutionResult {
  return withEtag({ stringify: () => body, [SERVED_FROM_CACHE]: true } as ExecutionResult, key);
}

/** The ETag header (Yoga sends `extensions.http.headers` and leaves them out of the body). */
function withEtag(result: ExecutionResult, key: string): ExecutionResult {
  const extensions = (result.extensions ?? {}) as { http?: { headers?: Record<string, string> } };
  const http = extensions.http ?? {};
  http.headers = { ...http.headers, etag: `"${key}"` };
  extensions.http = http;
  (result as { extensions?: unknown }).extensions = extensions;
  return result;
}

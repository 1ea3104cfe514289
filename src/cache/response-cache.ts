// Whole responses of public reads (a dashboard's chart, asked again and again),
// kept until the data they read changes: never stale, never shared wrongly.
//
// - What is cached: operations whose every field is public ETF data (etf, etfs,
//   etfsByTicker and what hangs off an Etf). Anything that depends on the
//   caller (me, users, apiKeys, watchlists, node lookups) or needs more than
//   the reader scope makes the whole response uncacheable (PUBLIC_* below,
//   checked against the schema at start-up). Mutations and subscriptions are
//   never cached. Every caller allowed to read shares the entries; a request
//   with a bad credential never sees one.
// - When it is evicted: PostgreSQL itself announces every committed change to
//   an ETF's prices or corporate actions (statement triggers, NOTIFY on
//   etfql_data_changed: see the data_change_notifications migration), from any
//   writer: the API, the CLIs, plain SQL. Every server process listens and
//   evicts the responses that read those ETFs (each response is tagged with
//   the Etf ids it contains); a change to the ETFs themselves evicts all.
// - Races: a response whose execution overlapped an eviction is not stored
//   (it may have read the old data). A mutation answers only once this
//   process has heard (and applied) the evictions of its own commit: after it
//   commits, it sends a barrier notice on the same channel and waits for it,
//   and PostgreSQL delivers notices in commit order. So a client that loads
//   bars and then reads them never gets the response from before its load.
//   A query read from a replica (src/db/read-routing.ts) is stored only if
//   that replica was known to have replayed the primary as of after the last
//   eviction: a notice comes from the primary's commit, which a replica
//   replays a little later, and a response read from before it would stay
//   stale with no eviction to come. While the LISTEN connection is down the
//   cache is bypassed, and when it is back everything is evicted (notices
//   sent meanwhile are lost).
// - Where: in-process by default; in Redis when REDIS_URL is set, shared by
//   every process. If Redis fails the API serves uncached (logged once per
//   outage) and evicts everything when Redis is back.
import { createRedisCache } from '@envelop/response-cache-redis';
import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type ExecutionResult, type GraphQLSchema, getOperationAST, isObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { Database } from '../db/database.js';
import { cacheRequests } from '../metrics/metrics.js';
import { connectRedisLink } from '../redis/redis-link.js';
import { responseCacheKey, UNCACHED_PREFIX } from './cache-key.js';

const DATA_CHANGED_CHANNEL = 'etfql_data_changed';

/** Query fields whose answers are the same for every reader. */
const PUBLIC_ROOT_FIELDS = new Set(['etf', 'etfs', 'etfsByTicker']);
/** Types that hold public ETF data only; any other type in a response makes it uncacheable. */
const PUBLIC_TYPE =
  /^(Query|Etf|EtfConnection|EtfEdge|PageInfo|PriceBar|PriceSeries|Indicators|IndicatorColumns|Performance|CorporateAction|Split|Dividend|\w+Point|\w+Columns?)$/;

/** Notices of this channel that are barriers (see Races above), not changes. */
const BARRIER_PREFIX = 'barrier:';

/** Every cached response carries this entity: evicting it evicts everything. */
const EVERYTHING = { typename: 'EtfDirectory', id: 'all' };
/** The eviction generation when a response started executing, stamped on its result. */
const STARTED_AT = Symbol('etfql.cacheGenerationAtStart');
/** Where a response read (its request's ReadSource), stamped on its result. */
const READ_FROM = Symbol('etfql.cacheReadFrom');

type Stamped = { [STARTED_AT]?: number; [READ_FROM]?: Context['readSource'] };

type ResponseCache = {
  /** Yoga plugins, in order; they must come after the execution plugins. */
  plugins: Plugin[];
};

export function createResponseCache(options: {
  db: Database;
  config: Pick<Config, 'responseCache' | 'auth'>;
  auth: Authenticator;
  schema: GraphQLSchema;
  logger?: Logger;
}): ResponseCache {
  const { db, config, auth, schema, logger } = options;
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
  const redisStore = shared ? createRedisCache({ redis: shared.redis }) : undefined;
  const store: Cache = redisStore ?? createInMemoryCache({ max: settings.maxEntries });
  const failed = (error: unknown) => shared?.failed(error);
  const usable = () => db.isListening() && !shared?.isDown();

  // Evictions settle in the order they came, so a barrier can wait for all before it.
  let evictions: Promise<unknown> = Promise.resolve();
  const evict = (entities: { typename: string; id?: string }[]) => {
    generation++;
    evictedAt = performance.now();
    // A lost eviction marks Redis down: it is emptied before it is used again.
    const done = Promise.resolve(store.invalidate(entities)).catch(failed);
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
      evict(ids.map((id) => ({ typename: 'Etf', id: encodeGlobalID('Etf', id) })));
    },
    () => evict([EVERYTHING]),
  ).then(
    () => {
      // Commits before this were never announced here: a replica must have replayed them too.
      evictedAt = performance.now();
    },
    (error) => logger?.warn({ err: error }, 'response cache: not listening for changes yet; bypassed'),
  );

  const guarded: Cache = {
    get(key) {
      if (!usable()) return null;
      return Promise.resolve(store.get(key)).then(
        (hit) => {
          // Keys of anything but a query match nothing: not lookups (see cache-key.ts).
          if (!key.startsWith(UNCACHED_PREFIX)) cacheRequests.inc({ result: hit ? 'hit' : 'miss' });
          return hit;
        },
        (error) => {
          failed(error);
          return null;
        },
      );
    },
    set(key, result, entities, ttl) {
      // Evicted while it ran: it may hold what a write replaced.
      const stamped = result as Stamped;
      if (stamped[STARTED_AT] !== generation || !usable()) return;
      // Read from a replica that may not have replayed the last eviction's commit.
      const source = stamped[READ_FROM];
      if (source && db.reads && !db.reads.currentSince(source, evictedAt)) return;
      return Promise.resolve(store.set(key, serializedOnce(result), [...entities, EVERYTHING], ttl)).catch(failed);
    },
    invalidate: (entities) => store.invalidate(entities),
  };

  // Whether the caller may read, decided (and the credential checked) before a
  // cached response can be served: hits are answered before execution, so the
  // schema's own authorization never runs for them.
  const mayRead = new WeakMap<Request, boolean>();
  const stampGeneration: Plugin = {
    onExecute({ args }) {
      const started = generation;
      const source = (args.contextValue as unknown as Partial<Context>).readSource;
      return {
        onExecuteDone({ result }) {
          if (result && typeof result === 'object' && !(Symbol.asyncIterator in result)) {
            (result as Stamped)[STARTED_AT] = started;
            (result as Stamped)[READ_FROM] = source;
          }
        },
      };
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

  const plugins: Plugin[] = settings.enabled
    ? [
        stampGeneration,
        awaitOwnEvictions,
        useResponseCache({
          cache: guarded,
          ttl: settings.ttlSeconds * 1000,
          ttlPerSchemaCoordinate: uncacheableCoordinates(schema),
          // Evictions come from the database, for every writer alike; this only
          // keeps mutations on the plugin's path that never caches them (with
          // false, it would cache a mutation's result like a query's).
          invalidateViaMutation: true,
          session: async (request) => {
            mayRead.set(request, await readerAllowed(request, auth, config.auth.publicRead));
            return 'reader';
          },
          enabled: (request) => mayRead.get(request) === true,
          buildResponseCacheKey: responseCacheKey,
        }),
      ]
    : [];

  return { plugins };
}

/**
 * The response body, serialized once when stored: Yoga sends a result through
 * its `stringify` when it has one (as graphql-jit's do), and the in-process
 * store hands back this same object on every hit, so a hit costs no
 * serialization. The body is what Yoga would write: without the HTTP headers
 * it keeps in `extensions.http`. (Redis stores JSON and ignores the function.)
 */
function serializedOnce(result: ExecutionResult): ExecutionResult {
  const { http: _headers, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  const body = JSON.stringify({ ...result, extensions: Object.keys(extensions).length > 0 ? extensions : undefined });
  return Object.assign(result, { stringify: () => body });
}

async function readerAllowed(request: Request, auth: Authenticator, publicRead: boolean): Promise<boolean> {
  const header = request.headers.get('authorization');
  if (header === null) return publicRead;
  try {
    return (await auth.authenticate(header)) !== null;
  } catch {
    return false; // execution will answer with the credential's error
  }
}

/** TTL 0 (never cached) for every type and field that is not public ETF data. */
function uncacheableCoordinates(schema: GraphQLSchema): Record<string, number> {
  const never: Record<string, number> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (!PUBLIC_TYPE.test(type.name)) {
      never[type.name] = 0;
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const scopes = (field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
      const readerOnly =
        scopes === undefined || (typeof scopes === 'object' && JSON.stringify(scopes) === '{"reader":true}');
      if (!readerOnly || (type.name === 'Query' && !PUBLIC_ROOT_FIELDS.has(field.name))) {
        never[`${type.name}.${field.name}`] = 0;
      }
    }
  }
  return never;
}

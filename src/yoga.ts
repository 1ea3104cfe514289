// createYoga(...) and nothing that listens: tests call yoga.fetch in-process.
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createAlertFeed } from './alerts/alert-feed.js';
import { createAuthenticator } from './auth/authenticate.js';
import { createCallers } from './auth/caller.js';
import { createTokenService } from './auth/tokens.js';
import { createResponseCache } from './cache/response-cache.js';
import { type Config, loadConfig } from './config.js';
import { type Context, createContext } from './context.js';
import type { Database } from './db/database.js';
import { maskErrors } from './graphql/domain-errors.js';
import { useOneMutationField } from './graphql/one-mutation-field.js';
import { primaryRoute, readRouter } from './graphql/read-routing.js';
import { useCompiledExecution } from './graphql/use-compiled-execution.js';
import { useEventIds } from './graphql/use-event-ids.js';
import { useInputHygiene } from './graphql/use-input-hygiene.js';
import { GRAPHQL_PATH, useLimits } from './graphql/use-limits.js';
import { useMetrics } from './graphql/use-metrics.js';
import { useSharedSubscriptions } from './graphql/use-shared-subscriptions.js';
import { createHoldingsFeed } from './holdings/holdings-updated.js';
import { renderGraphiQL } from './http/graphiql.js';
import { useRoutes } from './http/routes.js';
import { addressOf, type ServerContext } from './http/server-context.js';
import { createDataExtent } from './limits/data-extent.js';
import { createPricesFeed } from './prices/prices-updated.js';
import { connectRedisLink } from './redis/redis-link.js';
import { schema } from './schema/index.js';
import { createLoginThrottle, createSharedLoginThrottle } from './users/login-throttle.js';

export type App = YogaServerInstance<ServerContext, Context>;

type AppOptions = {
  db: Database;
  /** Defaults to the configuration of an empty environment. */
  config?: Config;
  logger?: Logger;
  /** Plugins that run before all others: tests observe execution with them. */
  plugins?: Plugin[];
};

export function createApp({ db, config = loadConfig({}), logger, plugins = [] }: AppOptions): App {
  const tokens = createTokenService(config.auth.jwtSecrets, config.auth.jwtTtlSeconds);
  if (config.auth.jwtSecrets.length === 0) {
    logger?.warn('JWT_SECRET is not set: sign-in tokens are signed with a key made for this process only');
  }
  const auth = createAuthenticator(db.prisma, tokens);
  // Who sent a request, worked out once and asked by everything below.
  const callers = createCallers(auth, config.auth.publicRead);
  // Rate limits and sign-in throttling shared by every process, when there is a Redis.
  const shared = config.responseCache.redisUrl
    ? connectRedisLink(config.responseCache.redisUrl, {
        keyPrefix: 'etfql:state:',
        logger,
        // A process's first requests wait for the connection rather than count as an outage.
        waitForConnection: true,
        messages: {
          down: 'Redis is unavailable: rate limits and sign-in throttling are per process until it is back',
          back: 'Redis is back: rate limits and sign-in throttling are shared again',
        },
      })
    : undefined;
  const responseCache = createResponseCache({ db, config, callers, schema, logger });
  const pricesFeed = createPricesFeed(db, config.liveUpdates);
  const services = {
    db,
    tokens,
    auth,
    loginThrottle: shared ? createSharedLoginThrottle(shared) : createLoginThrottle(),
    pricesFeed,
    holdingsFeed: createHoldingsFeed(db, config.liveUpdates, pricesFeed.slots),
    alertFeed: createAlertFeed(db, config.liveUpdates, pricesFeed.slots),
    config,
  };
  // Without replicas, every request takes the one route, decided here once.
  const router = readRouter(db, logger);
  const primary = primaryRoute(db);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: { title: 'etfql' },
    renderGraphiQL,
    // No stack traces, SQL or internal messages reach a client, in any
    // environment; domain errors reach it with their codes.
    maskedErrors: { maskError: maskErrors },
    // One body limit, ours (MAX_BODY_BYTES, PAYLOAD_TOO_LARGE); Yoga's own
    // default (25 MB) would otherwise refuse bodies below it, with another code.
    maxRequestBodySize: config.limits.maxBodyBytes,
    // Same origin only unless CORS_ORIGINS lists others: no origin is reflected.
    cors: config.limits.corsOrigins.length > 0 ? { origin: config.limits.corsOrigins, credentials: true } : false,
    logging: logger ?? false,
    context: router
      ? async ({ request, params, req }) => {
          const caller = callers.of(request, addressOf({ req }));
          return createContext(services, caller, await router.route(caller, params));
        }
      : ({ request, req }) => createContext(services, callers.of(request, addressOf({ req })), primary),
    plugins: [
      ...plugins,
      useMetrics(config.metricsToken),
      useRoutes(db),
      ...useLimits(config.limits, callers, createDataExtent(db), logger, shared),
      { onDispose: () => shared?.close() },
      useInputHygiene(),
      useOneMutationField(),
      ...useCompiledExecution(logger),
      useSharedSubscriptions(schema),
      useEventIds(),
      ...responseCache.plugins,
      ...(router?.plugins ?? []),
    ],
  });
}

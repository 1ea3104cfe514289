// A fresh context per request: its loaders cache only within the request, and
// the caller is authenticated lazily, so reads never pay for a key lookup.

import type { AlertFeed } from './alerts/alert-feed.js';
import { type AlertLoaders, createAlertLoaders } from './alerts/alert-loaders.js';
import type { Authenticator } from './auth/authenticate.js';
import type { Caller } from './auth/caller.js';
import type { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Database, DatabaseView } from './db/database.js';
import type { ReadSource } from './db/replicas.js';
import { createHoldingsLoaders, type HoldingsLoaders } from './holdings/holdings-loaders.js';
import type { HoldingsFeed } from './holdings/holdings-updated.js';
import { createIndicatorLoaders, type IndicatorLoaders } from './indicators/loaders.js';
import { createReadBudget, type ReadBudget } from './limits/read-budget.js';
import { limitsFor } from './limits/request-limits.js';
import { createResponseBudget, type ResponseBudget } from './limits/response-budget.js';
import { createPerformanceLoaders, type PerformanceLoaders } from './performance/read-performance.js';
import { createPriceBarLoaders, type PriceBarLoaders } from './prices/loaders.js';
import type { PricesFeed } from './prices/prices-updated.js';
import type { LoginThrottle } from './users/login-throttle.js';

/** What every request of one app shares. */
type AppServices = {
  db: Database;
  auth: Authenticator;
  tokens: TokenService;
  loginThrottle: LoginThrottle;
  pricesFeed: PricesFeed;
  holdingsFeed: HoldingsFeed;
  alertFeed: AlertFeed;
  config: Pick<Config, 'auth' | 'limits' | 'alerts'>;
};

/** Where a request reads, and who it counts as for read-your-writes (src/graphql/read-routing.ts). */
export type RequestRoute = { source: ReadSource; callers: readonly string[] };

export type Context = Omit<AppServices, 'db'> & {
  /** What resolvers read and write through: the primary, or for a query a replica (src/graphql/read-routing.ts). */
  db: DatabaseView;
  /** The database `db` is, and how far it had replayed when chosen (the response cache asks). */
  readSource: ReadSource;
  /** Who this request counts as for read-your-writes; empty without replicas. */
  callers: readonly string[];
  /** Who sent the request (src/auth/caller.ts): ask it, never the headers. */
  caller: Caller;
  loaders: {
    priceBars: PriceBarLoaders;
    indicators: IndicatorLoaders;
    performance: PerformanceLoaders;
    holdings: HoldingsLoaders;
    alerts: AlertLoaders;
  };
  /** The most this request's query may cost (src/limits/query-cost.ts). */
  costLimit: number;
  /** What this response may still hold (src/limits/response-budget.ts). */
  budget: ResponseBudget;
  /** The bars it may still read for indicators computed on demand (src/limits/read-budget.ts). */
  reads: ReadBudget;
  /** The ETFs whose data this request read (the response cache evicts by them). */
  etfsRead: Set<number>;
  /** Notes ETFs this request read: loaders and the fields that return ETFs call it. */
  noteEtfsRead(etfIds: Iterable<number>): void;
  /** Indicator kernel results of this request (see indicator-points.ts). */
  computed: Map<string, Record<string, Float64Array>>;
};

export function createContext(services: AppServices, caller: Caller, route: RequestRoute): Context {
  const db = route.source.view;
  const limits = limitsFor(services.config.limits, caller.hasCredentials);
  // The read ceiling is the cost limit: both count bars.
  const reads = createReadBudget(limits.maxCost);
  const etfsRead = new Set<number>();
  const noteEtfsRead = (etfIds: Iterable<number>) => {
    for (const id of etfIds) etfsRead.add(id);
  };
  return {
    ...services,
    db,
    readSource: route.source,
    callers: route.callers,
    caller,
    loaders: {
      priceBars: createPriceBarLoaders(db.pool, noteEtfsRead),
      indicators: createIndicatorLoaders(db.pool, reads, noteEtfsRead),
      performance: createPerformanceLoaders(db.pool, noteEtfsRead),
      holdings: createHoldingsLoaders(db.pool, noteEtfsRead),
      alerts: createAlertLoaders(db.pool),
    },
    etfsRead,
    noteEtfsRead,
    computed: new Map(),
    costLimit: limits.maxCost,
    budget: createResponseBudget(limits.maxResponseValues),
    reads,
  };
}

// A fresh context per request: its loaders cache only within the request, and
// the caller is authenticated lazily, so reads never pay for a key lookup.
import type { YogaInitialContext } from 'graphql-yoga';
import { bearerToken, checkApiKey, type Principal } from './auth/api-keys.js';
import type { Database } from './db/database.js';
import { unauthenticated } from './errors.js';
import { createIndicatorLoaders, type IndicatorLoaders } from './loaders/indicator-loaders.js';
import { createPriceBarLoaders, type PriceBarLoaders } from './loaders/price-bars.js';

export type Context = {
  db: Database;
  loaders: { priceBars: PriceBarLoaders; indicators: IndicatorLoaders };
  /** Indicator kernel results of this request (see indicator-points.ts). */
  computed: Map<string, Record<string, Float64Array>>;
  /** Whether the request sent an Authorization header at all. */
  hasCredentials: boolean;
  /** The caller; null when anonymous. Rejects a key that is malformed, unknown, revoked or expired. */
  principal(): Promise<Principal | null>;
};

export function createContext(db: Database, request: Request): Context {
  let principal: Promise<Principal | null> | undefined;
  return {
    db,
    loaders: { priceBars: createPriceBarLoaders(db.pool), indicators: createIndicatorLoaders(db.pool) },
    computed: new Map(),
    hasCredentials: request.headers.has('authorization'),
    principal() {
      principal ??= authenticate(db, request.headers.get('authorization'));
      return principal;
    },
  };
}

async function authenticate(db: Database, header: string | null): Promise<Principal | null> {
  if (header === null) return null;
  const token = bearerToken(header);
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <api key>".');
  const check = await checkApiKey(db.prisma, token);
  if (!check.ok) throw unauthenticated(`The API key is ${check.reason}.`);
  return check.principal;
}

export type ServerContext = { db: Database };
export type RequestContext = YogaInitialContext & ServerContext;

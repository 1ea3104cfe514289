// Every variable etfql reads, declared once: its name, what it means, its
// default and the parser that holds its bounds. loadConfig (src/config.ts)
// reads them in one loop, the Config type is derived from them, and
// `npm run docs` prints them into the README's table and into .env.example.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  autoOr,
  boolean,
  bytesFromMb,
  httpUrlTemplate,
  integer,
  is,
  list,
  map,
  type Optional,
  oneOf,
  optional,
  origin,
  type Parser,
  postgresUrl,
  redisUrl,
  secret,
  text,
  tickerSymbols,
} from './parsers.js';

type Described<N extends string> = {
  env: N;
  /** Markdown, for the README's table; .env.example gets it as plain text. */
  description: string;
};

export type Setting<N extends string = string, T = unknown> = Described<N> & {
  parser: Parser<T> & { readonly unset?: T };
  /** Written as in the environment and parsed like it, so a default out of bounds fails every start (and its test). */
  default?: string | number | boolean;
};

/** A setting whose parser has no value for "unset" cannot be declared without a default. */
function setting<const N extends string, T>(
  declaration: Described<N> &
    ({ parser: Parser<T>; default: string | number | boolean } | { parser: Optional<T>; default?: undefined }),
): Setting<N, T> {
  return declaration;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const MANY = 1_000_000_000;

/** In the shape of Config; the order is the README's and .env.example's. */
const settings = {
  databaseUrl: setting({
    env: 'DATABASE_URL',
    parser: optional(postgresUrl()),
    description: 'an existing PostgreSQL (12+); unset: etfql starts an embedded one, with its data under `DATA_DIR`',
  }),
  // What transaction pooling breaks needs a session connection: LISTEN, the job worker, migrations, session locks.
  databaseDirectUrl: setting({
    env: 'DATABASE_DIRECT_URL',
    parser: optional(postgresUrl()),
    description:
      'the same primary without a transaction pooler, for LISTEN, jobs, migrations and session locks, when `DATABASE_URL` goes through PgBouncer; unset: `DATABASE_URL`',
  }),
  replicas: {
    urls: setting({
      env: 'DATABASE_REPLICA_URLS',
      parser: list(postgresUrl()),
      description:
        "streaming replicas of `DATABASE_URL`: queries read from a healthy one, never older than the caller's last write; mutations and subscriptions go to the primary (see [Scaling out](#scaling-out))",
    }),
    maxLagSeconds: setting({
      env: 'REPLICA_MAX_LAG_SECONDS',
      parser: integer({ min: 1, max: 3600, unit: 'seconds' }),
      default: 5,
      description:
        'a replica that has lacked WAL the primary wrote for longer than this is skipped until it catches up',
    }),
  },
  dataDir: setting({
    env: 'DATA_DIR',
    parser: map(text(), (dir) => path.resolve(dir)),
    default: '.data',
    description: 'where the embedded PostgreSQL keeps its cluster',
  }),
  embeddedPgPort: setting({
    env: 'EMBEDDED_PG_PORT',
    parser: optional(integer({ min: 1024, max: 65535 })),
    description:
      'port of the embedded PostgreSQL, on 127.0.0.1 only; unset: 54329, or a free one when that is taken, remembered in `DATA_DIR/pg-port`',
  }),
  host: setting({
    env: 'HOST',
    parser: text(),
    default: '127.0.0.1',
    description: 'HTTP interface (`0.0.0.0` in a container)',
  }),
  port: setting({ env: 'PORT', parser: integer({ min: 0, max: 65535 }), default: 4000, description: 'HTTP port' }),
  seedDemo: setting({
    env: 'SEED_DEMO',
    parser: boolean(),
    default: true,
    description:
      'seed about 20 demo ETFs, with 10 years of synthetic daily bars up to the last weekday, into an empty database; bring them up to date on later starts',
  }),
  adminApiKey: setting({
    env: 'ADMIN_API_KEY',
    parser: optional(secret({ minLength: 16 })),
    description:
      'ensure an ADMIN API key with this secret exists (stored hashed); send it as `Authorization: Bearer <key>`',
  }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    parser: oneOf(LOG_LEVELS),
    default: 'info',
    description: 'the least severe level that is logged',
  }),
  production: setting({
    env: 'NODE_ENV',
    parser: is('production'),
    description: "`production` turns off Prisma's development warnings",
  }),
  dbPoolSize: setting({
    env: 'DB_POOL_SIZE',
    parser: integer({ min: 1, max: 200 }),
    default: 10,
    description:
      "the API's connections in all (Prisma and the hand-written reads), split evenly between its workers (2 each at least), and as many again to each replica; the job worker's `JOB_CONCURRENCY` + 2 come on top",
  }),
  webConcurrency: setting({
    env: 'WEB_CONCURRENCY',
    parser: autoOr(integer({ min: 1, max: 64 }), availableParallelism),
    default: 1,
    description:
      'API worker processes behind one port (`node:cluster`; 1: the main process serves); `auto`: one per core. Several want `REDIS_URL`, so that rate limits and the cache are shared',
  }),
  jobs: {
    worker: setting({
      env: 'JOB_WORKER',
      parser: boolean(),
      default: true,
      description:
        'run background jobs (stored indicators after large loads) in the server; `false` when `npm run worker` runs them',
    }),
    concurrency: setting({
      env: 'JOB_CONCURRENCY',
      parser: integer({ min: 1, max: 32 }),
      default: 1,
      description: 'jobs one worker runs at once',
    }),
  },
  auth: {
    jwtSecrets: setting({
      env: 'JWT_SECRET',
      parser: list(secret({ minLength: 32 })),
      description:
        'secrets signing session tokens (HS256); several to rotate: the first signs, all verify; unset: one made per process, so sessions end on restart',
    }),
    jwtTtlSeconds: setting({
      env: 'JWT_TTL_SECONDS',
      parser: integer({ min: 60, max: 86_400, unit: 'seconds' }),
      default: 900,
      description: 'lifetime of a session token',
    }),
    allowSignup: setting({
      env: 'ALLOW_SIGNUP',
      parser: boolean(),
      default: false,
      description: 'let anyone create a VIEWER account with `signUp`',
    }),
    adminEmail: setting({
      env: 'ADMIN_EMAIL',
      parser: optional(text()),
      description: 'with `ADMIN_PASSWORD`: the first admin, made or promoted at start-up',
    }),
    adminPassword: setting({
      env: 'ADMIN_PASSWORD',
      parser: optional(secret({ minLength: 12, untrimmed: true })),
      description: 'the password of `ADMIN_EMAIL`',
    }),
    publicRead: setting({
      env: 'PUBLIC_READ',
      parser: boolean(),
      default: true,
      description: '`false`: reading needs a session or an API key too',
    }),
  },
  limits: {
    maxDepth: setting({
      env: 'MAX_QUERY_DEPTH',
      parser: integer({ min: 2, max: 100 }),
      default: 12,
      description: 'query depth',
    }),
    maxAliases: setting({
      env: 'MAX_ALIASES',
      parser: integer({ min: 1, max: 10_000 }),
      default: 50,
      description: 'aliases in a query',
    }),
    maxTokens: setting({
      env: 'MAX_TOKENS',
      parser: integer({ min: 100, max: 1_000_000 }),
      default: 10_000,
      description: 'tokens in a query',
    }),
    // Counted by src/limits/query-cost.ts.
    maxCost: setting({
      env: 'MAX_QUERY_COST',
      parser: integer({ min: 1, max: MANY }),
      default: 1_000_000,
      description: 'estimated ETFs × bars over every series: prices and each indicator (see [Limits](#limits))',
    }),
    maxTickers: setting({
      env: 'MAX_TICKERS',
      parser: integer({ min: 1, max: 10_000 }),
      default: 100,
      description: 'tickers in one request',
    }),
    maxBodyBytes: setting({
      env: 'MAX_BODY_BYTES',
      parser: integer({ min: 1024, max: 1024 * 1024 * 1024, unit: 'bytes' }),
      default: 32 * 1024 * 1024,
      description: 'request body size',
    }),
    maxResponseValues: setting({
      env: 'MAX_RESPONSE_VALUES',
      parser: integer({ min: 1, max: MANY }),
      default: 5_000_000,
      description:
        'values (bars × fields, points × outputs) one response may hold: a hard ceiling behind the estimate; past it the request answers `RESPONSE_TOO_LARGE`',
    }),
    // Lower for requests without credentials: anyone can send those, so each
    // must stay cheap to answer (about a second and tens of MB at most).
    // src/limits/use-limits.ts never lets them above the general limits.
    anonymous: {
      maxCost: setting({
        env: 'MAX_QUERY_COST_ANONYMOUS',
        parser: integer({ min: 1, max: MANY }),
        default: 100_000,
        description: 'the same, for requests without credentials (never above `MAX_QUERY_COST`)',
      }),
      maxResponseValues: setting({
        env: 'MAX_RESPONSE_VALUES_ANONYMOUS',
        parser: integer({ min: 1, max: MANY }),
        default: 400_000,
        description: 'the same, for requests without credentials (never above `MAX_RESPONSE_VALUES`)',
      }),
      // Nothing anonymous needs more (no mutation that loads data is open to it),
      // and a parsed body costs memory many times its size before any check runs.
      maxBodyBytes: setting({
        env: 'MAX_BODY_BYTES_ANONYMOUS',
        parser: integer({ min: 1024, max: 1024 * 1024 * 1024, unit: 'bytes' }),
        default: 256 * 1024,
        description: 'the same, for requests without credentials (never above `MAX_BODY_BYTES`)',
      }),
    },
    corsOrigins: setting({
      env: 'CORS_ORIGINS',
      parser: list(origin()),
      description: 'origins a browser may call the API from; unset: same origin only',
    }),
    rateLimitPerSecond: setting({
      env: 'RATE_LIMIT_PER_SECOND',
      parser: integer({ min: 1, max: 100_000 }),
      default: 20,
      description: 'requests a second per API key, user or address (token bucket)',
    }),
    rateLimitBurst: setting({
      env: 'RATE_LIMIT_BURST',
      parser: integer({ min: 1, max: 1_000_000 }),
      default: 100,
      description: 'its burst',
    }),
    introspection: setting({
      env: 'INTROSPECTION',
      parser: boolean(),
      default: true,
      description: 'schema introspection (GraphiQL needs it)',
    }),
  },
  metricsToken: setting({
    env: 'METRICS_TOKEN',
    parser: optional(text(), null),
    description: 'a bearer token `GET /metrics` requires (Prometheus: `authorization.credentials`); unset: open',
  }),
  // Whole responses of public reads, evicted exactly when their ETFs change (src/cache).
  responseCache: {
    enabled: setting({
      env: 'RESPONSE_CACHE',
      parser: boolean(),
      default: true,
      description:
        'cache whole responses of public reads, evicted when PostgreSQL announces a commit that changed their ETFs (see [Response cache](#response-cache))',
    }),
    redisUrl: setting({
      env: 'REDIS_URL',
      parser: optional(redisUrl()),
      description:
        'share the response cache, rate limits and sign-in throttling between processes through Redis; unset: each process keeps its own',
    }),
    ttlSeconds: setting({
      env: 'RESPONSE_CACHE_TTL_SECONDS',
      parser: integer({ min: 1, max: 7 * 86_400, unit: 'seconds' }),
      default: 3600,
      description: "an upper bound on an entry's life (freshness comes from eviction)",
    }),
    maxEntries: setting({
      env: 'RESPONSE_CACHE_MAX_ENTRIES',
      parser: integer({ min: 1, max: 1_000_000 }),
      default: 1000,
      description: 'entries kept in-process, least recently used first out',
    }),
    maxBytes: setting({
      env: 'RESPONSE_CACHE_MAX_MB',
      parser: bytesFromMb({ min: 1, max: 65_536 }),
      default: 256,
      description:
        'the most those entries hold in all (response bodies); once full, a response is admitted on its second request',
    }),
  },
  // pricesUpdated subscribers (src/prices/fan-out.ts): how many one caller may
  // hold, and how far one may fall behind before it is dropped.
  liveUpdates: {
    perCaller: setting({
      env: 'SUBSCRIPTIONS_PER_CALLER',
      parser: integer({ min: 1, max: 100_000 }),
      default: 20,
      description: 'subscriptions open at once per API key or user, in each server process',
    }),
    perAddress: setting({
      env: 'SUBSCRIPTIONS_PER_ADDRESS',
      parser: integer({ min: 1, max: 100_000 }),
      default: 5,
      description: 'the same, per client address, for requests without credentials',
    }),
    total: setting({
      env: 'SUBSCRIPTIONS_MAX',
      parser: integer({ min: 1, max: 1_000_000 }),
      default: 10_000,
      description: 'subscriptions open at once in each server process, all callers together',
    }),
    backlog: setting({
      env: 'SUBSCRIPTION_BACKLOG',
      parser: integer({ min: 1, max: 1_000_000 }),
      default: 5_000,
      description:
        'notices kept for subscribers that are behind (shared by all); one that falls further behind, having stopped reading, is dropped with `SUBSCRIBER_TOO_SLOW`',
    }),
  },
  alerts: {
    perOwner: setting({
      env: 'ALERTS_PER_OWNER',
      parser: integer({ min: 1, max: 100_000 }),
      default: 100,
      description: 'alerts one user or API key may hold',
    }),
    allowPrivateWebhooks: setting({
      env: 'ALERT_WEBHOOK_ALLOW_PRIVATE',
      parser: boolean(),
      default: false,
      description:
        'let alert webhooks reach loopback, private, link-local and metadata addresses (tests, a receiver on the same host); off, such URLs are refused when set and when delivered',
    }),
    webhookTimeoutMs: setting({
      env: 'ALERT_WEBHOOK_TIMEOUT_MS',
      parser: integer({ min: 100, max: 60_000, unit: 'milliseconds' }),
      default: 5_000,
      description: 'how long a webhook receiver has to answer one delivery before it counts as failed and is retried',
    }),
  },
  // The provider `npm run update` fetches from.
  priceSource: {
    source: setting({
      env: 'PRICE_SOURCE',
      parser: oneOf(['generic', 'tiingo', 'alphavantage', 'eodhd']),
      default: 'generic',
      description:
        "`npm run update`'s provider: `generic` (a CSV per ticker at `PRICE_SOURCE_URL`), `tiingo`, `alphavantage` or `eodhd` (with splits and dividends; see [Real data](#real-data))",
    }),
    key: setting({
      env: 'PRICE_SOURCE_KEY',
      parser: optional(secret({ minLength: 8 })),
      description:
        "the named provider's API key (Tiingo's token, EODHD's `api_token`); never shown in output, logs or errors",
    }),
    baseUrl: setting({
      env: 'PRICE_SOURCE_BASE_URL',
      parser: optional(origin()),
      description:
        "replaces only the scheme, host and port of the named provider's documented endpoint (a proxy, a test server); its paths and parameters stay the provider's",
    }),
    urlTemplate: setting({
      env: 'PRICE_SOURCE_URL',
      parser: optional(httpUrlTemplate('{ticker}', 'https://example.com/{ticker}.csv')),
      description:
        "`npm run update`'s generic provider (`PRICE_SOURCE=generic`), with `{ticker}` where the ticker goes",
    }),
    timeoutMs: setting({
      env: 'PRICE_SOURCE_TIMEOUT_MS',
      parser: integer({ min: 100, max: 600_000, unit: 'milliseconds' }),
      default: 30_000,
      description: "how long `npm run update` waits for one ticker's answer",
    }),
    concurrency: setting({
      env: 'PRICE_SOURCE_CONCURRENCY',
      parser: integer({ min: 1, max: 64 }),
      default: 4,
      description: 'requests to the provider at once',
    }),
    symbols: setting({
      env: 'PRICE_SOURCE_SYMBOLS',
      parser: tickerSymbols(),
      description: "the provider's symbol for tickers it spells otherwise, e.g. `BRK.B=BRK-B,BF.B=BF-B`",
    }),
  },
};

type Group = { [key: string]: Setting | Group };

type ValuesOf<G> = { [K in keyof G]: G[K] extends Setting<string, infer T> ? T : ValuesOf<G[K]> };
type NamesOf<G> = { [K in keyof G]: G[K] extends Setting<infer N> ? N : NamesOf<G[K]> }[keyof G];

/** The configuration everything else takes, shaped and typed by the declarations. */
export type Config = ValuesOf<typeof settings>;
export type SettingName = NamesOf<typeof settings>;

/** A setting and where its value goes in Config. */
export type Declaration = { path: string[]; setting: Setting<SettingName> };

function flatten(group: Group, at: string[] = []): Declaration[] {
  return Object.entries(group).flatMap(([key, entry]) =>
    'env' in entry
      ? [{ path: [...at, key], setting: entry as Setting<SettingName> }]
      : flatten(entry as Group, [...at, key]),
  );
}

/** Every setting, in declaration order. */
export const SETTINGS: readonly Declaration[] = flatten(settings satisfies Group);

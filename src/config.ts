// The environment, parsed and validated once. Everything else takes a Config
// and never reads process.env, so tests can build any configuration they need.
import { availableParallelism } from 'node:os';
import path from 'node:path';

export type Config = {
  /** Connection string of an external PostgreSQL; unset means "start an embedded one". */
  databaseUrl: string | undefined;
  /**
   * A session connection to the same primary, for what transaction pooling
   * (PgBouncer) breaks: LISTEN, the job worker, migrations, session locks.
   * Unset: databaseUrl.
   */
  databaseDirectUrl: string | undefined;
  /** Streaming replicas that queries read from, and how far behind one may be before it is skipped. */
  replicas: { urls: string[]; maxLagSeconds: number };
  /** Where the embedded PostgreSQL keeps its cluster. */
  dataDir: string;
  /** Unset: the port remembered for DATA_DIR, or 54329 when free, else any free port. */
  embeddedPgPort: number | undefined;
  host: string;
  port: number;
  seedDemo: boolean;
  /** When set, start-up makes sure an ADMIN API key with this secret exists. */
  adminApiKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  dbPoolSize: number;
  /** API worker processes; 1 serves from the main process itself. */
  webConcurrency: number;
  jobs: { worker: boolean; concurrency: number };
  /** The bearer token GET /metrics requires; null: none. */
  metricsToken: string | null;
  auth: {
    /** Secrets for HS256 tokens: the first signs, every one verifies (rotation). Empty: one made per process. */
    jwtSecrets: string[];
    jwtTtlSeconds: number;
    allowSignup: boolean;
    /** The first admin, created at start-up when both are set and no user has that email. */
    adminEmail: string | undefined;
    adminPassword: string | undefined;
    publicRead: boolean;
  };
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    /** Estimated bars × series a query may ask for; see src/limits/query-cost.ts. */
    maxCost: number;
    maxTickers: number;
    maxBodyBytes: number;
    /** Values (bars × fields, points × outputs) one response may hold: a hard ceiling behind maxCost. */
    maxResponseValues: number;
    /**
     * The same two limits for requests without credentials, lower: anyone can
     * send those, so each must stay cheap to answer (about a second and tens of
     * MB at most); callers who sign in or use a key get the larger ones.
     */
    anonymous: { maxCost: number; maxResponseValues: number };
    /** Origins a browser may call the API from (CORS); empty: same origin only. */
    corsOrigins: string[];
    /** Token bucket per API key, user or IP: sustained requests per second and burst. */
    rateLimitPerSecond: number;
    rateLimitBurst: number;
    introspection: boolean;
  };
  /** Whole responses of public reads, evicted exactly when their ETFs change (src/cache). */
  responseCache: {
    enabled: boolean;
    /** Shared by every process when set (redis://…); in-process otherwise. */
    redisUrl: string | undefined;
    /** An upper bound on an entry's life; freshness comes from eviction, not from this. */
    ttlSeconds: number;
    /** Entries kept in-process (least recently used go first). */
    maxEntries: number;
    /** What those entries may hold in all, in bytes of response body. */
    maxBytes: number;
  };
  /** The provider `npm run update` fetches from. */
  priceSource: {
    /** An http(s) URL with {ticker} where the ticker goes; undefined when not configured. */
    urlTemplate: string | undefined;
    timeoutMs: number;
    concurrency: number;
    /** The provider's symbol per ticker, where it differs (BRK.B → BRK-B). */
    symbols: Record<string, string>;
  };
};

/**
 * Every variable etfql reads, with its default and meaning: the one list that
 * loadConfig takes its defaults from and the README's configuration table is
 * generated from (`npm run docs`; test/config.test.ts keeps them equal).
 */
export const SETTINGS = {
  DATABASE_URL: { default: undefined, meaning: 'an existing PostgreSQL; unset: the embedded one' },
  DATABASE_DIRECT_URL: {
    default: undefined,
    meaning:
      'the same primary without a transaction pooler, for LISTEN, jobs, migrations and session locks, when `DATABASE_URL` goes through PgBouncer; unset: `DATABASE_URL`',
  },
  DATABASE_REPLICA_URLS: {
    default: undefined,
    meaning:
      "streaming replicas of `DATABASE_URL`, comma-separated: queries read from a healthy one, never older than the caller's last write (see [Scaling out](#scaling-out))",
  },
  REPLICA_MAX_LAG_SECONDS: {
    default: 5,
    meaning: 'a replica that has lacked WAL the primary wrote for longer than this is skipped until it catches up',
  },
  DATA_DIR: { default: '.data', meaning: 'where the embedded PostgreSQL keeps its cluster' },
  EMBEDDED_PG_PORT: {
    default: 54329,
    meaning:
      'its port, on 127.0.0.1 only; unset: 54329, or a free one when that is taken, remembered in `DATA_DIR/pg-port`',
  },
  HOST: { default: '127.0.0.1', meaning: 'HTTP interface (`0.0.0.0` in a container)' },
  PORT: { default: 4000, meaning: 'HTTP port' },
  SEED_DEMO: { default: true, meaning: 'seed the demo ETFs into an empty database' },
  ADMIN_API_KEY: {
    default: undefined,
    meaning: 'ensure an ADMIN key with this secret exists (16+ characters; stored hashed)',
  },
  LOG_LEVEL: { default: 'info', meaning: '`fatal` … `trace`, or `silent`' },
  NODE_ENV: { default: undefined, meaning: '`production` turns off development warnings' },
  DB_POOL_SIZE: {
    default: 10,
    meaning:
      "the API's connections in all (Prisma and the hand-written reads), split evenly between its workers (2 each at least), and as many again to each replica; the job worker's JOB_CONCURRENCY + 2 come on top",
  },
  WEB_CONCURRENCY: {
    default: 1,
    meaning: 'API worker processes behind one port (`node:cluster`); `auto`: one per core',
  },
  JOB_WORKER: {
    default: true,
    meaning:
      'run background jobs (stored indicators after large loads) in the server; `false` when `npm run worker` runs them',
  },
  JOB_CONCURRENCY: { default: 1, meaning: 'jobs one worker runs at once' },
  JWT_SECRET: {
    default: undefined,
    meaning:
      'secret(s) signing session tokens, 32+ characters each; comma-separated to rotate (the first signs, all verify); unset: one per process, so sessions end on restart',
  },
  JWT_TTL_SECONDS: { default: 900, meaning: 'lifetime of a session token (60 to 86,400 s)' },
  ALLOW_SIGNUP: { default: false, meaning: 'let anyone create a VIEWER account with `signUp`' },
  ADMIN_EMAIL: {
    default: undefined,
    meaning: 'with `ADMIN_PASSWORD` (12+ characters): the first admin, made or promoted at start-up',
  },
  ADMIN_PASSWORD: { default: undefined, meaning: 'see `ADMIN_EMAIL`' },
  PUBLIC_READ: { default: true, meaning: '`false`: reading needs a session or an API key too' },
  MAX_QUERY_DEPTH: { default: 12, meaning: 'query depth' },
  MAX_ALIASES: { default: 50, meaning: 'aliases in a query' },
  MAX_TOKENS: { default: 10_000, meaning: 'tokens in a query' },
  MAX_QUERY_COST: { default: 1_000_000, meaning: 'estimated ETFs × bars over every series (see [Limits](#limits))' },
  MAX_QUERY_COST_ANONYMOUS: { default: 100_000, meaning: 'the same, for requests without credentials' },
  MAX_TICKERS: { default: 100, meaning: 'tickers in one request' },
  MAX_BODY_BYTES: { default: 32 * 1024 * 1024, meaning: 'request body size' },
  MAX_RESPONSE_VALUES: { default: 5_000_000, meaning: 'values one response may hold, a hard ceiling' },
  MAX_RESPONSE_VALUES_ANONYMOUS: { default: 400_000, meaning: 'the same, for requests without credentials' },
  CORS_ORIGINS: {
    default: undefined,
    meaning: 'origins a browser may call the API from, comma-separated; unset: same origin only',
  },
  RATE_LIMIT_PER_SECOND: { default: 20, meaning: 'requests a second per user, key or address (token bucket)' },
  RATE_LIMIT_BURST: { default: 100, meaning: 'its burst' },
  INTROSPECTION: { default: true, meaning: 'schema introspection (GraphiQL needs it)' },
  METRICS_TOKEN: {
    default: undefined,
    meaning: 'a bearer token `GET /metrics` requires (Prometheus: `authorization.credentials`); unset: open',
  },
  RESPONSE_CACHE: {
    default: true,
    meaning: 'cache whole responses of public reads (see [Response cache](#response-cache))',
  },
  REDIS_URL: {
    default: undefined,
    meaning:
      '`redis://…`: share the response cache, rate limits and sign-in throttling between processes through Redis',
  },
  RESPONSE_CACHE_TTL_SECONDS: {
    default: 3600,
    meaning: "an upper bound on an entry's life (freshness comes from eviction)",
  },
  RESPONSE_CACHE_MAX_ENTRIES: { default: 1000, meaning: 'entries kept in-process, least recently used first out' },
  RESPONSE_CACHE_MAX_MB: { default: 256, meaning: 'the most those entries hold in all (response bodies, MB)' },
  PRICE_SOURCE_URL: {
    default: undefined,
    meaning: "`npm run update`'s provider: an http(s) URL with `{ticker}` in it",
  },
  PRICE_SOURCE_TIMEOUT_MS: { default: 30_000, meaning: "how long `npm run update` waits for one ticker's answer" },
  PRICE_SOURCE_CONCURRENCY: { default: 4, meaning: 'requests to the provider at once' },
  PRICE_SOURCE_SYMBOLS: {
    default: undefined,
    meaning: "the provider's symbol for tickers it spells otherwise, e.g. `BRK.B=BRK-B,BF.B=BF-B`",
  },
} as const satisfies Record<string, { default: string | number | boolean | undefined; meaning: string }>;

type SettingName = keyof typeof SETTINGS;

/** PRICE_SOURCE_SYMBOLS: TICKER=SYMBOL pairs, comma-separated. */
function symbolMap(text: string | undefined, problems: string[]): Record<string, string> {
  const symbols: Record<string, string> = {};
  for (const pair of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9.^-]{1,16})=([^\s,=]{1,32})$/.exec(pair);
    if (match) symbols[(match[1] as string).toUpperCase()] = match[2] as string;
    else problems.push(`PRICE_SOURCE_SYMBOLS: "${pair.slice(0, 40)}" is not TICKER=SYMBOL (e.g. BRK.B=BRK-B)`);
  }
  return symbols;
}
type Defaulted<T> = { [K in SettingName]: (typeof SETTINGS)[K]['default'] extends T ? K : never }[SettingName];

/**
 * What the Prisma plugin does when a resolver drops Pothos's selection (and so
 * reads more than the query asked for, or misses relations): nothing in
 * production, a warning in development, an error under test (NODE_ENV=test,
 * which vitest sets), so the suite catches it. Read here because the schema is
 * built once, before any Config exists.
 */
export function unusedPrismaQuery(env: Env = process.env): 'error' | 'warn' | null {
  if (env.NODE_ENV === 'production') return null;
  return env.NODE_ENV === 'test' ? 'error' : 'warn';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const POSTGRES_URL_RULE = 'must be a postgres:// or postgresql:// URL, e.g. postgresql://user:password@host:5432/etfql';

/** A connection string node-postgres reads as a URL: scheme, then a host (or a `host` parameter, for a socket). */
function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return ['postgres:', 'postgresql:'].includes(url.protocol) && (url.hostname !== '' || url.searchParams.has('host'));
  } catch {
    return false;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  function integer(name: Defaulted<number>, min: number, max: number): number {
    const fallback: number = SETTINGS[name].default;
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  function boolean(name: Defaulted<boolean>): boolean {
    const fallback: boolean = SETTINGS[name].default;
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  }

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !isPostgresUrl(databaseUrl)) problems.push(`DATABASE_URL ${POSTGRES_URL_RULE}`);
  const databaseDirectUrl = env.DATABASE_DIRECT_URL?.trim() || undefined;
  if (databaseDirectUrl && !isPostgresUrl(databaseDirectUrl)) {
    problems.push(`DATABASE_DIRECT_URL ${POSTGRES_URL_RULE}`);
  }
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  replicaUrls.forEach((url, index) => {
    // By position: a URL holds a password, which a start-up error must not echo.
    if (!isPostgresUrl(url)) problems.push(`DATABASE_REPLICA_URLS: entry ${index + 1} ${POSTGRES_URL_RULE}`);
  });
  // The embedded cluster is private to this process: nothing can stream from it or pool in front of it.
  if (!databaseUrl) {
    for (const name of ['DATABASE_DIRECT_URL', 'DATABASE_REPLICA_URLS'] as const) {
      if (env[name]?.trim())
        problems.push(`${name} needs DATABASE_URL (the embedded PostgreSQL has no replicas or pooler)`);
    }
  }

  const adminApiKey = env.ADMIN_API_KEY?.trim() || undefined;
  if (adminApiKey && adminApiKey.length < 16) {
    problems.push('ADMIN_API_KEY must be at least 16 characters long');
  }

  const logLevel = (env.LOG_LEVEL?.trim() || SETTINGS.LOG_LEVEL.default) as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const jwtSecrets = (env.JWT_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (jwtSecrets.some((secret) => secret.length < 32)) {
    problems.push('JWT_SECRET must be at least 32 characters long (each, when it lists several)');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters long');
  const production = env.NODE_ENV === 'production';
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    let valid = false;
    try {
      valid = new URL(origin).origin === origin;
    } catch {}
    if (!valid) problems.push(`CORS_ORIGINS must list origins like https://dash.example.com, got ${origin}`);
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
  }
  const priceSourceUrl = env.PRICE_SOURCE_URL?.trim() || undefined;
  if (priceSourceUrl !== undefined) {
    let valid = false;
    try {
      valid = ['http:', 'https:'].includes(new URL(priceSourceUrl.replaceAll('{ticker}', 'SPY')).protocol);
    } catch {}
    if (!valid || !priceSourceUrl.includes('{ticker}')) {
      problems.push(
        'PRICE_SOURCE_URL must be an http(s) URL with {ticker} in it, e.g. https://example.com/{ticker}.csv',
      );
    }
  }

  const config: Config = {
    databaseUrl,
    databaseDirectUrl,
    replicas: { urls: replicaUrls, maxLagSeconds: integer('REPLICA_MAX_LAG_SECONDS', 1, 3600) },
    dataDir: path.resolve(env.DATA_DIR?.trim() || SETTINGS.DATA_DIR.default),
    embeddedPgPort: env.EMBEDDED_PG_PORT?.trim() ? integer('EMBEDDED_PG_PORT', 1024, 65535) : undefined,
    host: env.HOST?.trim() || SETTINGS.HOST.default,
    port: integer('PORT', 0, 65535),
    seedDemo: boolean('SEED_DEMO'),
    adminApiKey,
    logLevel,
    production,
    dbPoolSize: integer('DB_POOL_SIZE', 1, 200),
    webConcurrency:
      env.WEB_CONCURRENCY?.trim().toLowerCase() === 'auto' ? availableParallelism() : integer('WEB_CONCURRENCY', 1, 64),
    jobs: { worker: boolean('JOB_WORKER'), concurrency: integer('JOB_CONCURRENCY', 1, 32) },
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    auth: {
      jwtSecrets,
      jwtTtlSeconds: integer('JWT_TTL_SECONDS', 60, 86_400),
      allowSignup: boolean('ALLOW_SIGNUP'),
      adminEmail,
      adminPassword,
      publicRead: boolean('PUBLIC_READ'),
    },
    limits: {
      maxDepth: integer('MAX_QUERY_DEPTH', 2, 100),
      maxAliases: integer('MAX_ALIASES', 1, 10_000),
      maxTokens: integer('MAX_TOKENS', 100, 1_000_000),
      maxCost: integer('MAX_QUERY_COST', 1, 1_000_000_000),
      maxTickers: integer('MAX_TICKERS', 1, 10_000),
      maxBodyBytes: integer('MAX_BODY_BYTES', 1024, 1024 * 1024 * 1024),
      maxResponseValues: integer('MAX_RESPONSE_VALUES', 1, 1_000_000_000),
      anonymous: {
        maxCost: integer('MAX_QUERY_COST_ANONYMOUS', 1, 1_000_000_000),
        maxResponseValues: integer('MAX_RESPONSE_VALUES_ANONYMOUS', 1, 1_000_000_000),
      },
      corsOrigins,
      rateLimitPerSecond: integer('RATE_LIMIT_PER_SECOND', 1, 100_000),
      rateLimitBurst: integer('RATE_LIMIT_BURST', 1, 1_000_000),
      introspection: boolean('INTROSPECTION'),
    },
    responseCache: {
      enabled: boolean('RESPONSE_CACHE'),
      redisUrl,
      ttlSeconds: integer('RESPONSE_CACHE_TTL_SECONDS', 1, 7 * 86_400),
      maxEntries: integer('RESPONSE_CACHE_MAX_ENTRIES', 1, 1_000_000),
      maxBytes: integer('RESPONSE_CACHE_MAX_MB', 1, 65_536) * 1024 * 1024,
    },
    priceSource: {
      urlTemplate: priceSourceUrl,
      timeoutMs: integer('PRICE_SOURCE_TIMEOUT_MS', 100, 600_000),
      concurrency: integer('PRICE_SOURCE_CONCURRENCY', 1, 64),
      symbols: symbolMap(env.PRICE_SOURCE_SYMBOLS, problems),
    },
  };

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

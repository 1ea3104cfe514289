// The environment, parsed and validated once. Everything else takes a Config
// and never reads process.env, so tests can build any configuration they need.
import path from 'node:path';

export type Config = {
  /** Connection string of an external PostgreSQL; unset means "start an embedded one". */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster. */
  dataDir: string;
  embeddedPgPort: number;
  host: string;
  port: number;
  seedDemo: boolean;
  /** When set, start-up makes sure an ADMIN API key with this secret exists. */
  adminApiKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  dbPoolSize: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  function boolean(name: string, fallback: boolean): boolean {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  }

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }

  const adminApiKey = env.ADMIN_API_KEY?.trim() || undefined;
  if (adminApiKey && adminApiKey.length < 16) {
    problems.push('ADMIN_API_KEY must be at least 16 characters long');
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const config: Config = {
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || '.data'),
    embeddedPgPort: integer('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer('PORT', 4000, 0, 65535),
    seedDemo: boolean('SEED_DEMO', true),
    adminApiKey,
    logLevel,
    production: env.NODE_ENV === 'production',
    dbPoolSize: integer('DB_POOL_SIZE', 10, 1, 200),
  };

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

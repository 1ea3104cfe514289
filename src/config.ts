// The environment, parsed and validated once. Everything else takes a Config
// and never reads process.env, so tests can build any configuration they need.
// What each variable means, its default and its bounds: src/config/settings.ts.
import { Invalid } from './config/parsers.js';
import { type Config, SETTINGS, type Setting, type SettingName } from './config/settings.js';

export type { Config } from './config/settings.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

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

/** The value of a setting unset (or refused): its default, parsed like a value, or its parser's "unset". */
function fallback(setting: Setting): unknown {
  if (setting.default === undefined) return setting.parser.unset;
  const value = setting.parser.parse(String(setting.default));
  if (value instanceof Invalid) throw new Error(`${setting.env}: the declared default is not ${setting.parser.rule}`);
  return value;
}

/** One line per problem, naming the variable, its bounds and (unless it is secret) its value. */
function problemsWith(setting: Setting, text: string, invalid: Invalid): string[] {
  if (invalid.reasons.length > 0) return invalid.reasons.map((reason) => `${setting.env}: ${reason}`);
  const got = setting.parser.secret ? '' : `, got "${text}"`;
  return [`${setting.env} must be ${setting.parser.rule}${got}`];
}

/** Rules that relate settings to one another, from which were set. */
function relationProblems(given: ReadonlySet<SettingName>): string[] {
  const problems: string[] = [];
  // The embedded cluster is private to this process: nothing can stream from it or pool in front of it.
  if (!given.has('DATABASE_URL')) {
    for (const name of ['DATABASE_DIRECT_URL', 'DATABASE_REPLICA_URLS'] as const) {
      if (given.has(name))
        problems.push(`${name} needs DATABASE_URL (the embedded PostgreSQL has no replicas or pooler)`);
    }
  }
  if (given.has('ADMIN_EMAIL') !== given.has('ADMIN_PASSWORD')) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return problems;
}

/** Sets config.limits.anonymous.maxCost from ['limits', 'anonymous', 'maxCost'], making the groups on the way. */
function setAt(object: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    object[key] = value;
    return;
  }
  object[key] ??= {};
  setAt(object[key] as Record<string, unknown>, rest, value);
}

/** The configuration from these variables; every problem with them at once, as one ConfigError. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const given = new Set<SettingName>();
  const config: Record<string, unknown> = {};
  for (const { path, setting } of SETTINGS) {
    let value = fallback(setting);
    const raw = env[setting.env];
    const text = setting.parser.untrimmed ? raw : raw?.trim();
    if (text) {
      given.add(setting.env);
      const parsed = setting.parser.parse(text);
      if (parsed instanceof Invalid) problems.push(...problemsWith(setting, text, parsed));
      else value = parsed;
    }
    setAt(config, path, value);
  }
  problems.push(...relationProblems(given));
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config as Config;
}

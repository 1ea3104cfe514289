import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config/settings.js';
import { ConfigError, loadConfig, unusedPrismaQuery } from '../../src/config.js';
import { envExample } from '../../src/docs/env-example.js';
import { configurationTable, currentSection, rolesTable } from '../../src/docs/readme-tables.js';
import { schema } from '../../src/schema/index.js';

describe('loadConfig', () => {
  it('has defaults that start an embedded database with demo data on localhost', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      host: '127.0.0.1',
      port: 4000,
      seedDemo: true,
      adminApiKey: undefined,
      production: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/etfql',
      PORT: '8080',
      HOST: '0.0.0.0',
      SEED_DEMO: 'false',
      ADMIN_API_KEY: 'a-long-enough-admin-key',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DB_POOL_SIZE: '20',
      DATA_DIR: '/tmp/x',
      EMBEDDED_PG_PORT: '6000',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://u:p@db:5432/etfql',
      dataDir: '/tmp/x',
      embeddedPgPort: 6000,
      host: '0.0.0.0',
      port: 8080,
      seedDemo: false,
      adminApiKey: 'a-long-enough-admin-key',
      logLevel: 'warn',
      production: true,
      dbPoolSize: 20,
    });
  });

  it('reports every bad variable at once', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        SEED_DEMO: 'maybe',
        DATABASE_URL: 'mysql://x',
        ADMIN_API_KEY: 'short',
        LOG_LEVEL: 'loud',
        DB_POOL_SIZE: '0',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'SEED_DEMO', 'DATABASE_URL', 'ADMIN_API_KEY', 'LOG_LEVEL', 'DB_POOL_SIZE']) {
        expect(message).toContain(name);
      }
      expect(message).not.toContain('short'); // a secret's value is not echoed
    }
  });

  it('reads RESPONSE_CACHE_MAX_MB as bytes, and refuses zero, a fraction or words', () => {
    expect(loadConfig({}).responseCache.maxBytes).toBe(256 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MAX_MB: '64' }).responseCache.maxBytes).toBe(64 * 1024 * 1024);
    for (const bad of ['0', '1.5', 'lots', '-3', '70000']) {
      expect(() => loadConfig({ RESPONSE_CACHE_MAX_MB: bad }), bad).toThrow(/RESPONSE_CACHE_MAX_MB/);
    }
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be an integer from 0 to 65535/);
  });

  it('reads the price source of npm run update, and refuses a template it cannot use', () => {
    expect(
      loadConfig({
        PRICE_SOURCE_URL: 'https://prices.example.com/d/{ticker}.csv?key=abc',
        PRICE_SOURCE_TIMEOUT_MS: '5000',
        PRICE_SOURCE_CONCURRENCY: '8',
      }).priceSource,
    ).toEqual({
      source: 'generic',
      key: undefined,
      baseUrl: undefined,
      urlTemplate: 'https://prices.example.com/d/{ticker}.csv?key=abc',
      timeoutMs: 5000,
      concurrency: 8,
      symbols: {},
    });
    expect(loadConfig({}).priceSource).toEqual({
      source: 'generic',
      key: undefined,
      baseUrl: undefined,
      urlTemplate: undefined,
      timeoutMs: 30_000,
      concurrency: 4,
      symbols: {},
    });
    expect(loadConfig({ PRICE_SOURCE_SYMBOLS: 'brk.b=BRK-B, BF.B=BF-B' }).priceSource.symbols).toEqual({
      'BRK.B': 'BRK-B',
      'BF.B': 'BF-B',
    });
    expect(() => loadConfig({ PRICE_SOURCE_SYMBOLS: 'BRK.B' })).toThrow(
      /PRICE_SOURCE_SYMBOLS: "BRK.B" is not TICKER=SYMBOL/,
    );
    for (const bad of ['https://example.com/prices.csv', 'ftp://example.com/{ticker}', 'not a url {ticker}']) {
      expect(() => loadConfig({ PRICE_SOURCE_URL: bad })).toThrow(/PRICE_SOURCE_URL must be an http\(s\) URL/);
    }
    expect(() => loadConfig({ PRICE_SOURCE_TIMEOUT_MS: '0' })).toThrow(ConfigError);
  });
});

describe('the database topology: a direct URL beside PgBouncer, read replicas', () => {
  const primary = 'postgresql://u:secret@pgbouncer:6432/etfql';

  it('reads DATABASE_DIRECT_URL, DATABASE_REPLICA_URLS and REPLICA_MAX_LAG_SECONDS', () => {
    expect(
      loadConfig({
        DATABASE_URL: primary,
        DATABASE_DIRECT_URL: 'postgresql://u:secret@db:5432/etfql',
        DATABASE_REPLICA_URLS: ' postgresql://u:secret@replica-a:5432/etfql , postgres://u:secret@replica-b/etfql ',
        REPLICA_MAX_LAG_SECONDS: '10',
      }),
    ).toMatchObject({
      databaseDirectUrl: 'postgresql://u:secret@db:5432/etfql',
      replicas: {
        urls: ['postgresql://u:secret@replica-a:5432/etfql', 'postgres://u:secret@replica-b/etfql'],
        maxLagSeconds: 10,
      },
    });
    // None of it by default: one database, read and written alike.
    expect(loadConfig({ DATABASE_URL: primary })).toMatchObject({
      databaseDirectUrl: undefined,
      replicas: { urls: [], maxLagSeconds: 5 },
    });
  });

  it('refuses malformed URLs by position, without echoing them (they hold passwords)', () => {
    const attempt = () =>
      loadConfig({
        DATABASE_URL: primary,
        DATABASE_DIRECT_URL: 'db:5432/etfql',
        DATABASE_REPLICA_URLS:
          'postgresql://u:secret@replica-a/etfql,mysql://u:secret@replica-b/etfql,postgresql://u:secret@x:port/y',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('DATABASE_DIRECT_URL must be a postgres:// or postgresql:// URL');
    expect(message).toContain('DATABASE_REPLICA_URLS: entry 2 must be a postgres:// or postgresql:// URL');
    expect(message).toContain('DATABASE_REPLICA_URLS: entry 3 must be');
    expect(message).not.toContain('entry 1');
    expect(message).not.toContain('secret');
  });

  it('refuses a lag that is negative, zero or not a number', () => {
    for (const lag of ['-1', '0', '1.5', 'soon']) {
      expect(() => loadConfig({ DATABASE_URL: primary, REPLICA_MAX_LAG_SECONDS: lag }), lag).toThrow(
        /REPLICA_MAX_LAG_SECONDS must be an integer from 1 to 3600/,
      );
    }
  });

  it('needs DATABASE_URL for replicas or a direct URL: the embedded PostgreSQL has neither', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://u:p@replica/etfql' })).toThrow(
      /DATABASE_REPLICA_URLS needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_DIRECT_URL: 'postgresql://u:p@db/etfql' })).toThrow(
      /DATABASE_DIRECT_URL needs DATABASE_URL/,
    );
  });
});

describe('the documented settings', () => {
  it("the README's configuration table is the one generated from SETTINGS (npm run docs)", async () => {
    const readme = await readFile('README.md', 'utf8');
    expect(currentSection(readme, 'configuration')).toBe(configurationTable().text);
  });

  it("the README's roles table is the one generated from the schema's auth scopes (npm run docs)", async () => {
    const readme = await readFile('README.md', 'utf8');
    const roles = rolesTable(schema);
    expect(currentSection(readme, 'roles')).toBe(roles.text);
    // Every EDITOR mutation is listed (the hand-written table had two of nine).
    for (const field of ['upsertEtfs', 'deleteEtf', 'deletePrices', 'recordSplit', 'deleteDividend']) {
      expect(roles.text).toContain(`\`${field}\``);
    }
  });

  it('.env.example is the one generated from SETTINGS (npm run docs)', async () => {
    expect(await readFile('.env.example', 'utf8')).toBe(envExample());
  });

  it('SETTINGS declares every variable the configuration reads, each once', async () => {
    const sources = await Promise.all(
      ['src/config.ts', 'src/config/settings.ts', 'src/config/parsers.ts'].map((file) => readFile(file, 'utf8')),
    );
    const names = SETTINGS.map(({ setting }) => setting.env);
    for (const [, name] of sources.join('\n').matchAll(/env\.([A-Z_]+)|env: '([A-Z_]+)'/g)) {
      if (name) expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(40);
  });

  it('the README and .env.example show every setting with its default and its bounds', async () => {
    const readme = await readFile('README.md', 'utf8');
    const example = await readFile('.env.example', 'utf8');
    for (const { setting } of SETTINGS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${setting.env}\` `));
      expect(row, setting.env).toBeDefined();
      const cells = (row as string).split(' | ').map((cell) => cell.trim().replaceAll('`', ''));
      expect(cells[1], setting.env).toBe(setting.default === undefined ? '—' : String(setting.default));
      expect(cells[2], setting.env).toBe(setting.parser.rule ?? '—');
      // In .env.example: the comment lines right above the variable, joined, then the variable with its default.
      const block = example.split('\n\n').find((part) => part.includes(`\n${setting.env}=`)) as string;
      expect(block, setting.env).toMatch(new RegExp(`^${setting.env}=${setting.default ?? ''}$`, 'm'));
      const comments = block.replaceAll(/\n# /g, ' ');
      if (setting.parser.rule) expect(comments, setting.env).toContain(`Must be ${setting.parser.rule}`);
    }
  });
});

describe('a bad value', () => {
  it('is named with its bounds, and echoed unless it is a secret, for every setting that has bounds', () => {
    const bounded = SETTINGS.filter(({ setting }) => setting.parser.rule !== undefined);
    expect(bounded.length).toBeGreaterThan(35);
    for (const { setting } of bounded) {
      // No parser accepts "%%": not a number, a boolean, a URL, a long enough secret, or a TICKER=SYMBOL pair.
      const message = (() => {
        try {
          loadConfig({ DATABASE_URL: 'postgresql://u:p@db/etfql', [setting.env]: '%%' });
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message, setting.env).toMatch(new RegExp(`^  - ${setting.env}(:| must)`, 'm'));
      if (setting.parser.secret) expect(message, setting.env).not.toContain('%%');
      else expect(message, setting.env).toContain('"%%"');
    }
  });

  it('names every problem at once, the relations between settings included', () => {
    expect(() =>
      loadConfig({ PORT: '-1', ADMIN_EMAIL: 'admin@example.com', DATABASE_DIRECT_URL: 'postgresql://u:p@db/etfql' }),
    ).toThrow(
      [
        'Invalid configuration:',
        '  - PORT must be an integer from 0 to 65535, got "-1"',
        '  - DATABASE_DIRECT_URL needs DATABASE_URL (the embedded PostgreSQL has no replicas or pooler)',
        '  - ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      ].join('\n'),
    );
  });
});

it('makes a dropped Prisma selection an error under test, a warning in development, nothing in production', () => {
  expect(unusedPrismaQuery({ NODE_ENV: 'test' })).toBe('error');
  expect(unusedPrismaQuery({})).toBe('warn');
  expect(unusedPrismaQuery({ NODE_ENV: 'production' })).toBeNull();
});

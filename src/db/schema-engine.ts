// Prisma's schema engine (migrations, diffs) compiled to WebAssembly and
// published on npm as @prisma/schema-engine-wasm. We use it instead of the CLI's
// native engine because that one is downloaded at first use, which offline
// machines cannot do. It records migrations in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so either tool can be used on the same database.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let bindings: Promise<Bindings> | undefined;

/**
 * The package's entry point imports its .wasm file as an ES module, which Node 20
 * only allows behind --experimental-wasm-modules; so we do what that import
 * would: instantiate the module with the JS glue as its import object.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue: Bindings = await import(gluePath);
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

type SchemaEngineHandle = { engine: SchemaEngine; close(): Promise<void> };

export async function openSchemaEngine(
  databaseUrl: string,
  schema: { path: string; content: string },
  log: (message: string) => void = () => {},
): Promise<SchemaEngineHandle> {
  const { SchemaEngine } = await loadBindings();
  const factory = new CharAwarePrismaPg(engineClientConfig(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (message: string) => log(message),
    adapter,
  );
  return {
    engine,
    // Ending the pools matters: an idle connection would otherwise keep the
    // engine's migration advisory lock for the pool's idle timeout (10 s),
    // and the next migration run anywhere would wait for it.
    close: async () => {
      engine.free();
      await Promise.all(factory.connections.map((connection) => connection.dispose()));
    },
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

const SHADOW_DROP = /^DROP DATABASE "(prisma_migrate_shadow_db_[0-9a-f-]+)"$/;
const droppedShadows = new Set<string>();

/**
 * Two gaps between @prisma/adapter-pg 7.10 and the wasm engine, bridged here:
 * - The engine reads PostgreSQL's catalogs when it diffs a schema, and some
 *   catalog columns have the internal one-byte type "char" (pg_constraint.contype,
 *   …), which the adapter rejects. Their values arrive as one-character strings,
 *   so we present those columns as text.
 * - The adapter drops its shadow database before closing the pool connected to
 *   it, which PostgreSQL refuses; WITH (FORCE) (PostgreSQL 13+) ends that session,
 *   and the idle shadow connection must then not report its termination as an
 *   error, because the adapter's pool has no error listener and would crash us.
 */
class EngineCompatibleClient extends pg.Client {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && this.database && droppedShadows.has(this.database)) return true;
    return super.emit(event, ...args);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Client#query is heavily overloaded
  override query(...args: any[]): any {
    const drop = typeof args[0] === 'string' ? SHADOW_DROP.exec(args[0]) : null;
    if (drop?.[1]) {
      droppedShadows.add(drop[1]);
      args[0] += ' WITH (FORCE)';
    }
    // pg.Pool#query passes a callback; the adapter's transactions use promises.
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (error: unknown, result?: pg.QueryResult) => void;
      args[last] = (error: unknown, result?: pg.QueryResult) => callback(error, textForChar(result));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as (...a: any[]) => any)(...args);
    return result instanceof Promise ? result.then(textForChar) : result;
  }
}

/** Rows arrays of results that had "char" columns, with those columns' indices. */
const charColumns = new WeakMap<unknown[], number[]>();

function textForChar(result: pg.QueryResult | undefined): pg.QueryResult | undefined {
  // A multi-statement script answers with one result per statement; scripts read no catalogs.
  if (Array.isArray(result)) return result;
  const indices: number[] = [];
  result?.fields.forEach((field, index) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      indices.push(index);
    }
  });
  if (result && indices.length > 0) charColumns.set(result.rows, indices);
  return result;
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

/** Reports the "char" columns that the client let through as text as Character, which the engine reads as such. */
class CharAwarePrismaPg extends PrismaPg {
  readonly connections: Adapter[] = [];
  override async connect() {
    const connection = withCharColumns(await super.connect());
    this.connections.push(connection);
    return connection;
  }
  override async connectToShadowDb() {
    return withCharColumns(await super.connectToShadowDb());
  }
}

type ScriptRunner = { client: Pick<pg.Pool, 'query'>; onError(error: unknown): never };

function withCharColumns(adapter: Adapter): Adapter {
  // The adapter runs a migration script by splitting it at every ";", which
  // cuts a function body ($$ … ; … $$) apart. PostgreSQL takes the whole script
  // as one simple query (one implicit transaction), as Prisma's native engine
  // sends it.
  const runner = adapter as unknown as ScriptRunner;
  adapter.executeScript = async (script) => {
    try {
      await runner.client.query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

/**
 * The adapter derives its shadow database's pool from this config by replacing
 * `database`; a connectionString would silently win over that, so we pass the
 * parts instead.
 */
function engineClientConfig(databaseUrl: string): pg.PoolConfig {
  const parts = parseConnectionString(databaseUrl);
  return {
    host: parts.host ?? undefined,
    port: parts.port ? Number(parts.port) : undefined,
    user: parts.user,
    password: parts.password,
    database: parts.database ?? undefined,
    ssl: parts.ssl as pg.PoolConfig['ssl'],
    max: 2,
    Client: EngineCompatibleClient,
  };
}

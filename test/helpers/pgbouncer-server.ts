// A real PgBouncer (Debian's pgbouncer package) in transaction pooling mode
// in front of a test PostgreSQL, on a free loopback port, from an ini file
// generated into a temporary directory that goes with it. Clients log in to it
// with the server's own user and password (SCRAM), which it then uses itself.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/net/ports.js';
import { giveToServerUser } from './server-user.js';
import { spawnServer, waitForConnections } from './spawned-server.js';

export type PgBouncer = {
  /** `url` (a database of the server behind it) as reached through PgBouncer, under `alias` when given. */
  urlOf(url: string, alias?: string): string;
  stop(): Promise<void>;
};

type Options = {
  /** Any database URL of the server to pool (its host, port, user and password are used). */
  serverUrl: string;
  /** Server connections per database and user: fewer than the clients, so clients share them. */
  poolSize: number;
  /** More names for one database, each with a pool of its own: alias → [database, pool size]. */
  aliases?: Record<string, [string, number]>;
};

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((file) => existsSync(file)) ?? 'pgbouncer';

export async function startPgBouncer(options: Options): Promise<PgBouncer> {
  const server = new URL(options.serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-pgbouncer-'));
  const target = `host=${server.hostname} port=${server.port}`;
  const aliases = Object.entries(options.aliases ?? {}).map(
    ([alias, [database, size]]) => `${alias} = ${target} dbname=${database} pool_size=${size}`,
  );
  const ini = [
    '[databases]',
    ...aliases,
    // Any other name: the database of that name on the server.
    `* = ${target}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize}`,
    'max_client_conn = 500',
    'auth_type = scram-sha-256',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    // Clients wait for a server connection at most this long, then get an error: no test hangs on one.
    'query_wait_timeout = 20',
    'log_connections = 0',
    'log_disconnections = 0',
  ].join('\n');
  const iniFile = path.join(dir, 'pgbouncer.ini');
  try {
    await writeFile(iniFile, `${ini}\n`);
    await writeFile(path.join(dir, 'users.txt'), `"${user}" "${password}"\n`, { mode: 0o600 });
    await giveToServerUser(dir, iniFile, path.join(dir, 'users.txt'));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const urlOf = (url: string, alias?: string) => {
    const pooled = new URL(url);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    if (alias) pooled.pathname = `/${alias}`;
    return pooled.toString();
  };
  let bouncer: Awaited<ReturnType<typeof spawnServer>> | undefined;
  const stop = async () => {
    // SIGTERM: PgBouncer's immediate shutdown (SIGINT would wait for its clients).
    await bouncer?.stop('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    bouncer = await spawnServer(BINARY, [iniFile]);
    await waitForConnections(urlOf(options.serverUrl), bouncer, 20_000);
  } catch (error) {
    await stop();
    throw new Error(`PgBouncer did not start (apt-get install pgbouncer): ${(error as Error).message}`);
  }
  return { urlOf, stop };
}

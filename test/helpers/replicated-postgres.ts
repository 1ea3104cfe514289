// A real primary and a real streaming replica: Debian's PostgreSQL 15
// (apt-get install postgresql), on loopback ports of their own, in a temporary
// directory that is removed with them. The primary is initialised here (WAL
// for replicas, a replication user); the standby is `pg_basebackup -R` of it,
// through a replication slot so that it catches up after being stopped.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/net/ports.js';
import { giveToServerUser } from './server-user.js';
import { runAsServerUser, type SpawnedServer, spawnServer, waitForConnections } from './spawned-server.js';

const BIN = '/usr/lib/postgresql/15/bin';
const USER = 'etfql';

export type ReplicatedPostgres = {
  primaryUrl(database: string): string;
  standbyUrl(database: string): string;
  /** Runs SQL on the standby's `postgres` database as the superuser (pausing and resuming replay). */
  onStandby(sql: string): Promise<pg.QueryResult>;
  /** Runs SQL on one of the standby's databases: what the replica holds now. */
  onStandbyDatabase(database: string, sql: string): Promise<pg.QueryResult>;
  /** A fast shutdown of the standby; `startStandby` brings it back on the same port. */
  stopStandby(): Promise<void>;
  startStandby(): Promise<void>;
  stop(): Promise<void>;
};

export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  if (!existsSync(path.join(BIN, 'postgres'))) {
    throw new Error(`PostgreSQL 15 is not installed in ${BIN} (apt-get install postgresql)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-replica-'));
  const servers: SpawnedServer[] = [];
  const password = randomBytes(12).toString('hex');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const urlOn = (port: number) => (database: string) =>
    `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;
  const primaryUrl = urlOn(primaryPort);
  const standbyUrl = urlOn(standbyPort);
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');
  // Loopback only, no socket file, and no fsync: a test's cluster need not survive a power cut.
  const serverArgs = (dataDir: string, port: number) => [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=off',
  ];
  let standby: SpawnedServer | undefined;
  const startStandby = async () => {
    standby = await spawnServer(path.join(BIN, 'postgres'), serverArgs(standbyDir, standbyPort));
    servers.push(standby);
    await waitForConnections(standbyUrl('postgres'), standby);
  };

  const onStandbyDatabase = async (database: string, sql: string) => {
    const client = new pg.Client({ connectionString: standbyUrl(database) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop('SIGINT')));
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await giveToServerUser(dir);
    const passwordFile = path.join(dir, 'password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await giveToServerUser(passwordFile);
    await runAsServerUser(path.join(BIN, 'initdb'), [
      '-D',
      primaryDir,
      '-U',
      USER,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    // initdb's pg_hba.conf admits replication connections from loopback (scram-sha-256).
    const primary = await spawnServer(path.join(BIN, 'postgres'), [
      ...serverArgs(primaryDir, primaryPort),
      '-c',
      'wal_level=replica',
    ]);
    servers.push(primary);
    await waitForConnections(primaryUrl('postgres'), primary);

    const admin = new pg.Client({ connectionString: primaryUrl('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${password}'`);
    } finally {
      await admin.end();
    }
    await runAsServerUser(
      path.join(BIN, 'pg_basebackup'),
      [
        ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'replicator', '-D', standbyDir],
        // -R: standby.signal and primary_conninfo; -C -S: a slot keeps the WAL the standby has yet to fetch.
        ...['-R', '-X', 'stream', '-C', '-S', 'etfql_standby', '--no-sync'],
      ],
      { PGPASSWORD: password },
    );
    await startStandby();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    primaryUrl,
    standbyUrl,
    onStandby: (sql) => onStandbyDatabase('postgres', sql),
    onStandbyDatabase,
    async stopStandby() {
      await standby?.stop('SIGINT');
    },
    startStandby,
    stop,
  };
}

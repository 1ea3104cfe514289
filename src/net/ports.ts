// The port of the embedded PostgreSQL when EMBEDDED_PG_PORT is not set: chosen
// once per data directory and remembered beside the cluster (`pg-port`), so a
// second checkout on the same machine starts beside the first instead of
// failing on 54329, and each keeps its own port from run to run. Found free is
// not yet bound: a start that loses its port to a checkout starting at the same
// moment takes another (src/db/embedded-postgres.ts).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

const DEFAULT_CLUSTER_PORT = 54329;

/** Whether nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that the OS had free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The remembered port when it is still free (or `inUseByUs`: our own cluster
 * holds it), else `preferred` when free, else any free port; remembered for
 * the next start.
 */
export async function clusterPort(
  dataDir: string,
  inUseByUs: (port: number) => Promise<boolean> = async () => false,
  preferred = DEFAULT_CLUSTER_PORT,
): Promise<number> {
  const file = path.join(dataDir, 'pg-port');
  if (existsSync(file)) {
    const remembered = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    if (Number.isInteger(remembered) && ((await portIsFree(remembered)) || (await inUseByUs(remembered)))) {
      return remembered;
    }
  }
  return rememberClusterPort(dataDir, (await portIsFree(preferred)) ? preferred : await freePort());
}

/**
 * Another free port, remembered in place of one that was taken between being
 * found free and being bound: two checkouts that start at the same moment both
 * find 54329 free, and only one PostgreSQL can have it.
 */
export async function anotherClusterPort(dataDir: string): Promise<number> {
  return rememberClusterPort(dataDir, await freePort());
}

async function rememberClusterPort(dataDir: string, port: number): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'pg-port'), `${port}\n`);
  return port;
}

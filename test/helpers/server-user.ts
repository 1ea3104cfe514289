// PostgreSQL and PgBouncer refuse to run as root, which CI and containers are:
// there the tests run them as the `postgres` user (Debian's postgresql package
// creates it), in directories that user owns. As anyone else, as themselves.
import { chown, readFile } from 'node:fs/promises';

type Ids = { uid: number; gid: number };

let ids: Promise<Ids | undefined> | undefined;

/** The user to spawn servers as: undefined when not root (spawn as ourselves). */
export function serverUser(): Promise<Ids | undefined> {
  ids ??= (async () => {
    if (process.getuid?.() !== 0) return undefined;
    const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((entry) => entry.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    if (uid === undefined || gid === undefined) {
      throw new Error('running as root, and there is no postgres user to run servers as (apt-get install postgresql)');
    }
    return { uid: Number(uid), gid: Number(gid) };
  })();
  return ids;
}

/** Makes `paths` the server user's (when running as root). */
export async function giveToServerUser(...paths: string[]): Promise<void> {
  const user = await serverUser();
  if (user) for (const path of paths) await chown(path, user.uid, user.gid);
}

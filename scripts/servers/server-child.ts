// The real server process, started the way `npm start` starts it, for tests
// of the process itself and for the scale-out benchmark: embedded PostgreSQL
// in `dataDir` unless DATABASE_URL is given, HTTP on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type ServerChild = { child: ChildProcess; baseUrl: string; lines: string[] };

/** Starts src/server.ts and resolves once it logs that it serves; `nodeArgs` go to node (e.g. --inspect). */
export async function startServerChild(
  env: Record<string, string>,
  timeoutMs = 90_000,
  nodeArgs: string[] = [],
): Promise<ServerChild> {
  const lines: string[] = [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  child.stderr?.on('data', (chunk) => lines.push(String(chunk)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line:\n${lines.join('\n')}`)), timeoutMs);
    reader.on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'etfql is serving GraphQL and GraphiQL' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url.replace(/\/graphql$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${lines.join('\n')}`));
    });
  });
  return { child, baseUrl, lines };
}

/** Stops a server started by startServerChild (if it still runs) and resolves once it has exited. */
export async function stopServerChild(server: ServerChild | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

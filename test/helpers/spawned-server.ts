// A server process a test starts (PostgreSQL, PgBouncer), as the server user
// (test/helpers/server-user.ts), with its output kept for the error that says why it
// did not come up, and a stop that is bounded: a polite signal, then SIGKILL.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import pg from 'pg';
import { serverUser } from './server-user.js';

export type SpawnedServer = {
  child: ChildProcess;
  /** The last lines it printed. */
  output(): string;
  /** Sends `signal` and resolves once it exited (SIGKILL after 20 s). */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

const KEPT_LINES = 40;
const STOP_TIMEOUT_MS = 20_000;

export async function spawnServer(command: string, args: string[], env: Record<string, string> = {}) {
  const user = await serverUser();
  const child = spawn(command, args, {
    ...user,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once('spawn', () => resolve());
  });
  return {
    child,
    output: () => lines.join('\n'),
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  } satisfies SpawnedServer;
}

/** Runs a command to completion as the server user (60 s at most); rejects with its output when it fails. */
export async function runAsServerUser(command: string, args: string[], env: Record<string, string> = {}) {
  const user = await serverUser();
  return new Promise<string>((resolve, reject) => {
    execFile(command, args, { ...user, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Resolves once `url` accepts a connection (`timeoutMs` at most), failing early if `server` exits. */
export async function waitForConnections(url: string, server: SpawnedServer, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`no connection within ${timeoutMs} ms (${error}):\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

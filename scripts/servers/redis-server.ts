// A real Redis for the tests and benchmarks that use one: Debian's redis-server on a free
// loopback port, without persistence, stopped with the test file.
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../src/net/ports.js';

type RedisServer = {
  url: string;
  /** Keys in the database, across every prefix. */
  keyCount(): Promise<number>;
  /** Freezes the server (SIGSTOP): connections stay open and commands hang, as on a network partition. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
};

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`)),
    );
    child.once('spawn', () => resolve());
  });
  const url = `redis://127.0.0.1:${port}`;
  // Commands queue until the server accepts connections; give it 10 s.
  const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
  client.on('error', () => {});
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await client.ping();
  clearTimeout(timeout);
  return {
    url,
    keyCount: () => client.dbsize(),
    async pause() {
      child.kill('SIGSTOP');
    },
    async resume() {
      child.kill('SIGCONT');
    },
    async stop() {
      client.disconnect();
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

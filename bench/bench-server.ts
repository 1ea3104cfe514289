// What the benchmark's server processes share: the real app as `npm start`
// configures it (rate limits out of the way: one client sends everything),
// or with the response cache off where a row says so, listening on a free
// loopback port.
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { createApp } from '../src/yoga.js';

// The bench measures the server, not its rate limiter: one client sends everything.
const LIMITS = { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '1000000' };

/** The configuration of `npm start` in this environment, with `changes` on top. */
export const benchConfig = (changes: Record<string, string> = {}) =>
  loadConfig({ ...process.env, ...LIMITS, ...changes });

export function benchGraphqlServer(db: Database, changes: Record<string, string> = {}) {
  return createServer(createApp({ db, config: benchConfig(changes) }));
}

export const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );

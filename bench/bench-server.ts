// What the benchmark's server processes share: the real app as the bench runs
// it (rate limits out of the way, the response cache as asked), and listening
// on a free loopback port.
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { createApp } from '../src/yoga.js';

// The bench measures the server, not its rate limiter: one client sends everything.
const LIMITS = { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '1000000' };

export function benchGraphqlServer(db: Database, responseCache: boolean) {
  return createServer(
    createApp({ db, config: loadConfig({ ...process.env, ...LIMITS, RESPONSE_CACHE: String(responseCache) }) }),
  );
}

export const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );

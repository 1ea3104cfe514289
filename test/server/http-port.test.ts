// Two checkouts started at once: the second server takes the next free port
// when the port is the default, and fails clearly when the port was asked for.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../src/net/ports.js';
import { serveHttp } from '../../src/startup/serve-http.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

it('takes the next free port when the default one is taken, and says so', async () => {
  const config = { port: await freePort(), host: '127.0.0.1' };
  const moves: [number, number][] = [];
  const options = { portIsDefault: true, onPortTaken: (taken: number, used: number) => moves.push([taken, used]) };
  const [first, second] = await Promise.all([serveHttp(t.app, config, options), serveHttp(t.app, config, options)]);
  try {
    expect(new Set([first.url, second.url]).size).toBe(2);
    expect(moves).toHaveLength(1);
    expect(moves[0]?.[0]).toBe(config.port);
    for (const server of [first, second]) {
      const response = await fetch(server.url.replace('/graphql', '/health'));
      expect(response.status).toBe(200);
    }
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});

it('fails on a port that was asked for (PORT) rather than move', async () => {
  const config = { port: await freePort(), host: '127.0.0.1' };
  const first = await serveHttp(t.app, config);
  try {
    await expect(serveHttp(t.app, config)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    await first.close();
  }
});

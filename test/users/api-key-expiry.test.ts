// An API key stops working at its expiry instant, even while the
// authenticator still holds it from a request a moment before.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { bearer } from '../helpers/graphql-client.js';
import { codeOf, type HttpApp, serveOverHttp } from '../helpers/http-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let http: HttpApp;

beforeAll(async () => {
  t = await createTestDatabase();
  http = await serveOverHttp(t.app);
});
afterAll(async () => {
  await http?.close();
  await t?.close();
});

const UPSERT = 'mutation($t: String!) { upsertEtf(input: { ticker: $t, name: "Expiry test" }) { ticker } }';

it('refuses an EDITOR key from its expiry instant, cached or not, and it writes nothing', async () => {
  const expiresAt = new Date(Date.now() + 1_500);
  const { secret } = await createApiKey(t.db.prisma, {
    name: 'short-lived',
    role: 'EDITOR',
    expiresAt,
    createdById: null,
  });

  // Before its expiry the key works, and the authenticator now holds it.
  expect((await http.post(UPSERT, { t: 'LIVE' }, bearer(secret))).data).toEqual({ upsertEtf: { ticker: 'LIVE' } });
  expect(Date.now()).toBeLessThan(expiresAt.getTime());

  await sleep(expiresAt.getTime() - Date.now() + 20);
  const etfsBefore = await t.db.prisma.etf.findMany({ orderBy: { id: 'asc' } });
  const late = await http.post(UPSERT, { t: 'LATE' }, bearer(secret));
  expect(codeOf(late)).toBe('UNAUTHENTICATED');
  expect(late.errors?.[0]?.message).toBe('The API key is expired.');
  expect(await t.db.prisma.etf.findMany({ orderBy: { id: 'asc' } })).toEqual(etfsBefore);
});

// A browser on another site must not be able to drive the API with the
// visitor's credentials: GraphQL is posted as JSON only (forms and multipart
// need no CORS preflight), and CORS allows only the origins configured, none
// by default.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/yoga.js';
import { snapshot } from '../helpers/fixtures.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const mutation = 'mutation { upsertEtf(input: { ticker: "CSRF", name: "Forged" }) { ticker } }';

it.each([
  ['a form', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
  [
    'multipart',
    'multipart/form-data; boundary=x',
    `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: mutation })}\r\n--x--\r\n`,
  ],
  ['application/graphql', 'application/graphql', mutation],
  ['text/plain', 'text/plain', JSON.stringify({ query: mutation })],
])('refuses %s with 415, and changes nothing', async (_name, contentType, body) => {
  const before = await snapshot(t.db);
  const response = await t.app.fetch('http://etfql.test/graphql', {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${ADMIN_KEY}` },
    body,
  });
  expect(response.status).toBe(415);
  expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
  expect(await snapshot(t.db)).toEqual(before);
});

it('takes JSON with a charset', async () => {
  const response = await t.app.fetch('http://etfql.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: '{"query":"{ __typename }"}',
  });
  expect(response.status).toBe(200);
});

const preflight = (app: ReturnType<typeof createApp>, origin: string) =>
  app.fetch('http://etfql.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

it('reflects no origin by default', async () => {
  const response = await preflight(t.app, 'https://evil.example');
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  const get = await t.app.fetch('http://etfql.test/graphql?query=%7B__typename%7D', {
    headers: { origin: 'https://evil.example', accept: 'application/json' },
  });
  expect(get.headers.get('access-control-allow-origin')).toBeNull();
});

it('allows exactly the origins in CORS_ORIGINS', async () => {
  const app = createApp({ db: t.db, config: loadConfig({ CORS_ORIGINS: 'https://dash.example.com' }) });
  expect((await preflight(app, 'https://dash.example.com')).headers.get('access-control-allow-origin')).toBe(
    'https://dash.example.com',
  );
  expect((await preflight(app, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe(
    'https://evil.example',
  );
  expect(() => loadConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
});

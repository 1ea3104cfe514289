// What a failed sign-in leaves in the server process: nothing of its input.
// Twenty failed sign-ins with e-mail addresses of 8 MiB each, sent to the real
// server process, must not grow its live heap (after a full collection, read
// through its inspector) by more than a few MiB.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerChild, startServerChild, stopServerChild } from '../../scripts/servers/server-child.js';
import { connectInspector, type HeapInspector, inspectorUrl } from '../helpers/heap-inspector.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const ATTEMPTS = 20;
const MAX_HEAP_GROWTH_MB = 5;

let t: TestDatabase;
let server: ServerChild;
let heap: HeapInspector;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startServerChild(
    {
      DATABASE_URL: t.url,
      SEED_DEMO: 'false',
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
      // Bodies this large are refused without credentials by default: raised, so the e-mail check is what refuses them.
      MAX_BODY_BYTES_ANONYMOUS: String(32 * 2 ** 20),
    },
    90_000,
    ['--inspect=127.0.0.1:0'],
  );
  heap = await connectInspector(inspectorUrl(server.lines));
});

afterAll(async () => {
  heap?.close();
  await stopServerChild(server);
  await t?.close();
});

async function login(email: string): Promise<string | undefined> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: email, p: 'not the password at all' },
    }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code;
}

it(`keeps nothing of ${ATTEMPTS} failed sign-ins with 8 MiB e-mail addresses`, async () => {
  // Warm up: the schema, the pool and the dummy password hash are made by the first sign-in.
  expect(await login('warm-up@example.com')).toBe('UNAUTHENTICATED');
  const before = await heap.liveHeapMb();
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < ATTEMPTS; i++) {
    codes.push(await login(`${String(i).padStart(4, '0')}${'a'.repeat(8 * 2 ** 20 - 16)}@example.com`));
  }
  expect((await heap.liveHeapMb()) - before).toBeLessThan(MAX_HEAP_GROWTH_MB);
  // Refused as too long, before any lookup, password check or throttle bookkeeping.
  expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
}, 180_000);

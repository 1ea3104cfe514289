// A field that reads the caller but declares no cache scope is never served to
// another caller from the response cache; the control case declares the same
// field `public` and shows the cache would then share it, so the first
// assertion can fail. The fields are added to the builder before the schema is
// built (the app is imported only afterwards), as a newcomer's field would be.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builder } from '../../src/builder.js';
import type { Context } from '../../src/context.js';
import type { TestDatabase } from '../helpers/test-database.js';

/** Who asked, as the resolver sees it: exactly what must never reach another caller. */
async function askedBy(ctx: Context): Promise<string> {
  const principal = await ctx.caller.principal();
  if (principal?.kind === 'user') return `user ${principal.userId}`;
  return principal ? `key ${principal.apiKeyId}` : 'anonymous';
}

builder.prismaObjectFields('Etf', (t) => ({
  askedBy: t.string({ resolve: (_etf, _args, ctx) => askedBy(ctx) }),
  askedByDeclaredPublic: t.string({ cacheScope: 'public', resolve: (_etf, _args, ctx) => askedBy(ctx) }),
}));

let t: TestDatabase;
let user: string;
let admin: Record<string, string>;

beforeAll(async () => {
  const { createTestDatabase, ADMIN_KEY } = await import('../helpers/test-database.js');
  const { createEtfWithBars } = await import('../helpers/fixtures.js');
  const { createUser, signIn } = await import('../helpers/accounts.js');
  const { bearer } = await import('../helpers/graphql-client.js');
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'AAA', '2024-01-02', '2024-01-31');
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  await createUser(t.db, 'scope@example.com');
  user = await signIn(t.app, 'scope@example.com');
  admin = bearer(ADMIN_KEY);
});
afterAll(() => t.close());

async function ask(field: string, headers: Record<string, string>) {
  const { executeText } = await import('../helpers/graphql-client.js');
  const result = await executeText(t.app, `{ etf(ticker: "AAA") { ticker ${field} } }`, undefined, headers);
  expect(result.errors).toBeUndefined();
  const etf = result.data?.etf as Record<string, string> | undefined;
  return etf?.[field];
}

it('never shares an undeclared field: each caller gets its own answer, however often asked', async () => {
  const { bearer } = await import('../helpers/graphql-client.js');
  for (let round = 0; round < 2; round++) {
    expect(await ask('askedBy', admin)).toMatch(/^key \d+$/);
    expect(await ask('askedBy', bearer(user))).toMatch(/^user \d+$/);
    expect(await ask('askedBy', {})).toBe('anonymous');
  }
});

it('would share it if it were declared public (the control: the cache is on and answering)', async () => {
  const { bearer } = await import('../helpers/graphql-client.js');
  const first = await ask('askedByDeclaredPublic', admin);
  expect(first).toMatch(/^key \d+$/);
  // The wrong answer a public declaration of a caller-dependent field gives.
  expect(await ask('askedByDeclaredPublic', bearer(user))).toBe(first);
});

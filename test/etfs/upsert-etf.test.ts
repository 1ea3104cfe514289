import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { snapshot } from '../helpers/fixtures.js';
import { bearer, execute, executeOk } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const UpsertEtf = graphql(`
  mutation UpsertEtf($input: EtfInput!) {
    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }
  }
`);

describe('upsertEtf', () => {
  it('creates an ETF with an upper-case ticker, then updates it by ticker', async () => {
    const created = await executeOk(
      t.app,
      UpsertEtf,
      {
        input: {
          ticker: 'vt',
          name: 'Vanguard Total World Stock ETF',
          assetClass: 'EQUITY',
          expenseRatio: 0.0006,
          inceptionDate: '2008-06-24',
        },
      },
      bearer(ADMIN_KEY),
    );
    expect(created.upsertEtf).toEqual({
      ticker: 'VT',
      name: 'Vanguard Total World Stock ETF',
      issuer: null,
      assetClass: 'EQUITY',
      expenseRatio: 0.0006,
      inceptionDate: '2008-06-24',
      currency: 'USD',
      exchange: null,
    });
    const updated = await executeOk(
      t.app,
      UpsertEtf,
      { input: { ticker: 'VT', name: 'Vanguard Total World', issuer: 'Vanguard', currency: 'usd' } },
      bearer(ADMIN_KEY),
    );
    // Omitted fields keep their values.
    expect(updated.upsertEtf).toEqual({
      ...created.upsertEtf,
      name: 'Vanguard Total World',
      issuer: 'Vanguard',
    });
    // An explicit null clears a field; empty text too.
    const cleared = await executeOk(
      t.app,
      UpsertEtf,
      { input: { ticker: 'VT', name: 'Vanguard Total World', assetClass: null, expenseRatio: null, issuer: ' ' } },
      bearer(ADMIN_KEY),
    );
    expect(cleared.upsertEtf).toEqual({
      ...updated.upsertEtf,
      assetClass: null,
      expenseRatio: null,
      issuer: null,
    });
    expect(await t.db.prisma.etf.count()).toBe(1);
  });

  it.each([
    ['an empty ticker', { ticker: ' ', name: 'X' }, 'input.ticker: must not be empty'],
    ['an over-long ticker', { ticker: 'A'.repeat(17), name: 'X' }, 'input.ticker: must be at most 16'],
    ['a ticker with spaces', { ticker: 'A B', name: 'X' }, 'input.ticker: may contain only'],
    ['an empty name', { ticker: 'OK', name: '  ' }, 'input.name: must not be empty'],
    [
      'a percentage instead of a fraction',
      { ticker: 'OK', name: 'X', expenseRatio: 9 },
      'input.expenseRatio: must be a fraction',
    ],
    ['a negative expense ratio', { ticker: 'OK', name: 'X', expenseRatio: -0.01 }, 'input.expenseRatio'],
    ['a bad currency', { ticker: 'OK', name: 'X', currency: 'DOLLARS' }, 'input.currency'],
    [
      'a future inception date',
      { ticker: 'OK', name: 'X', inceptionDate: '2999-01-01' },
      'input.inceptionDate: is in the future',
    ],
    [
      'an unknown asset class',
      { ticker: 'OK', name: 'X', assetClass: 'CRYPTO' },
      /Value "CRYPTO" does not exist in "AssetClass" enum/,
    ],
  ])('rejects %s and changes nothing', async (_name, input, message) => {
    const before = await snapshot(t.db);
    const result = await execute(t.app, UpsertEtf, { input: input as never }, bearer(ADMIN_KEY));
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('needs a key', async () => {
    const result = await execute(t.app, UpsertEtf, { input: { ticker: 'NEW', name: 'New' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.db.prisma.etf.findUnique({ where: { ticker: 'NEW' } })).toBeNull();
  });
});

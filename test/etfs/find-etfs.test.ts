// The hot path reads ETF rows without Prisma; they must be exactly the rows
// Prisma returns (same fields, same types, dates at UTC midnight), with every
// field set and with every optional field empty.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findEtfsByTicker } from '../../src/etfs/find-etfs.js';
import { createEtf } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtf(t.db, 'FULL', {
    issuer: 'Issuer & Co',
    assetClass: 'FIXED_INCOME',
    expenseRatio: 0.0003,
    inceptionDate: new Date('1993-01-22T00:00:00Z'),
    exchange: 'NYSE Arca',
    description: 'Every field set',
  });
  await createEtf(t.db, 'BARE');
});
afterAll(() => t.close());

it('reads the rows Prisma reads, field for field', async () => {
  const tickers = ['FULL', 'BARE', 'NONE'];
  const ours = await findEtfsByTicker(t.db.pool, tickers);
  const prisma = await t.db.prisma.etf.findMany({ where: { ticker: { in: tickers } } });
  const byTicker = <T extends { ticker: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.ticker.localeCompare(b.ticker));
  expect(ours).toHaveLength(2);
  expect(byTicker(ours)).toEqual(byTicker(prisma));
  expect(ours.find((etf) => etf.ticker === 'FULL')?.inceptionDate?.toISOString()).toBe('1993-01-22T00:00:00.000Z');
});

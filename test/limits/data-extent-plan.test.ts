// The data extent the cost estimate reads (src/limits/data-extent.ts), on a
// long history: one index probe an ETF for its first bar, whatever its length.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXTENT_SQL } from '../../src/limits/data-extent.js';
import { buffers, createPlanEtfs, explain, largestSort, rowsFrom } from '../helpers/query-plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createPlanEtfs(t.db.pool);
  await t.db.pool.query('VACUUM ANALYZE daily_price');
});
afterAll(() => t.close());

it('reads one bar an ETF, from the primary key, with no sort', async () => {
  const plan = await explain(t.db.pool, { text: EXTENT_SQL });
  expect(rowsFrom(plan, 'daily_price')).toBe(2); // SHORT's first bar and LONG's, of 2,500 and 25,000
  expect(largestSort(plan)).toBe(0);
  // The root and a leaf of the key per ETF, and the etf table: not the 25,000 bars.
  expect(buffers(plan)).toBeLessThanOrEqual(12);
});

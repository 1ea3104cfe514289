// The adjusted closes the nightly update compares with a provider's
// (src/corporate-actions/adjusted-closes.ts), on a long history with a split:
// the bars asked for and their factors, not the history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADJUSTED_CLOSES } from '../../src/corporate-actions/adjusted-closes.js';
import { buffers, createPlanEtfs, explain, largestSort, type PlanEtfs, rowsFrom } from '../helpers/query-plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let ids: PlanEtfs;
beforeAll(async () => {
  t = await createTestDatabase();
  ids = await createPlanEtfs(t.db.pool);
  await t.db.pool.query('VACUUM ANALYZE daily_price');
  await t.db.pool.query('VACUUM ANALYZE corporate_action');
});
afterAll(() => t.close());

it('reads the two bars asked for of each ETF, whatever its history, with no sort', async () => {
  const wanted = [ids.SHORT, ids.SHORT, ids.LONG, ids.LONG];
  const dates = ['2026-11-19', '2026-11-20', '2026-11-19', '2026-11-20'];
  const plan = await explain(t.db.pool, { text: ADJUSTED_CLOSES, values: [wanted, dates] });
  expect(plan['Actual Rows']).toBe(4);
  expect(rowsFrom(plan, 'daily_price')).toBe(4);
  expect(largestSort(plan)).toBe(0);
  expect(buffers(plan)).toBeLessThanOrEqual(40);
});

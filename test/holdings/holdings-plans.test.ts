// The plans of every holdings read, on 200 ETFs × two snapshots × 300
// positions (120,000 rows): each reads the rows it answers with, through an
// index, never the table. Row counts from EXPLAIN (ANALYZE, BUFFERS), not timings.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  holdersStatement,
  holdingPagesStatement,
  snapshotColumnsStatement,
  snapshotsStatement,
} from '../../src/holdings/read-holdings.js';
import { buffers, explain, largestSort, type PlanNode, rowsFrom } from '../helpers/query-plans.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let etfIds: number[];

/** Whether any node of the plan reads `relation` whole. */
function seqScans(plan: PlanNode, relation: string): boolean {
  if (plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] === relation) return true;
  return (plan.Plans ?? []).some((child) => seqScans(child, relation));
}

beforeAll(async () => {
  t = await createTestDatabase();
  const pool = t.db.pool;
  await pool.query(
    `INSERT INTO etf (ticker, name, updated_at) SELECT 'P' || i, 'Plan ' || i, now() FROM generate_series(1, 200) i`,
  );
  await pool.query(
    `INSERT INTO security (name, ticker) SELECT 'Security ' || i, 'S' || i FROM generate_series(1, 2000) i`,
  );
  await pool.query(`INSERT INTO holding_snapshot (etf_id, as_of, source, position_count, total_weight)
    SELECT e.id, d, 'DEMO', 300, 100 FROM etf e CROSS JOIN (VALUES (DATE '2025-06-30'), (DATE '2025-12-31')) v(d)`);
  // Security k of ETF e at position p: ((e * 7 + p * 13) mod 2000) + 1, so every security is held by about 60 snapshots.
  await pool.query(`INSERT INTO holding (snapshot_id, position, security_id, name, asset_class, weight)
    SELECT s.id, p, ((s.etf_id * 7 + p * 13) % 2000) + 1, 'x', 'EQUITY', 100.0 / 300
    FROM holding_snapshot s CROSS JOIN generate_series(1, 300) p`);
  await pool.query('VACUUM ANALYZE etf, security, holding_snapshot, holding');
  etfIds = (await pool.query<{ id: number }>('SELECT id FROM etf ORDER BY id')).rows.map((row) => row.id);
}, 120_000);
afterAll(() => t.close());

it('finds each ETF’s snapshot as of a date with one probe of its (etf, date) key', async () => {
  const plan = await explain(t.db.pool, snapshotsStatement(etfIds, '2025-09-30'));
  expect(rowsFrom(plan, 'holding_snapshot')).toBe(200);
  expect(seqScans(plan, 'holding_snapshot')).toBe(false);
  expect(largestSort(plan)).toBe(0);
});

it('reads a page of positions as a range of the primary key', async () => {
  const snapshot = (await t.db.pool.query<{ id: number }>('SELECT min(id) AS id FROM holding_snapshot')).rows[0]
    ?.id as number;
  const plan = await explain(t.db.pool, holdingPagesStatement([snapshot], 100, 51));
  expect(rowsFrom(plan, 'holding')).toBe(51);
  expect(seqScans(plan, 'holding')).toBe(false);
  expect(buffers(plan)).toBeLessThan(300);
});

it('reads whole snapshots for figures from their rows alone', async () => {
  const ids = (await t.db.pool.query<{ id: number }>('SELECT id FROM holding_snapshot ORDER BY id LIMIT 20')).rows.map(
    (r) => r.id,
  );
  const plan = await explain(t.db.pool, snapshotColumnsStatement(ids, 'SECTOR'));
  expect(rowsFrom(plan, 'holding')).toBe(20 * 300);
  expect(seqScans(plan, 'holding')).toBe(false);
});

it('finds the holders of a security from its own holdings, not every snapshot’s', async () => {
  const held = await t.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM holding WHERE security_id = (SELECT id FROM security WHERE ticker = 'S1000')",
  );
  const plan = await explain(t.db.pool, holdersStatement('S1000', null, 1000));
  // Its holdings in both dates' snapshots, and no other row of holding.
  expect(rowsFrom(plan, 'holding')).toBe(held.rows[0]?.n);
  expect(seqScans(plan, 'holding')).toBe(false);
  // (holding_snapshot, a row per ETF and date, the planner may read whole when that is cheaper.)
});

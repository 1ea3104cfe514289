// No bar or stored indicator ever names a missing ETF, whoever writes it, and
// deleting an ETF leaves nothing of it: the foreign keys of daily_price and
// daily_indicator (integrity-schedules.test.ts runs them against concurrent
// deletes at every isolation level).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtf, createEtfWithBars, waitForLockWait } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const BAR = "(date '2024-01-02', 10, 11, 9, 10, 100)";
const insertBars = (client: pg.ClientBase | pg.Pool, etfIds: number[]) =>
  client.query(
    `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
     SELECT e.id, b.* FROM unnest($1::int[]) AS e(id), (VALUES ${BAR}) AS b(date, open, high, low, close, volume)`,
    [etfIds],
  );
const countOf = async (sql: string, values: unknown[] = []) => Number((await t.db.pool.query(sql, values)).rows[0].n);
const rowsOf = (id: number) =>
  countOf(
    `SELECT (SELECT count(*) FROM daily_price WHERE etf_id = $1)
          + (SELECT count(*) FROM daily_indicator WHERE etf_id = $1) AS n`,
    [id],
  );

/** The error a statement fails with, or null. */
const failure = (run: Promise<unknown>) =>
  run.then(
    () => null,
    (error: pg.DatabaseError) => error,
  );

describe('plain SQL', () => {
  it('refuses a bar of a missing ETF, with the code and detail of a foreign key', async () => {
    const error = await failure(insertBars(t.db.pool, [999_999]));
    expect(error?.code).toBe('23503');
    expect(error?.detail).toBe('Key (etf_id)=(999999) is not present in table "etf".');
    expect(await rowsOf(999_999)).toBe(0);
  });

  it('refuses a whole multi-ETF insert when one of its ETFs is missing', async () => {
    const etf = await createEtf(t.db, 'MIX');
    expect((await failure(insertBars(t.db.pool, [etf.id, 999_998])))?.code).toBe('23503');
    expect(await rowsOf(etf.id)).toBe(0);
  });

  it('refuses a stored indicator row of a missing ETF', async () => {
    const error = await failure(
      t.db.pool.query("INSERT INTO daily_indicator (etf_id, adjusted, date) VALUES (999997, false, '2024-01-02')"),
    );
    expect(error?.code).toBe('23503');
  });

  it('refuses moving bars to a missing ETF, and an ETF id that changes', async () => {
    const etf = await createEtf(t.db, 'MOVE');
    await insertBars(t.db.pool, [etf.id]);
    expect(
      (await failure(t.db.pool.query('UPDATE daily_price SET etf_id = 999996 WHERE etf_id = $1', [etf.id])))?.code,
    ).toBe('23503');
    expect((await failure(t.db.pool.query('UPDATE etf SET id = 999995 WHERE id = $1', [etf.id])))?.code).toBe('23503');
    expect(await rowsOf(etf.id)).toBe(1);
  });

  it('deletes the bars and stored indicators of a deleted ETF', async () => {
    await createEtfWithBars(t.db, 'DROP', '2024-01-01', '2024-02-29');
    const { id } = (await t.db.pool.query("SELECT id FROM etf WHERE ticker = 'DROP'")).rows[0];
    expect(await rowsOf(id)).toBeGreaterThan(0);
    await t.db.pool.query('DELETE FROM etf WHERE id = $1', [id]);
    expect(await rowsOf(id)).toBe(0);
  });
});

describe('TRUNCATE', () => {
  it('of etf CASCADE empties the bars and stored indicators too', async () => {
    // Its own database: the other tests' ETFs would go with it.
    const own = await createTestDatabase();
    try {
      await createEtfWithBars(own.db, 'TRUNC', '2024-01-01', '2024-01-31');
      await own.db.pool.query('TRUNCATE etf CASCADE');
      const { rows } = await own.db.pool.query(
        'SELECT (SELECT count(*) FROM daily_price) + (SELECT count(*) FROM daily_indicator) AS n',
      );
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('a delete of an ETF during a load of it', () => {
  it('waits for a load that has written, then deletes what it wrote', async () => {
    const etf = await createEtf(t.db, 'RACE1');
    const load = await t.db.pool.connect();
    const deleter = new pg.Client(t.url);
    await deleter.connect();
    try {
      await load.query('BEGIN');
      await insertBars(load, [etf.id]); // its statement trigger holds the ETF as a foreign key would
      const deleting = deleter.query('DELETE FROM etf WHERE id = $1', [etf.id]);
      await waitForLockWait(t.db.pool);
      await load.query('COMMIT');
      await deleting;
      expect(await rowsOf(etf.id)).toBe(0);
    } finally {
      load.release();
      await deleter.end();
    }
  });

  it('fails a load whose ETF is deleted while it writes, leaving no orphan', async () => {
    const etf = await createEtf(t.db, 'RACE2');
    const load = await t.db.pool.connect();
    const deleter = new pg.Client(t.url);
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query('DELETE FROM etf WHERE id = $1', [etf.id]);
      await load.query('BEGIN');
      const writing = failure(insertBars(load, [etf.id]));
      await waitForLockWait(t.db.pool);
      await deleter.query('COMMIT');
      expect((await writing)?.code).toBe('23503');
      await load.query('ROLLBACK');
      expect(await rowsOf(etf.id)).toBe(0);
    } finally {
      load.release();
      await deleter.end();
    }
  });
});

it('deleteEtf leaves nothing of the ETF: bars, indicators, actions, watchlist entries', async () => {
  await createEtfWithBars(t.db, 'ALL', '2023-01-01', '2024-06-28');
  const { id } = (await t.db.pool.query("SELECT id FROM etf WHERE ticker = 'ALL'")).rows[0];
  await t.db.pool.query(
    "INSERT INTO corporate_action (etf_id, date, kind, value) VALUES ($1, '2024-03-01', 'SPLIT', 2)",
    [id],
  );
  const result = await executeText(
    t.app,
    'mutation { deleteEtf(ticker: "ALL") { ticker } }',
    undefined,
    bearer(ADMIN_KEY),
  );
  expect(result.errors).toBeUndefined();
  const left = await countOf(
    `SELECT (SELECT count(*) FROM daily_price WHERE etf_id = $1) + (SELECT count(*) FROM daily_indicator WHERE etf_id = $1)
          + (SELECT count(*) FROM corporate_action WHERE etf_id = $1) + (SELECT count(*) FROM watchlist_entry WHERE etf_id = $1)
          + (SELECT count(*) FROM etf WHERE id = $1) AS n`,
    [id],
  );
  expect(left).toBe(0);
});

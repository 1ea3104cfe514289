// No bar or stored indicator outlives its ETF, however a delete of the ETF and
// a write of its rows interleave, at every isolation level either side may use.
// Each schedule below is two real sessions stepped in a fixed order; a step that
// must wait for the other session's lock is seen waiting (pg_stat_activity)
// before the schedule goes on. Either session may fail (a serialization
// failure, a foreign-key violation: the client retries or reports), but what
// commits never leaves a row that names no ETF.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEtf } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let deleter: pg.Client;
let writer: pg.Client;
beforeAll(async () => {
  t = await createTestDatabase();
  deleter = new pg.Client(t.url);
  writer = new pg.Client(t.url);
  await Promise.all([deleter.connect(), writer.connect()]);
});
afterAll(async () => {
  await Promise.all([deleter?.end(), writer?.end()]);
  await t.close();
});

const ISOLATION = ['READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE'] as const;
type Isolation = (typeof ISOLATION)[number];

/** Ways a client writes rows naming an ETF: each is its own statement kind to PostgreSQL. */
type Write = (client: pg.Client, etfId: number, sourceId: number) => Promise<unknown>;
const insertBar: Write = (c, id) =>
  c.query(
    `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume) VALUES ($1, '2024-01-02', 10, 11, 9, 10, 100)`,
    [id],
  );
const WRITES: Record<string, Write> = {
  insert: insertBar,
  copy: (c, id) =>
    pipeline(
      Readable.from([`${id}\t2024-01-02\t10\t11\t9\t10\t100\n`]),
      c.query(copyFrom('COPY daily_price (etf_id, date, open, high, low, close, volume) FROM STDIN')),
    ),
  upsert: (c, id) =>
    c.query(
      `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume) VALUES ($1, '2024-01-02', 10, 11, 9, 10, 100)
       ON CONFLICT (etf_id, date) DO UPDATE SET close = excluded.close`,
      [id],
    ),
  merge: (c, id) =>
    c.query(
      `MERGE INTO daily_price p USING (SELECT $1::int AS etf_id, date '2024-01-02' AS date) s
       ON p.etf_id = s.etf_id AND p.date = s.date
       WHEN NOT MATCHED THEN INSERT (etf_id, date, open, high, low, close, volume) VALUES (s.etf_id, s.date, 10, 11, 9, 10, 100)
       WHEN MATCHED THEN UPDATE SET close = 10`,
      [id],
    ),
  move: (c, id, sourceId) => c.query('UPDATE daily_price SET etf_id = $1 WHERE etf_id = $2', [id, sourceId]),
  'insert indicator': (c, id) =>
    c.query(`INSERT INTO daily_indicator (etf_id, adjusted, date, sma_20) VALUES ($1, false, '2024-01-02', 10)`, [id]),
  'copy indicator': (c, id) =>
    pipeline(
      Readable.from([`${id}\tf\t2024-01-02\t10\n`]),
      c.query(copyFrom('COPY daily_indicator (etf_id, adjusted, date, sma_20) FROM STDIN')),
    ),
};

/** Outcomes a session may meet and its client handle: anything else fails the schedule. */
const EXPECTED_FAILURES = new Set(['40001', '40P01', '23503']);

type Session = { client: pg.Client; failed: boolean };
type Step = (s: { d: Session; w: Session; etfId: number; sourceId: number; write: Write }) => Promise<void>;

/**
 * Runs `statement` on a session; resolves once it has finished or is waiting for
 * a lock, so the schedule can go on while it waits. `done` settles when the
 * statement does (wrapped: an async function would wait for a promise it returns).
 */
async function start(session: Session, statement: () => Promise<unknown>): Promise<{ done: Promise<void> }> {
  const pid = (session.client as unknown as { processID: number }).processID;
  let settled = false;
  const done = (session.failed ? Promise.resolve() : statement()).then(
    () => {
      settled = true;
    },
    async (error: pg.DatabaseError) => {
      settled = true;
      if (!EXPECTED_FAILURES.has(error.code ?? '')) throw error;
      session.failed = true;
      await session.client.query('ROLLBACK');
    },
  );
  for (let i = 0; i < 500 && !settled; i++) {
    const { rows } = await t.db.pool.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (rows[0]?.wait_event_type === 'Lock') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { done };
}

const run = async (session: Session, statement: () => Promise<unknown>) => {
  await (await start(session, statement)).done;
};
const begin = (isolation: Isolation) => (s: Session) =>
  run(s, () => s.client.query(`BEGIN ISOLATION LEVEL ${isolation}`));
const snapshot = (s: Session) => run(s, () => s.client.query('SELECT 1 FROM etf LIMIT 1'));
const commit = (s: Session) => run(s, () => s.client.query('COMMIT'));
const deleteEtf = (s: Session, etfId: number) =>
  start(s, () => s.client.query('DELETE FROM etf WHERE id = $1', [etfId]));

/** The interleavings: which session goes first, and where the deleter takes its snapshot. */
const SCHEDULES: Record<string, (deleterLevel: Isolation, writerLevel: Isolation) => Step> = {
  'old snapshot, write commits, then delete':
    (dl, wl) =>
    async ({ d, w, etfId, sourceId, write }) => {
      await begin(dl)(d);
      await snapshot(d);
      await begin(wl)(w);
      await run(w, () => write(w.client, etfId, sourceId));
      await commit(w);
      await (await deleteEtf(d, etfId)).done;
      await commit(d);
    },
  'delete, then write waits':
    (dl, wl) =>
    async ({ d, w, etfId, sourceId, write }) => {
      await begin(dl)(d);
      await (await deleteEtf(d, etfId)).done;
      await begin(wl)(w);
      const writing = await start(w, () => write(w.client, etfId, sourceId));
      await commit(d);
      await writing.done;
      await commit(w);
    },
  'old snapshot, write, then delete waits':
    (dl, wl) =>
    async ({ d, w, etfId, sourceId, write }) => {
      await begin(dl)(d);
      await snapshot(d);
      await begin(wl)(w);
      await run(w, () => write(w.client, etfId, sourceId));
      const deleting = await deleteEtf(d, etfId);
      await commit(w);
      await deleting.done;
      await commit(d);
    },
  'write, then delete waits':
    (dl, wl) =>
    async ({ d, w, etfId, sourceId, write }) => {
      await begin(wl)(w);
      await run(w, () => write(w.client, etfId, sourceId));
      await begin(dl)(d);
      const deleting = await deleteEtf(d, etfId);
      await commit(w);
      await deleting.done;
      await commit(d);
    },
};

/** Rows naming `etfId` when no such ETF exists. */
const orphans = async (etfId: number) =>
  Number(
    (
      await t.db.pool.query(
        `SELECT (SELECT count(*) FROM daily_price WHERE etf_id = $1) + (SELECT count(*) FROM daily_indicator WHERE etf_id = $1) AS n
         WHERE NOT EXISTS (SELECT FROM etf WHERE id = $1)`,
        [etfId],
      )
    ).rows[0]?.n ?? 0,
  );

let serial = 0;
const cases = Object.entries(SCHEDULES).flatMap(([name, schedule]) =>
  ISOLATION.flatMap((deleterLevel) =>
    (['READ COMMITTED', 'REPEATABLE READ'] as const).map((writerLevel) => ({
      name,
      schedule,
      deleterLevel,
      writerLevel,
    })),
  ),
);

describe.each(Object.entries(WRITES))('%s against a delete of the ETF', (_, write) => {
  it.each(cases)(
    '$name: deleter at $deleterLevel, writer at $writerLevel',
    async ({ schedule, deleterLevel, writerLevel }) => {
      serial += 1;
      const etf = await createEtf(t.db, `SCH${serial}`);
      const source = await createEtf(t.db, `SRC${serial}`);
      await insertBar(writer, source.id, 0);
      const d = { client: deleter, failed: false };
      const w = { client: writer, failed: false };
      await schedule(deleterLevel, writerLevel)({ d, w, etfId: etf.id, sourceId: source.id, write });
      expect(await orphans(etf.id)).toBe(0);
      // The delete either committed or failed where the deleter could see it.
      const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM etf WHERE id = $1', [etf.id]);
      expect(rows[0].n).toBe(d.failed ? 1 : 0);
    },
  );
});

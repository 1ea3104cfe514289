// Prepared statements stay prepared on every pooled connection for its life,
// so a process names at most 32 distinct texts; a text keeps its name. A pool
// behind a transaction pooler names none: the next transaction may run on
// another server connection, which never prepared it.
import pg from 'pg';
import { expect, it } from 'vitest';
import { markBehindPooler, prepared } from '../../src/db/prepared.js';

// Never connected: prepared() only looks the pool up.
const pool = new pg.Pool();

it('names the first 32 distinct texts, the same name each time, and no other', () => {
  const names = Array.from({ length: 40 }, (_, i) => prepared(pool, { text: `/* t */ SELECT ${i}`, values: [] }).name);
  expect(new Set(names.slice(0, 32)).size).toBe(32);
  expect(names.slice(32)).toEqual(Array(8).fill(undefined));
  expect(prepared(pool, { text: '/* t */ SELECT 3' }).name).toBe(names[3]);
  expect(prepared(pool, { text: '/* t */ SELECT 3', values: [7] })).toMatchObject({ values: [7], name: names[3] });
});

it('names nothing for a pool behind a transaction pooler', () => {
  const pooled = new pg.Pool();
  markBehindPooler(pooled);
  expect(prepared(pooled, { text: '/* t */ SELECT 3', values: [7] })).toEqual({
    text: '/* t */ SELECT 3',
    values: [7],
  });
});

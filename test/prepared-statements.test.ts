// Prepared statements stay prepared on every pooled connection for its life,
// so a process names at most 32 distinct texts; a text keeps its name.
import { expect, it } from 'vitest';
import { prepared } from '../src/db/prepared.js';

it('names the first 32 distinct texts, the same name each time, and no other', () => {
  const names = Array.from({ length: 40 }, (_, i) => prepared({ text: `/* t */ SELECT ${i}`, values: [] }).name);
  expect(new Set(names.slice(0, 32)).size).toBe(32);
  expect(names.slice(32)).toEqual(Array(8).fill(undefined));
  expect(prepared({ text: '/* t */ SELECT 3' }).name).toBe(names[3]);
  expect(prepared({ text: '/* t */ SELECT 3', values: [7] })).toMatchObject({ values: [7], name: names[3] });
});

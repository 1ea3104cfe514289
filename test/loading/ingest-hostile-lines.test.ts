// npm run ingest on lines no price file has: a 50 MB row or header is refused
// with its file:line and a reason of a few dozen characters (not the line
// echoed back), a quoted field with text after its closing quote is refused
// rather than read as the number before it, and nothing of such a file loads.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { createEtf, snapshot } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-hostile-'));
  env = { DATABASE_URL: t.url };
  await createEtf(t.db, 'QQQ');
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const HEADER = 'Date,Open,High,Low,Close,Volume';
const GOOD = '2024-01-02,10,11,9,10.5,1000';

/** A file with `before`, 50 MB of `fill` streamed in 1 MB pieces (never whole in memory), then `after`. */
async function fileWithLongLine(name: string, before: string, fill: string, after: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write(before);
  const piece = fill.repeat(1024 * 1024);
  for (let i = 0; i < 50; i++) if (!out.write(piece)) await once(out, 'drain');
  out.end(after);
  await finished(out);
  return file;
}

it('refuses a 50 MB row with its line and a short reason, and loads nothing of the file', async () => {
  const file = await fileWithLongLine('row/QQQ.csv', `${HEADER}\n${GOOD}\n2024-01-03,"`, '7', `",11,9,10.5,1000\n`);
  const before = await snapshot(t.db);
  const run = await runCli('ingest', [file], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    new RegExp(`${file}:3: the line is longer than 65,536 characters \\(52,428,8\\d\\d bytes\\): "2024-01-03,\\\\"777`),
  );
  expect(run.stderr.length).toBeLessThan(2000);
  expect(await snapshot(t.db)).toEqual(before);
}, 60_000);

it('refuses a 50 MB header the same way', async () => {
  const file = await fileWithLongLine('header/QQQ.csv', `${HEADER},`, 'x', `\n${GOOD}\n`);
  const before = await snapshot(t.db);
  const run = await runCli('ingest', [file], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${file}:1: the line is longer than 65,536 characters`);
  expect(run.stderr.length).toBeLessThan(2000);
  expect(await snapshot(t.db)).toEqual(before);
}, 60_000);

it.each([
  ['text after a closing quote', '2024-01-03,"100"7,101,99,100,1000', ':3: column 2: '],
  [
    'a quote inside an unquoted field',
    '2024-01-03,10"0,101,99,100,1000',
    ':3: column 2: a quote inside an unquoted field',
  ],
  ['an unterminated quote at the end of the file', '2024-01-03,"100,101,99,100,1000', ':3: column 2: '],
])('refuses %s with its line, and loads nothing of the file', async (name, line, reason) => {
  const file = path.join(dir, `quote-${name.replaceAll(' ', '-')}`, 'QQQ.csv');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${HEADER}\n${GOOD}\n${line}`);
  const before = await snapshot(t.db);
  const run = await runCli('ingest', [file], env);
  expect(run.stderr).toContain(`${file}${reason}`);
  expect(run.code).toBe(1);
  expect(await snapshot(t.db)).toEqual(before);
});

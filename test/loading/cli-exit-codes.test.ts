// Every command-line tool ends the same way (src/cli/cli-database.ts): a bad
// variable is status 2 with the configuration's message, a database it cannot
// reach is status 3 with one line; never a stack trace.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';

// Named before the tests are collected: it.each reads the arguments then.
const dir = path.join(tmpdir(), `etfql-cli-${process.pid}`);
const csv = path.join(dir, 'SPY.csv');
beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  await writeFile(csv, 'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const tools = () =>
  [
    ['migrate', [], {}],
    ['create-migration', ['some_change'], {}],
    // ADMIN_PASSWORD is create-admin's input (for the others, only with ADMIN_EMAIL).
    ['create-admin', ['admin@example.com'], { ADMIN_PASSWORD: 'a-long-enough-password' }],
    ['ingest', [csv], {}],
    ['update', [], {}],
  ] as const;

const STACK = /\n\s+at /;

it.each(tools())('%s: a bad variable is status 2 with its message, no stack', async (tool, args, env) => {
  const run = await runCli(tool, [...args], { DB_POOL_SIZE: 'lots', ...env });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('DB_POOL_SIZE must be an integer from 1 to 200, got "lots"');
  expect(run.stderr).not.toMatch(STACK);
});

it.each(tools())('%s: a database it cannot reach is status 3, one line, no stack', async (tool, args, env) => {
  const run = await runCli(tool, [...args], {
    DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none',
    PRICE_SOURCE_URL: 'http://127.0.0.1:1/{ticker}.csv',
    ...env,
  });
  expect(run.code).toBe(3);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/reach|ECONNREFUSED|connect/i);
  expect(run.stderr).not.toMatch(STACK);
});

// The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD at start-up, or from the CLI.
import { spawn } from 'node:child_process';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { prepareDatabase } from '../../src/startup/prepare-database.js';
import { createApp } from '../../src/yoga.js';
import { signIn } from '../helpers/accounts.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

let url: string;
let db: Database;
beforeAll(async () => {
  url = await createEmptyDatabase();
  const config = loadConfig({
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    ADMIN_EMAIL: 'Boss@Example.com',
    ADMIN_PASSWORD: 'a-strong-first-password',
  });
  db = await prepareDatabase(url, config, pino({ level: 'silent' }));
});
afterAll(() => db.close());

it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD at start-up, who can sign in', async () => {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
  expect(user.role).toBe('ADMIN');
  const token = await signIn(createApp({ db }), 'boss@example.com', 'a-strong-first-password');
  expect(token.split('.')).toHaveLength(3);
});

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', ...args], {
      env: { ...process.env, DATABASE_URL: url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

it('creates or promotes an admin from the command line, and refuses a weak password', async () => {
  const created = await runCli(['ops@example.com', 'Ops'], { ADMIN_PASSWORD: 'another-strong-password' });
  expect(created).toMatchObject({ code: 0, output: 'Created admin ops@example.com.\n' });
  expect((await db.prisma.user.findUniqueOrThrow({ where: { email: 'ops@example.com' } })).role).toBe('ADMIN');

  await db.prisma.user.update({
    where: { email: 'ops@example.com' },
    data: { role: 'VIEWER', deactivatedAt: new Date() },
  });
  const promoted = await runCli(['OPS@example.com'], { ADMIN_PASSWORD: 'another-strong-password' });
  expect(promoted.code).toBe(0);
  expect(await db.prisma.user.findUniqueOrThrow({ where: { email: 'ops@example.com' } })).toMatchObject({
    role: 'ADMIN',
    deactivatedAt: null,
  });

  const weak = await runCli(['weak@example.com'], { ADMIN_PASSWORD: 'short' });
  expect(weak.code).toBe(1);
  expect(weak.output).toContain('admin.password: must be at least 12 characters long');
  expect(await db.prisma.user.findUnique({ where: { email: 'weak@example.com' } })).toBeNull();
}, 60_000);

it('says at start-up how to create an admin when there is none, and not once there is', async () => {
  const logged = async (databaseUrl: string, env: Record<string, string>) => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const prepared = await prepareDatabase(
      databaseUrl,
      loadConfig({ DATABASE_URL: databaseUrl, SEED_DEMO: 'false', ...env }),
      logger,
    );
    await prepared.close();
    return lines.join('');
  };
  const empty = await createEmptyDatabase();
  expect(await logged(empty, {})).toMatch(
    /No administrator yet: set ADMIN_EMAIL and ADMIN_PASSWORD.*npm run create-admin/,
  );
  // The key from the environment is an admin: the hint goes.
  expect(await logged(empty, { ADMIN_API_KEY: 'etfql_first-admin-test-key-0123456789' })).not.toMatch(
    /No administrator yet/,
  );
  // So is the account from ADMIN_EMAIL (the database of the tests above).
  expect(await logged(url, {})).not.toMatch(/No administrator yet/);
});

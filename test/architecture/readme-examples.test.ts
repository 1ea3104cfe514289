// Every example in the README, run against a real HTTP server holding the demo
// data, in README order, so the README cannot go stale: each GraphQL block is
// one request (mutations with an admin key, queries without credentials unless
// they read what belongs to the caller) and
// must answer without errors; each shell and JavaScript block that talks to
// the server is run as written, against this server; a block that runs an npm
// script must name one that exists (the scripts have tests of their own).
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLastDate } from '../../src/demo/demo-etfs.js';
import { seedDemoData, seedDemoHoldings } from '../../src/demo/seed-demo.js';
import { currentSection, errorsTable } from '../../src/docs/readme-tables.js';
import { createHttpServer } from '../../src/http/http-server.js';
import { bearer } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const README = await readFile('README.md', 'utf8');
const PACKAGE = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
const README_URL = 'http://127.0.0.1:4000';

type Block = { language: string; line: number; text: string };
const blocks: Block[] = [];
{
  let open: Block | null = null;
  README.split('\n').forEach((line, index) => {
    const fence = line.match(/^```(\w*)\s*$/);
    if (!fence) {
      if (open) open.text += `${line}\n`;
    } else if (open) {
      blocks.push(open);
      open = null;
    } else {
      open = { language: fence[1] ?? '', line: index + 1, text: '' };
    }
  });
}

let t: TestDatabase;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db);
  await seedDemoHoldings(t.db);
  server = createHttpServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/** A block as it would run here: this server's address, and a real key where the README has a placeholder. */
const localized = (text: string) => text.replaceAll(README_URL, base).replace(/KEY=etfql_\.\.\./g, `KEY=${ADMIN_KEY}`);

function run(file: string, args: string[], timeoutMs: number) {
  return new Promise<{ stdout: string; stderr: string }>((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGINT' }, (_error, stdout, stderr) =>
      resolve({ stdout, stderr }),
    );
  });
}

/** Rewrites SPY's last bar (a new high each time) through the API, so that a subscriber has something to hear. */
async function loadOneBar() {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(ADMIN_KEY) },
    body: JSON.stringify({
      query: 'mutation($b: [PriceBarInput!]!) { loadPrices(ticker: "SPY", bars: $b) { inserted updated } }',
      variables: {
        b: [{ date: demoLastDate(), open: 600, high: 601 + Math.random(), low: 599, close: 600, volume: 1 }],
      },
    }),
  });
  expect((await response.json()).errors).toBeUndefined();
}

/** Runs a subscription example for a few seconds while a load commits; returns what it printed. */
async function whileLoading(start: () => Promise<{ stdout: string; stderr: string }>) {
  const running = start();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await loadOneBar();
  return running;
}

it('has examples of every kind', () => {
  const languages = new Set(blocks.map((block) => block.language));
  for (const language of ['graphql', 'sh', 'js']) expect(languages).toContain(language);
});

it('links only to headings it has', () => {
  // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
  const anchors = new Set(
    [...README.matchAll(/^#{1,4} (.+)$/gm)].map((match) =>
      (match[1] as string)
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replaceAll(' ', '-'),
    ),
  );
  for (const [, anchor] of README.matchAll(/\]\(#([\w-]+)\)/g)) expect(anchors, `#${anchor}`).toContain(anchor);
});

it('has the Errors table generated from the error catalogue (npm run docs)', () => {
  // Which codes reach clients is test/api/error-catalogue.test.ts's to prove.
  expect(currentSection(README, 'errors')).toBe(errorsTable().text);
});

describe('README examples, in order', () => {
  for (const block of blocks) {
    const name = `${block.language || 'text'} block at README.md:${block.line}`;

    if (block.language === 'graphql') {
      it(`${name} answers without errors`, async () => {
        const document = parse(block.text);
        const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
        expect(operations, 'one operation per example').toHaveLength(1);
        const mutation = operations[0]?.kind === Kind.OPERATION_DEFINITION && operations[0].operation === 'mutation';
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          // Mutations, and reads of what belongs to the caller (the README says so), send a key.
          headers: {
            'content-type': 'application/json',
            ...(mutation || block.text.includes('with your key or session') ? bearer(ADMIN_KEY) : {}),
          },
          body: JSON.stringify({ query: block.text }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
      });
    } else if (
      (block.language === 'sh' || block.language === 'cron') &&
      /\bnpm (run|test|install|start)\b/.test(block.text)
    ) {
      it(`${name} names npm scripts that exist`, () => {
        for (const [, script] of block.text.matchAll(/\bnpm run (?:--silent )?([\w:-]+)/g)) {
          expect(PACKAGE.scripts, `npm run ${script}`).toHaveProperty(script as string);
        }
        for (const [, script] of block.text.matchAll(/\bnpm (test|start)\b/g)) {
          expect(PACKAGE.scripts).toHaveProperty(script as string);
        }
      });
    } else if (block.language === 'sh' && block.text.includes('text/event-stream')) {
      it(`${name} hears a load as it commits`, async () => {
        const { stdout } = await whileLoading(() => run('timeout', ['4', 'bash', '-c', localized(block.text)], 10_000));
        expect(stdout).toMatch(/data: \{"data":\{"pricesUpdated":\{"ticker":"SPY"/);
      });
    } else if (block.language === 'sh') {
      it(`${name} runs and answers without errors`, async () => {
        const { stdout, stderr } = await run('bash', ['-c', localized(block.text)], 15_000);
        expect(stderr).toBe('');
        const body = JSON.parse(stdout) as { data?: unknown; errors?: unknown[] };
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
      });
    } else if (block.language === 'js') {
      it(`${name} runs in Node and hears a load as it commits`, async () => {
        const file = path.join(tmpdir(), `etfql-readme-${process.pid}-${block.line}.mjs`);
        await writeFile(file, localized(block.text));
        try {
          const { stdout } = await whileLoading(() => run(process.execPath, [file], 4000));
          expect(stdout).toMatch(/ticker: 'SPY'/);
        } finally {
          await rm(file, { force: true });
        }
      });
    }
  }
});

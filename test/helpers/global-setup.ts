// Starts one real PostgreSQL for the whole test run: the embedded one in a
// throw-away directory, or the server at TEST_DATABASE_URL when given (each test
// file then creates its own database there).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadEmbeddedPostgres } from '../../src/db/database-server.js';
import { buildDashboard } from '../../src/http/dashboard-assets.js';
import { freePort } from '../../src/net/ports.js';

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
  // Without its exit hooks, which would turn a failed run's status into 0 (see loadEmbeddedPostgres).
  const startEmbeddedPostgres = await loadEmbeddedPostgres();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  project.provide('postgresUrlTemplate', server.urlFor('__DB__'));
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

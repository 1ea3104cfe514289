// npm run bench: every workload the issues name, each against its floor in the
// same run, alternating rounds so that a noisy neighbour hurts both sides alike.
// Reports medians over the rounds and the ratios to the floor.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { prepareDatabase } from '../src/db/prepare-database.js';
import { freePort } from '../test/free-port.js';
import { chartRequestBody } from './chart-workload.js';
import { type Measurement, measure, median } from './measure.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-bench-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
const config = loadConfig({ DATABASE_URL: postgres.url, SEED_DEMO: 'true' });
const db = await prepareDatabase(postgres.url, config, pino({ level: 'warn' }));
await db.close();

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], {
  env: { ...process.env, DATABASE_URL: postgres.url, NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ports = await new Promise<{ graphql: number; floor: number }>((resolve) => {
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => resolve(JSON.parse(line)));
});

try {
  const graphqlUrl = `http://127.0.0.1:${ports.graphql}/graphql`;
  const floorUrl = `http://127.0.0.1:${ports.floor}/`;
  const results: Record<string, Measurement[]> = { gql1: [], floor1: [], gql16: [], floor16: [] };

  // Warm-up: JIT, pools, PostgreSQL's buffer cache.
  await measure({ url: graphqlUrl, body: chartRequestBody, connections: 4, seconds: 2 });
  await measure({ url: floorUrl, connections: 4, seconds: 2 });

  for (let round = 0; round < ROUNDS; round++) {
    results.gql1?.push(await measure({ url: graphqlUrl, body: chartRequestBody, connections: 1, seconds: SECONDS }));
    results.floor1?.push(await measure({ url: floorUrl, connections: 1, seconds: SECONDS }));
    results.gql16?.push(await measure({ url: graphqlUrl, body: chartRequestBody, connections: 16, seconds: SECONDS }));
    results.floor16?.push(await measure({ url: floorUrl, connections: 16, seconds: SECONDS }));
  }

  const m = (key: string, field: keyof Measurement) => median((results[key] ?? []).map((r) => r[field]));
  const errors = Object.values(results)
    .flat()
    .reduce((sum, r) => sum + r.errors, 0);
  const rows = [
    ['chart query (10 tickers × 252 bars)', 'GraphQL', 'SQL floor', 'ratio', 'target'],
    [
      'p50 latency, 1 connection (ms)',
      m('gql1', 'p50'),
      m('floor1', 'p50'),
      m('gql1', 'p50') / m('floor1', 'p50'),
      '≤ 2.00',
    ],
    ['p99 latency, 1 connection (ms)', m('gql1', 'p99'), m('floor1', 'p99'), m('gql1', 'p99') / m('floor1', 'p99'), ''],
    [
      'throughput, 16 connections (req/s)',
      m('gql16', 'requestsPerSecond'),
      m('floor16', 'requestsPerSecond'),
      m('gql16', 'requestsPerSecond') / m('floor16', 'requestsPerSecond'),
      '',
    ],
  ];
  process.stdout.write(`\netfql benchmark — medians of ${ROUNDS} rounds of ${SECONDS} s, Node ${process.version}\n\n`);
  for (const row of rows) {
    const cells = row.map((cell, i) =>
      typeof cell === 'number' ? (i === 3 ? `${cell.toFixed(2)}×` : cell.toFixed(1)) : String(cell),
    );
    process.stdout.write(
      `${(cells[0] as string).padEnd(38)}${cells
        .slice(1)
        .map((c) => c.padStart(12))
        .join('')}\n`,
    );
  }
  process.stdout.write(`\nrequests that failed: ${errors}\n`);
  if (errors > 0) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}

// The holdings workloads, against the server process of holdings-servers.ts
// over the database of holdings-data.ts, each at one connection in the same
// rounds, alternating with its floor:
// - overlap of the 20 large funds (190 pairs, the 10 largest common holdings);
// - holders of one security held by about 250 of the 500 funds;
// - look-through of a 10-ETF portfolio, 3 of them funds of funds, by SECTOR;
// all with the response cache on, as `npm start` runs, and every request new
// (its own asOf); then each with one body repeated (every request a hit);
// - the import of one N-PORT file of 3,000 positions as `npm run ingest --
//   --holdings FILE` runs it (a process), against a process that inserts the
//   same positions, parsed beforehand, with one statement.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createDatabase } from '../src/db/database.js';
import { importHoldingsFile } from '../src/holdings/import-holdings.js';
import { readHoldingsFile } from '../src/holdings/read-holdings-file.js';
import { createHoldingsDatabase, type HoldingsShape } from './holdings-data.js';
import { nportXml } from './holdings-files.js';
import {
  FLOOR_PATHS,
  graphqlBody,
  HOLDINGS_WORKLOADS,
  type HoldingsWorkload,
  holdingsBodies,
  holdingsVariables,
  sameAnswer,
} from './holdings-workload.js';
import { type Measurement, measure, median } from './measure.js';

/** The quarter before the snapshots': the import adds history, leaving the read workloads' snapshots alone. */
const IMPORT_DATE = '2023-09-29';
const IMPORT_RUNS = 5;

export type HoldingsResults = {
  shape: HoldingsShape;
  /** Per workload: etfql's and the floor's measurements (misses), and etfql's hits. */
  ours: Record<HoldingsWorkload, Measurement[]>;
  floor: Record<HoldingsWorkload, Measurement[]>;
  hits: Record<HoldingsWorkload, Measurement[]>;
  /** Rows each answer has: pairs, holders, securities listed + slices. */
  answerSizes: Record<HoldingsWorkload, number>;
  importSeconds: number[];
  importFloorSeconds: number[];
  /** importHoldingsFile in this process: the import's own work, without a process to start. */
  importInProcessSeconds: number[];
  errors: number;
};

async function post(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Runs a process to its end and returns its wall time; rejects on a non-zero status. */
async function timed(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const elapsed = seconds(started);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`);
  return elapsed;
}

/** The CLI against its floor, alternating, after one untimed run of each. */
async function benchImport(url: string, shape: HoldingsShape, runs: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'etfql-bench-holdings-'));
  const db = createDatabase(url, { poolSize: 1 });
  try {
    // Named by the ETF's ticker, as the importer finds the fund.
    const file = path.join(dir, 'H000.xml');
    const positions = shape.importSpecs;
    await writeFile(
      file,
      nportXml({
        seriesId: 'S000099001',
        seriesName: 'H000 Bench Fund',
        repPdDate: IMPORT_DATE,
        netAssets: 5e9,
        positions,
      }),
    );
    // The floor's input: the same positions as the importer reads them, linked and ranked before its clock starts.
    const read = await readHoldingsFile(file);
    if (read.problems.length > 0) throw new Error(`the N-PORT file has problems: ${JSON.stringify(read.problems)}`);
    const { rows } = await db.pool.query<{ isin: string; id: number }>(
      'SELECT isin, id FROM security WHERE isin = ANY($1::text[])',
      [read.positions.map((p) => p.isin)],
    );
    const ids = new Map(rows.map((row) => [row.isin, row.id]));
    const ranked = [...read.positions].sort((a, b) => b.weight - a.weight || a.line - b.line);
    const column = <K extends keyof (typeof ranked)[number]>(key: K) => ranked.map((p) => p[key]);
    const json = path.join(dir, 'positions.json');
    await writeFile(
      json,
      JSON.stringify({
        position: ranked.map((_, i) => i + 1),
        securityId: ranked.map((p) => ids.get(p.isin as string) ?? null),
        name: column('name'),
        assetCategory: column('assetCategory'),
        assetClass: column('assetClass'),
        sector: column('sector'),
        country: column('country'),
        currency: column('currency'),
        shares: column('shares'),
        units: column('units'),
        marketValue: column('marketValue'),
        weight: column('weight'),
        payoff: column('payoff'),
      }),
    );
    if (ranked.some((p) => !ids.has(p.isin as string))) throw new Error('a position of the file names no security');
    await db.pool.query('CREATE TABLE floor_holding (LIKE holding INCLUDING ALL)');
    const env = { DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const cli = () => timed(['scripts/run.mjs', 'cli/ingest', '--holdings', file], env);
    const floor = async () => {
      await db.pool.query('TRUNCATE floor_holding');
      return timed(['bench/holdings-import-floor.mjs', json], env);
    };
    await cli();
    await floor();
    const count = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM holding h JOIN holding_snapshot s ON s.id = h.snapshot_id
       JOIN etf e ON e.id = s.etf_id WHERE e.ticker = 'H000' AND s.as_of = $1`,
      [IMPORT_DATE],
    );
    if (count.rows[0]?.n !== positions.length) throw new Error(`the import stored ${count.rows[0]?.n} positions`);
    const importSeconds: number[] = [];
    const importFloorSeconds: number[] = [];
    const importInProcessSeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      importFloorSeconds.push(await floor());
      importSeconds.push(await cli());
      const started = performance.now();
      const result = await importHoldingsFile(db, file);
      importInProcessSeconds.push(seconds(started));
      if (result.problems.length > 0) throw new Error(`the import failed: ${JSON.stringify(result.problems)}`);
    }
    return { importSeconds, importFloorSeconds, importInProcessSeconds };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchHoldings(adminUrl: string, rounds: number, seconds: number): Promise<HoldingsResults> {
  const { url, shape } = await createHoldingsDatabase(adminUrl);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/holdings-servers.ts'], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const empty = () => ({ overlap: [], holders: [], lookThrough: [] }) as Record<HoldingsWorkload, Measurement[]>;
  const ours = empty();
  const floor = empty();
  const hits = empty();
  const answerSizes = { overlap: 0, holders: 0, lookThrough: 0 };
  try {
    const ports = await new Promise<{ graphql: number; floor: number }>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) =>
        resolve(JSON.parse(line)),
      );
      child.once('exit', (code) => reject(new Error(`the holdings server process exited with ${code}`)));
    });
    const graphql = `http://127.0.0.1:${ports.graphql}/graphql`;
    const floorUrl = (workload: HoldingsWorkload) => `http://127.0.0.1:${ports.floor}${FLOOR_PATHS[workload]}`;
    // The floor must be the same answer, not merely a fast one. This request
    // (the snapshots' date itself, never among the timed ones) is also the one
    // the hits repeat: it is in the cache from here on.
    const hitBodies = {} as Record<HoldingsWorkload, string>;
    for (const workload of HOLDINGS_WORKLOADS) {
      const variables = holdingsVariables(workload, -1);
      hitBodies[workload] = graphqlBody(workload, variables);
      const answer = (await post(graphql, hitBodies[workload])) as { data?: Record<string, unknown>; errors?: unknown };
      if (answer.errors) throw new Error(`${workload} failed: ${JSON.stringify(answer.errors)}`);
      const floorAnswer = await post(floorUrl(workload), JSON.stringify(variables));
      const differs = sameAnswer(answer, floorAnswer);
      if (differs) throw new Error(`the ${workload} floor does not answer what etfql does: ${differs}`);
      const data = answer.data?.[workload] as unknown[] | { holdings: unknown[]; exposure: unknown[] };
      answerSizes[workload] = Array.isArray(data) ? data.length : data.holdings.length + data.exposure.length;
    }
    const bodies = Object.fromEntries(
      HOLDINGS_WORKLOADS.map((workload) => [
        workload,
        { graphql: holdingsBodies(workload, 'graphql'), floor: holdingsBodies(workload, 'floor') },
      ]),
    ) as Record<HoldingsWorkload, { graphql: () => string; floor: () => string }>;
    const run = (workload: HoldingsWorkload, side: 'graphql' | 'floor', duration: number) =>
      measure({
        url: side === 'graphql' ? graphql : floorUrl(workload),
        bodies: bodies[workload][side],
        connections: 1,
        seconds: duration,
      });
    const hit = (workload: HoldingsWorkload, duration: number) =>
      measure({ url: graphql, body: hitBodies[workload], connections: 1, seconds: duration });
    // Warm-up: both sides' code optimized before anything is timed.
    for (const workload of HOLDINGS_WORKLOADS) {
      await run(workload, 'graphql', 2);
      await run(workload, 'floor', 2);
    }
    for (let round = 0; round < rounds; round++) {
      for (const workload of HOLDINGS_WORKLOADS) {
        ours[workload].push(await run(workload, 'graphql', seconds));
        floor[workload].push(await run(workload, 'floor', seconds));
        hits[workload].push(await hit(workload, Math.min(seconds, 2)));
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  // After the server is gone: nothing else shares the machine with the processes timed.
  const { importSeconds, importFloorSeconds, importInProcessSeconds } = await benchImport(
    url,
    shape,
    Math.max(IMPORT_RUNS, rounds),
  );
  const errors = [...Object.values(ours), ...Object.values(floor), ...Object.values(hits)]
    .flat()
    .reduce((sum, m) => sum + m.errors, 0);
  return { shape, ours, floor, hits, answerSizes, importSeconds, importFloorSeconds, importInProcessSeconds, errors };
}

/** The median over the rounds of one field of a workload's measurements. */
export const medianOf = (measurements: Measurement[], field: keyof Measurement) =>
  median(measurements.map((m) => m[field]));

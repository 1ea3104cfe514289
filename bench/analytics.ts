// The analytics workloads, against the server process of analytics-servers.ts
// over a database of 500 ETFs × 10 years (analytics-data.ts), each measured at
// one connection in the same rounds, alternating:
// - screen: three conditions, an order and a page over every ETF, against
//   its floor (the same page from one hand-written statement);
// - performance: every figure of 100 ETFs in one request, as of their latest
//   bar and (computed) as of an earlier date;
// - correlation: 20 × 20 over five years of daily returns.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import { createAnalyticsDatabase } from './analytics-data.js';
import { correlationRequestBody, performanceRequestBody, screenRequestBody } from './analytics-workload.js';
import { type Measurement, measure, median } from './measure.js';

type Workload = 'screen' | 'floor' | 'performance' | 'performanceAsOf' | 'correlation';

export type AnalyticsResults = {
  p50: Record<Workload, number>;
  /** autocannon's percentiles are whole milliseconds; the means tell a 1.5 ms p50 from a 2.4. */
  mean: Record<Workload, number>;
  errors: number;
  /** Rewriting latest_metrics for all 500 ETFs in one statement, as the nightly update does. */
  refreshMs: number;
};

type Target = { url: string; body?: string };

async function post(target: Target): Promise<unknown> {
  const response = await fetch(target.url, {
    method: target.body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: target.body,
  });
  return response.json();
}

export async function benchAnalytics(adminUrl: string, rounds: number, seconds: number): Promise<AnalyticsResults> {
  const { url, refreshMs } = await createAnalyticsDatabase(adminUrl);
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/analytics-servers.ts'], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ports = await new Promise<{ graphql: number; floor: number }>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) =>
        resolve(JSON.parse(line)),
      );
      child.once('exit', (code) => reject(new Error(`the analytics server process exited with ${code}`)));
    });
    const graphql = `http://127.0.0.1:${ports.graphql}/graphql`;
    const targets: Record<Workload, Target> = {
      screen: { url: graphql, body: screenRequestBody },
      floor: { url: `http://127.0.0.1:${ports.floor}/screen` },
      performance: { url: graphql, body: performanceRequestBody() },
      performanceAsOf: { url: graphql, body: performanceRequestBody('2025-11-14') },
      correlation: { url: graphql, body: correlationRequestBody },
    };
    // The floor must be the same answer, not merely a fast one.
    const [screen, floor] = [await post(targets.screen), await post(targets.floor)];
    if (!isDeepStrictEqual(screen, floor)) throw new Error('the screen floor does not answer what the screen does');
    for (const name of ['performance', 'performanceAsOf', 'correlation'] as const) {
      const body = (await post(targets[name])) as { errors?: unknown };
      if (body.errors) throw new Error(`${name} failed: ${JSON.stringify(body.errors)}`);
    }
    const results: Record<string, Measurement[]> = {};
    for (const target of Object.values(targets)) await measure({ ...target, connections: 1, seconds: 2 });
    for (let round = 0; round < rounds; round++) {
      for (const [name, target] of Object.entries(targets)) {
        results[name] ??= [];
        results[name]?.push(await measure({ ...target, connections: 1, seconds }));
      }
    }
    const medians = (field: 'p50' | 'mean') =>
      Object.fromEntries(
        Object.keys(targets).map((name) => [name, median((results[name] ?? []).map((m) => m[field]))]),
      ) as Record<Workload, number>;
    const errors = Object.values(results)
      .flat()
      .reduce((sum, m) => sum + m.errors, 0);
    return { p50: medians('p50'), mean: medians('mean'), errors, refreshMs };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

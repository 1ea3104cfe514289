// The importers' worst inputs, measured in one process against a throwaway
// PostgreSQL on 127.0.0.1: a CSV file with one 50 MB line (what its rejection
// prints, how long, how much memory), and `npm run update` with four gzip
// bombs at once (1 GB of zeros each, about 1 MB on the wire) from a provider
// on 127.0.0.1. For each: wall time, the worst event-loop delay, and the memory
// added (peak RSS, and heap after GC). Bounded: two scenarios, one pass each.
//   node --import tsx bench/probes/importers.ts
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { freePort } from '../../src/net/ports.js';
import { runDailyUpdate } from '../../src/update/daily-update.js';
import { measure, printFigures } from './measure-work.js';

const LINE_BYTES = 50 * 1024 * 1024;
const BOMB_BYTES = 1024 * 1024 * 1024;
const BOMBS = 4;

const dir = await mkdtemp(path.join(tmpdir(), 'etfql-probe-importers-'));
const postgres = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false });
try {
  await applyMigrations(postgres.url);
  const db = createDatabase(postgres.url, { poolSize: 4 });
  for (const ticker of ['LONG', 'BOMA', 'BOMB', 'BOMC', 'BOMD']) {
    await db.pool.query('INSERT INTO etf (ticker, name, updated_at) VALUES ($1, $1, now())', [ticker]);
  }

  /** A price file with 50 MB of `fill` at `at` (written in 1 MB pieces), then the rest. */
  const longFile = async (name: string, before: string, fill: string, after: string) => {
    const file = path.join(dir, name);
    const out = createWriteStream(file);
    out.write(before);
    const piece = fill.repeat(1024 * 1024);
    for (let written = 0; written < LINE_BYTES; written += piece.length) {
      if (!out.write(piece)) await once(out, 'drain');
    }
    out.end(after);
    await finished(out);
    return file;
  };
  const ingestOf = (file: string) =>
    measure(async () => {
      const result = await ingestFile(db, file);
      const printed = result.problems.reduce((sum, p) => sum + p.reason.length, 0);
      return `${result.problems.length} problem(s), ${printed.toLocaleString('en-US')} characters of reasons, ${result.inserted} bars inserted`;
    });
  const good = '2024-01-02,10,11,9,10.5,1000\n';
  const header = await ingestOf(await longFile('LONG.csv', 'Date,Open,High,Low,Close,Volume,', 'x', `\n${good}`));
  const row = await ingestOf(
    await longFile('LONG.csv', `Date,Open,High,Low,Close,Volume\n${good}2024-01-03,"`, '7', `",11,9,10.5,1000\n`),
  );

  // A gzip bomb: 1 GB of zeros, compressed once and served to every ticker.
  const zeros = Buffer.alloc(1024 * 1024, '0');
  const gzip = createGzip({ level: 9 });
  const compressed: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
  for (let written = 0; written < BOMB_BYTES; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, 'drain');
  }
  gzip.end();
  await finished(gzip);
  const bomb = Buffer.concat(compressed);
  const server = createServer((request, response) => {
    if (!request.url?.includes('/BOM')) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' }).end(bomb);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const update = await measure(async () => {
    const result = await runDailyUpdate(db, {
      urlTemplate: `http://127.0.0.1:${port}/daily/{ticker}.csv`,
      timeoutMs: 60_000,
      concurrency: BOMBS,
    });
    if (!result.locked) return 'lock held';
    return result.outcomes
      .filter((o) => o.ticker.startsWith('BOM'))
      .map((o) => `${o.ticker}: ${o.status}${o.status === 'failed' ? ` (${o.reason.slice(0, 90)})` : ''}`)
      .join('; ');
  });
  server.closeAllConnections();
  server.close();

  const rows = [
    [`ingest: a file with a ${LINE_BYTES / 1024 / 1024} MB header`, header],
    [`ingest: a file with a ${LINE_BYTES / 1024 / 1024} MB row (a quoted field)`, row],
    [`update: ${BOMBS} gzip bombs at once (${bomb.length.toLocaleString('en-US')} bytes → 1 GB each)`, update],
  ] as const;
  for (const [name, f] of rows) printFigures(name, f);
  await db.close();
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

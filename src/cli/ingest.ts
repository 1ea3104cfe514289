// npm run ingest -- [--create-etfs] [--dry-run] [--jobs N] <files or folders>:
// imports vendor CSV price files (see src/ingest/vendor-layout.ts), each file
// all or nothing, N files at a time (by default twice the cores: while this
// process reads one file, PostgreSQL writes the others on backends of their
// own; 500 files on 2 cores took 10.2 s with 2 at a time and 8.6 s with 4.
// Files that share an ETF wait for each other).
// --dry-run checks every file as an import would, the database's rules
// included, and writes nothing. --actions reads splits and dividends instead
// (src/ingest/ingest-actions.ts). Exit status: 0 when every file loaded (or
// would), 1 when any file was rejected (each bad row listed on stderr as
// file:line: reason; a file whose data the database refuses is rejected too,
// and the others still load), 2 for a usage or configuration error, 3 when
// the database cannot be started or reached.
// --holdings reads holdings files instead (SEC N-PORT-P XML or issuers' CSV,
// src/holdings/import-holdings.ts), each into one snapshot, all or nothing;
// --ticker names the ETF of a single file, --as-of its date when the file has none.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importHoldingsFile } from '../holdings/import-holdings.js';
import { ingestActionsFile } from '../ingest/ingest-actions.js';
import { type FileResult, ingestFile } from '../ingest/ingest-file.js';
import { createProgress } from '../ingest/progress.js';
import { parseDate } from '../ingest/vendor-layout.js';
import { runCli, withCliDatabase } from './cli-database.js';

const USAGE =
  'usage: npm run ingest -- [--create-etfs] [--dry-run] [--jobs N] <file.csv or folder> ...\n' +
  '       npm run ingest -- --actions [--dry-run] <splits or dividends file.csv or folder> ...\n' +
  '       npm run ingest -- --holdings [--dry-run] [--ticker T] [--as-of YYYY-MM-DD] <N-PORT .xml or issuer .csv, or folder> ...\n';

/** A file as given, or a folder's files with these extensions (nested folders too), sorted. */
async function filesOf(path: string, extensions: readonly string[]): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() || extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))
      .map((entry) => filesOf(join(path, entry.name), extensions)),
  );
  return nested.flat().sort();
}

/** 5550 → "5,550", without Intl: its first use costs more than a small import. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const OPTIONS = {
  'create-etfs': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  actions: { type: 'boolean' },
  holdings: { type: 'boolean' },
  ticker: { type: 'string' },
  'as-of': { type: 'string' },
  jobs: { type: 'string', default: String(Math.min(16, 2 * availableParallelism())) },
  help: { type: 'boolean' },
} as const;

function parse() {
  try {
    const parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
    const jobs = Number(parsed.values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) throw new Error('--jobs must be a whole number from 1 to 16');
    const { holdings, ticker, actions } = parsed.values;
    const asOf = parsed.values['as-of'];
    if ((ticker !== undefined || asOf !== undefined) && !holdings)
      throw new Error('--ticker and --as-of go with --holdings');
    if (holdings && actions) throw new Error('--holdings and --actions are different imports: run them apart');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(parseDate(asOf))) {
      throw new Error(`--as-of ${parseDate(asOf)}`);
    }
    return { ...parsed, jobs };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const args = parse();
const dryRun = args.values['dry-run'] ?? false;
if (args.values.help || args.positionals.length === 0) {
  process.stderr.write(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const files: string[] = [];
for (const path of args.positionals) {
  try {
    files.push(...(await filesOf(path, args.values.holdings ? ['.xml', '.csv'] : ['.csv'])));
  } catch {
    process.stderr.write(`${path}: no such file or folder\n`);
    process.exit(2);
  }
}

/** A file's problems on stderr, one `file:line: reason` each (line 0: the file as a whole). */
function reportProblems(file: string, problems: readonly { line: number; reason: string }[]): void {
  for (const problem of problems) {
    process.stderr.write(`${file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.reason}\n`);
  }
}

/** --actions: splits and dividends, file by file; the same exit statuses. */
async function ingestActions(): Promise<number> {
  return withCliDatabase(async (db) => {
    let rejected = 0;
    for (const file of files) {
      const result = await ingestActionsFile(db, file, { dryRun });
      if (result.problems.length > 0) {
        rejected++;
        reportProblems(file, result.problems);
        process.stdout.write(`${file}: rejected, nothing recorded from it\n`);
      } else {
        process.stdout.write(
          `${file}: ${count(result.splits)} splits and ${count(result.dividends)} dividends ${dryRun ? 'would be recorded' : 'recorded'}\n`,
        );
      }
    }
    process.stdout.write(
      `${files.length - rejected} of ${files.length} files ${dryRun ? 'would load (dry run, nothing written)' : 'loaded'}\n`,
    );
    return rejected > 0 ? 1 : 0;
  });
}

if (args.values.ticker !== undefined && files.length !== 1) {
  process.stderr.write(`--ticker names the ETF of one file, but ${files.length} were given\n${USAGE}`);
  process.exit(2);
}

/** --holdings: one snapshot a file, file by file; the same exit statuses. */
async function ingestHoldings(): Promise<number> {
  return withCliDatabase(async (db) => {
    let rejected = 0;
    for (const file of files) {
      const result = await importHoldingsFile(db, file, {
        ticker: args.values.ticker,
        asOf: args.values['as-of'],
        dryRun,
      });
      for (const note of result.notes) process.stderr.write(`${file}: note: ${note}\n`);
      if (result.problems.length > 0) {
        rejected++;
        reportProblems(file, result.problems);
        process.stdout.write(`${file}: rejected, no holdings recorded from it\n`);
        continue;
      }
      const securities = [
        result.securitiesCreated > 0 ? `${count(result.securitiesCreated)} new securities` : '',
        result.securitiesMerged > 0 ? `${count(result.securitiesMerged)} securities linked` : '',
      ].filter(Boolean);
      process.stdout.write(
        `${file}: ${result.ticker} as of ${result.asOf}: ${count(result.positions)} positions, ${result.totalWeight.toFixed(2)} % ${dryRun ? 'would be recorded' : result.replaced ? 'recorded (replacing that date)' : 'recorded'}${securities.length > 0 ? ` (${securities.join(', ')})` : ''}\n`,
      );
    }
    process.stdout.write(
      `${files.length - rejected} of ${files.length} holdings files ${dryRun ? 'would load (dry run, nothing written)' : 'loaded'}\n`,
    );
    return rejected > 0 ? 1 : 0;
  });
}

runCli(async () => {
  if (args.values.holdings) return ingestHoldings();
  if (args.values.actions) return ingestActions();
  const started = Date.now();
  const results: FileResult[] = [];
  const exitCode = await withCliDatabase(async (db) => {
    const progress = createProgress(process.stderr, files.length);
    let next = 0;
    const worker = async () => {
      while (next < files.length) await ingestOne(files[next++] as string);
    };
    const ingestOne = async (file: string) => {
      const result = await ingestFile(db, file, {
        createEtfs: args.values['create-etfs'] ?? false,
        dryRun,
        onProgress: (read, total) => progress.update(file, read, total),
      });
      progress.done();
      results.push(result);
      for (const skip of result.skipped) process.stderr.write(`${file}:${skip.line}: skipped: ${skip.reason}\n`);
      if (result.problems.length > 0) {
        reportProblems(file, result.problems);
        if (result.moreProblems > 0) process.stderr.write(`${file}: and ${count(result.moreProblems)} more problems\n`);
        process.stdout.write(`${file}: rejected, nothing loaded from it\n`);
      } else {
        const skipped = result.skipped.length > 0 ? `, ${count(result.skipped.length)} skipped` : '';
        process.stdout.write(
          `${file}: ${count(result.rows)} rows${dryRun ? ' would load' : ''}, ${count(result.inserted)} inserted, ${count(result.updated)} updated, ${count(result.unchanged)} unchanged${skipped}\n`,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(args.jobs, files.length) }, worker));
    return results.some((result) => result.problems.length > 0) ? 1 : 0;
  });

  const loaded = results.filter((result) => result.problems.length === 0);
  const seconds = (Date.now() - started) / 1000;
  const rows = loaded.reduce((sum, result) => sum + result.rows, 0);
  const sum = (key: 'inserted' | 'updated' | 'unchanged') => count(loaded.reduce((total, r) => total + r[key], 0));
  const skipped = results.reduce((total, result) => total + result.skipped.length, 0);
  process.stdout.write(
    `${dryRun ? 'Dry run, nothing written: ' : ''}${loaded.length} of ${files.length} files ${dryRun ? 'would load' : 'loaded'}: ${count(rows)} rows (${sum('inserted')} inserted, ${sum('updated')} updated, ${sum('unchanged')} unchanged${skipped > 0 ? `, ${count(skipped)} skipped` : ''}) in ${seconds.toFixed(1)} s` +
      (results.length > loaded.length ? `; ${results.length - loaded.length} rejected, see above\n` : '\n'),
  );
  return exitCode;
});

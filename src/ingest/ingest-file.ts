// Imports one CSV file in one transaction: every row is parsed and checked as
// it streams by and COPYed into a temporary staging table; checks that need
// the whole file (duplicate dates, unknown tickers) run there as SQL; then one
// set-based upsert moves the rows into daily_price and the indicators of each
// changed ETF are brought up to date. A file with any bad row is rolled back
// whole, and a killed import leaves the database as it was before the file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { isRefusedData, refusalReason } from '../db/prisma-errors.js';
import { withTransaction } from '../db/transaction.js';
import { DomainError, problemsOf } from '../errors.js';
import { lockStagedEtfs } from '../etfs/lock-etf.js';
import { afterWrite, upsertFrom, type WrittenRow } from '../prices/upsert-bars.js';
import { barProblems, tomorrowUtc } from '../prices/validate-bars.js';
import { CsvLineSplitter } from './csv-lines.js';
import { DateOrder } from './date-order.js';
import { type PlainBar, readPlainRow } from './plain-row.js';
import { bare, type Layout, parseHeader, parseRow, SKIPPED, tickerFromFileName } from './vendor-layout.js';

/** Rejected rows kept for the report; the rest are counted. Memory stays bounded for any file. */
const MAX_REPORTED_PROBLEMS = 1000;

type RowProblem = { line: number; reason: string };

export type FileResult = {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows left out on purpose (a vendor's row of nulls), each with its line and reason. */
  skipped: RowProblem[];
  /** Empty when the file was loaded (or, with dryRun, would have been). */
  problems: RowProblem[];
  /** Problems beyond those listed. */
  moreProblems: number;
};

type IngestOptions = {
  /** Create ETFs that do not exist yet (named after their ticker) instead of rejecting their rows. */
  createEtfs?: boolean;
  /** Called as bytes are read: (bytes read, file size). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Check everything, the database's rules included, and report as usual, then roll back: nothing is written. */
  dryRun?: boolean;
};

// Made once per connection and emptied at every commit or rollback: creating
// and dropping a table per file costs more than loading a small file.
const STAGING = `/* create-ingest-staging */
  CREATE TEMPORARY TABLE IF NOT EXISTS ingest_staging (
    line int NOT NULL, ticker text NOT NULL, date date NOT NULL,
    open float8 NOT NULL, high float8 NOT NULL, low float8 NOT NULL, close float8 NOT NULL, volume int8 NOT NULL
  ) ON COMMIT DELETE ROWS`;

const DUPLICATES = `/* ingest-duplicates */
  SELECT ticker, date::text AS date, array_agg(line ORDER BY line) AS lines
  FROM ingest_staging GROUP BY ticker, date HAVING count(*) > 1
  ORDER BY min(line) LIMIT ${MAX_REPORTED_PROBLEMS}`;

const UNKNOWN_TICKERS = `/* ingest-unknown-tickers */
  SELECT s.ticker, min(s.line) AS line, count(*)::int AS rows
  FROM ingest_staging s LEFT JOIN etf e ON e.ticker = s.ticker
  WHERE e.id IS NULL GROUP BY s.ticker ORDER BY min(s.line)`;

const CREATE_ETFS = `/* ingest-create-etfs */
  INSERT INTO etf (ticker, name, updated_at)
  SELECT DISTINCT ticker, ticker, now() FROM ingest_staging
  ON CONFLICT (ticker) DO NOTHING`;

const UPSERT = upsertFrom(
  'ingest-upsert-bars',
  `
  SELECT e.id, s.date, s.open, s.high, s.low, s.close, s.volume
  FROM ingest_staging s JOIN etf e ON e.ticker = s.ticker`,
);

// A file of one ETF that has no bars yet (the bulk load of a new database, a
// new ETF's history) is pure inserts: its rows are copied straight into
// daily_price, without the staging table and the upsert, which cost as much
// again as the copy. Duplicate dates are caught while reading instead.
const FRESH_ETF = `/* lock-fresh-etf */
  SELECT e.id, NOT EXISTS (SELECT FROM daily_price p WHERE p.etf_id = e.id) AS fresh
  FROM etf e WHERE e.ticker = $1 FOR NO KEY UPDATE`;
const COPY_BARS =
  '/* copy-ingest-bars */ COPY daily_price (etf_id, date, open, high, low, close, volume) FROM STDIN (FORMAT csv)';
const COPY_STAGING = '/* copy-ingest-staging */ COPY ingest_staging FROM STDIN';

/** Date,Open,High,Low,Close,Volume in that order: the layout whose plain rows are COPY input as they stand. */
function isPlainLayout(layout: Layout | null): boolean {
  if (layout === null || layout.width !== 6) return false;
  const { columns } = layout;
  return (
    columns.date === 0 &&
    columns.open === 1 &&
    columns.high === 2 &&
    columns.low === 3 &&
    columns.close === 4 &&
    columns.volume === 5
  );
}

/** The header of a file, read on its own: it decides how the rest is loaded. */
async function readHeaderFields(file: string): Promise<string[] | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let fields: string[] | null = null;
    const splitter = new CsvLineSplitter({
      record: (record, line) => {
        if (line === 1) fields = record;
      },
      problem: () => {}, // the main read reports it
    });
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    // A header longer than the buffer is not read here: the main read refuses it.
    if (end === -1 && bytesRead === buffer.length) return null;
    splitter.push(end === -1 ? text : text.slice(0, end + 1));
    splitter.end();
    return fields;
  } finally {
    await handle.close();
  }
}

/** The id of the file's ETF, locked, when the file is of one ETF that has no bars yet. */
async function freshEtf(client: pg.ClientBase, file: string, fileTicker: string | null): Promise<number | null> {
  if (fileTicker === null) return null;
  const header = await readHeaderFields(file);
  const layout = header && parseHeader(header, fileTicker);
  if (!layout || Array.isArray(layout) || layout.columns.ticker !== undefined) return null;
  const { rows } = await client.query<{ id: number; fresh: boolean }>(FRESH_ETF, [fileTicker]);
  return rows[0]?.fresh ? rows[0].id : null;
}

/** Ends a file's transaction when any row is bad: nothing of the file is kept. */
export class RejectFile extends Error {}
/** Ends a dry run's transaction: everything was checked, nothing is kept. */
export class DryRun extends Error {}

export async function ingestFile(db: Database, file: string, options: IngestOptions = {}): Promise<FileResult> {
  const result: FileResult = {
    file,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: [],
    problems: [],
    moreProblems: 0,
  };
  const reject = (line: number, reason: string) => {
    if (result.problems.length < MAX_REPORTED_PROBLEMS) result.problems.push({ line, reason });
    else result.moreProblems++;
  };
  const { size } = await stat(file);

  try {
    await withTransaction(db.pool, async (client) => {
      let layout: Layout | null = null;
      const latestAllowed = tomorrowUtc();
      const fileTicker = tickerFromFileName(file);
      const etfId = await freshEtf(client, file, fileTicker);
      // Only files that are not one new ETF's go through the staging table.
      if (etfId === null) await client.query(STAGING);
      // The fast path's dates: duplicates are found here.
      const dates = new DateOrder();
      let pending = ''; // COPY text of the rows read since the last yield
      const readRecord = (fields: string[], line: number) => {
        if (line === 1) {
          const parsed = parseHeader(fields, fileTicker);
          if (Array.isArray(parsed)) for (const reason of parsed) reject(1, reason);
          else layout = parsed;
          return;
        }
        if (fields.length === 1 && fields[0]?.trim() === '') return; // blank line
        result.rows++;
        if (!layout) return;
        const row = parseRow(layout, fields, latestAllowed);
        if (row === SKIPPED) {
          result.rows--;
          if (result.skipped.length < MAX_REPORTED_PROBLEMS) result.skipped.push({ line, reason: SKIPPED });
          return;
        }
        if (Array.isArray(row)) {
          for (const reason of row) reject(line, reason);
          return;
        }
        if (etfId !== null) {
          const earlier = dates.add(row.date, line);
          if (earlier !== undefined)
            reject(line, `duplicate date ${row.date} for ${row.ticker} (first on line ${earlier})`);
        }
        // Once a row is bad the file is rejected, but reading on reports every bad row.
        if (result.problems.length === 0) {
          // The prices go as the file wrote them (checked numerals, which PostgreSQL
          // reads to the same double as Number() did): formatting them again is
          // the costliest step of a large import. Volumes are written as integers.
          const { columns } = layout;
          const open = bare(fields[columns.open] as string);
          const high = bare(fields[columns.high] as string);
          const low = bare(fields[columns.low] as string);
          const close = bare(fields[columns.close] as string);
          pending +=
            etfId !== null
              ? `${etfId},${row.date},${open},${high},${low},${close},${row.volume}\n`
              : `${line}\t${row.ticker}\t${row.date}\t${open}\t${high}\t${low}\t${close}\t${row.volume}\n`;
        }
      };
      // The fast path's plain rows (see plain-row.ts) go to COPY as the file wrote them.
      const bar: PlainBar = { open: 0, high: 0, low: 0, close: 0, volume: 0 };
      const readPlain = (text: string, line: number): boolean => {
        if (line === 1 || etfId === null || !isPlainLayout(layout)) return false;
        const date = readPlainRow(text, bar);
        if (date === null || barProblems(bar, date, latestAllowed).length > 0) return false;
        result.rows++;
        const earlier = dates.add(date, line);
        if (earlier !== undefined) {
          reject(line, `duplicate date ${date} for ${fileTicker} (first on line ${earlier})`);
        } else if (result.problems.length === 0) {
          pending += `${etfId},${text}\n`;
        }
        return true;
      };
      const splitter = new CsvLineSplitter({
        record: readRecord,
        plainLine: readPlain,
        problem: (reason, line) => {
          if (line > 1) result.rows++;
          reject(line, reason);
        },
      });

      let bytesRead = 0;
      const source = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
      async function* copyText() {
        for await (const chunk of source as AsyncIterable<string>) {
          bytesRead += Buffer.byteLength(chunk);
          splitter.push(chunk);
          options.onProgress?.(bytesRead, size);
          if (pending !== '') {
            yield pending;
            pending = '';
          }
        }
        splitter.end();
        if (layout === null && result.problems.length === 0) reject(1, 'the file is empty');
        if (pending !== '') yield pending;
        pending = '';
      }
      await pipeline(Readable.from(copyText()), client.query(copyFrom(etfId !== null ? COPY_BARS : COPY_STAGING)));
      if (result.problems.length > 0) throw new RejectFile();
      if (etfId !== null) {
        result.inserted = result.rows;
        if (result.rows > 0) {
          await afterWrite(client, [
            {
              etf_id: etfId,
              ticker: fileTicker as string,
              from_date: dates.first,
              to_date: dates.last,
              inserted: result.rows,
              updated: 0,
            },
          ]);
        }
        if (options.dryRun) throw new DryRun();
        return;
      }

      const duplicates = await client.query<{ ticker: string; date: IsoDate; lines: number[] }>(DUPLICATES);
      for (const row of duplicates.rows) {
        for (const line of row.lines.slice(1)) {
          reject(line, `duplicate date ${row.date} for ${row.ticker} (first on line ${row.lines[0]})`);
        }
      }
      if (options.createEtfs) await client.query(CREATE_ETFS);
      else {
        const unknown = await client.query<{ ticker: string; line: number; rows: number }>(UNKNOWN_TICKERS);
        for (const row of unknown.rows) {
          reject(
            row.line,
            `unknown ticker ${row.ticker} (${row.rows} rows): create it with upsertEtfs, or import with --create-etfs`,
          );
        }
      }
      if (result.problems.length > 0) throw new RejectFile();

      await lockStagedEtfs(client);
      const written = await client.query<WrittenRow>(UPSERT);
      await afterWrite(client, written.rows);
      for (const row of written.rows) {
        result.inserted += row.inserted;
        result.updated += row.updated;
      }
      result.unchanged = result.rows - result.inserted - result.updated;
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    // A rule that only the write can check (a dividend left at or above the
    // close before its ex-date) rejects the file like a bad row, for no line.
    if (error instanceof DomainError) {
      const problems = problemsOf(error);
      if (problems.length === 0) reject(0, error.message);
      for (const problem of problems) reject(0, problem.message);
    } else if (isRefusedData(error)) {
      // A value a constraint or a later statement of this file cannot carry:
      // this file fails with the reason, and the run goes on to the next.
      reject(0, `the database refused the file: ${refusalReason(error)}`);
    } else if (!(error instanceof RejectFile) && !(error instanceof DryRun)) throw error;
  }
  return result;
}

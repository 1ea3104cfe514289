// npm run ingest -- --actions: splits and dividends from vendor files, through
// the same checks as recordSplit and recordDividend, each file all or nothing.
// Layouts, recognised by their header (names ignore case, spaces, punctuation):
//   Date,Stock Splits      Yahoo's splits download, in TICKER.csv (2:1, 1/10 or 2)
//   Date,Dividends         Yahoo's dividends download, in TICKER.csv
//   Date,Dividends,Stock Splits   both (yfinance's actions): a 0 means none that day
// and each with a Ticker (or Symbol) column first, for many ETFs in one file.
// Dates may carry a time (yfinance writes 2020-08-31 00:00:00-04:00): the day counts.

import { createReadStream } from 'node:fs';
import { type ActionKind, actionProblem, writeActions } from '../corporate-actions/record-action.js';
import type { IsoDate } from '../dates.js';
import type { Database } from '../db/database.js';
import { isRefusedData, refusalReason } from '../db/prisma-errors.js';
import { withTransaction } from '../db/transaction.js';
import { DomainError } from '../errors.js';
import { lockEtfId } from '../etfs/lock-etf.js';
import { tickerProblem } from '../etfs/ticker.js';
import { CsvLineSplitter, excerpt } from './csv-lines.js';
import { DryRun, RejectFile } from './ingest-file.js';
import { parseDate, parseNumber, tickerFromFileName } from './vendor-layout.js';

type Column = 'date' | 'ticker' | 'SPLIT' | 'DIVIDEND';
const ALIASES: Record<string, Column> = {
  date: 'date',
  timestamp: 'date',
  exdate: 'date',
  ticker: 'ticker',
  symbol: 'ticker',
  stocksplits: 'SPLIT',
  stocksplit: 'SPLIT',
  splits: 'SPLIT',
  split: 'SPLIT',
  dividends: 'DIVIDEND',
  dividend: 'DIVIDEND',
};

type Problem = { line: number; reason: string };
/** Problems listed before a file's reading stops: memory stays bounded for any file. */
const MAX_REPORTED_PROBLEMS = 1000;
type Action = { line: number; ticker: string; kind: ActionKind; date: IsoDate; value: number };

export type ActionsFileResult = { file: string; splits: number; dividends: number; problems: Problem[] };

/** A date, with the time yfinance adds (2020-08-31 00:00:00-04:00) dropped; or why it is not one. */
const parseDay = (text: string) => parseDate(/^\d{4}-\d{2}-\d{2}[ T]/.test(text) ? text.slice(0, 10) : text);

/** A split's ratio as Yahoo writes it (2:1, 1/10) or a number; or why it is neither. */
function parseRatio(text: string): number | string {
  const parts = /^(\S+)\s*[:/]\s*(\S+)$/.exec(text);
  if (!parts) return parseNumber(text);
  const [to, from] = [parseNumber(parts[1]), parseNumber(parts[2])];
  return typeof to === 'number' && typeof from === 'number' ? to / from : `is not a ratio ("${text.slice(0, 20)}")`;
}

/** The file's actions, or the reasons it cannot be read; read as it streams, a line at a time. */
async function parseActions(file: string): Promise<{ actions: Action[]; problems: Problem[] }> {
  const actions: Action[] = [];
  const problems: Problem[] = [];
  const fileTicker = tickerFromFileName(file);
  let columns: Partial<Record<Column, number>> | null = null;
  let width = 0;
  const readRecord = (fields: string[], line: number) => {
    if (line === 1) {
      const found: Partial<Record<Column, number>> = {};
      fields.forEach((field, index) => {
        const name = ALIASES[field.toLowerCase().replace(/[^a-z]/g, '')];
        if (name === undefined) problems.push({ line, reason: `unknown column ${excerpt(field)}` });
        else found[name] = index;
      });
      if (found.date === undefined) problems.push({ line, reason: 'missing column "date"' });
      if (found.SPLIT === undefined && found.DIVIDEND === undefined) {
        problems.push({ line, reason: 'no "Stock Splits" or "Dividends" column' });
      }
      if (found.ticker === undefined && fileTicker === null) {
        problems.push({ line, reason: 'no ticker column, and the file name is not a ticker (TICKER.csv)' });
      }
      columns = found;
      width = fields.length;
      return;
    }
    if (fields.length === 1 && fields[0]?.trim() === '') return;
    if (!columns || problems.some((problem) => problem.line === 1)) return;
    if (fields.length !== width) {
      problems.push({ line, reason: `expected ${width} fields, got ${fields.length}` });
      return;
    }
    const ticker = columns.ticker === undefined ? fileTicker : (fields[columns.ticker] ?? '').trim().toUpperCase();
    const badTicker = tickerProblem(ticker ?? '');
    if (badTicker) problems.push({ line, reason: `ticker: ${badTicker}` });
    const parsed = parseDay((fields[columns.date as number] ?? '').trim());
    const date = /^\d{4}-\d{2}-\d{2}$/.test(parsed) ? parsed : null;
    if (!date) problems.push({ line, reason: `date: ${parsed}` });
    const both = columns.SPLIT !== undefined && columns.DIVIDEND !== undefined;
    for (const kind of ['SPLIT', 'DIVIDEND'] as const) {
      const index = columns[kind];
      if (index === undefined) continue;
      const raw = (fields[index] ?? '').trim();
      const value = kind === 'SPLIT' ? parseRatio(raw) : parseNumber(raw);
      // yfinance's actions have both columns, with 0 where there is none of one kind.
      if (both && value === 0) continue;
      if (typeof value === 'string') {
        problems.push({ line, reason: `${kind === 'SPLIT' ? 'ratio' : 'amount'}: ${value}` });
      } else if (date && !badTicker && ticker) {
        actions.push({ line, ticker, kind, date, value });
      }
    }
  };
  const splitter = new CsvLineSplitter({
    record: readRecord,
    problem: (reason, line) => problems.push({ line, reason }),
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    splitter.push(chunk as string);
    // Reasons enough to fix the file; reading on would only add more of them.
    if (problems.length >= MAX_REPORTED_PROBLEMS) break;
  }
  splitter.end();
  if (columns === null && problems.length === 0) problems.push({ line: 1, reason: 'the file is empty' });
  return { actions, problems };
}

/** Records every split and dividend of a file, or none: each bad row is a reason with its line. */
export async function ingestActionsFile(
  db: Database,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<ActionsFileResult> {
  const { actions, problems } = await parseActions(file);
  const result: ActionsFileResult = { file, splits: 0, dividends: 0, problems };
  if (problems.length > 0) return result;
  const byTicker = new Map<string, Action[]>();
  for (const action of actions) byTicker.set(action.ticker, [...(byTicker.get(action.ticker) ?? []), action]);
  try {
    await withTransaction(db.pool, async (client) => {
      for (const [ticker, list] of byTicker) {
        let etfId: number;
        try {
          etfId = await lockEtfId(client, ticker, ' Create it with upsertEtfs or npm run ingest -- --create-etfs.');
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push({ line: (list[0] as Action).line, reason: error.message });
          continue;
        }
        for (const action of list) {
          const problem = await actionProblem(client, etfId, action);
          if (problem) problems.push({ line: action.line, reason: `${problem.path}: ${problem.message}` });
        }
        if (problems.length === 0) await writeActions(client, etfId, list);
      }
      if (problems.length > 0) throw new RejectFile();
      result.splits = actions.filter((action) => action.kind === 'SPLIT').length;
      result.dividends = actions.length - result.splits;
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    // A rule only the write can check rejects the file like a bad row, for no line.
    if (error instanceof DomainError) problems.push({ line: 0, reason: error.message });
    else if (isRefusedData(error)) {
      problems.push({ line: 0, reason: `the database refused the file: ${refusalReason(error)}` });
    } else if (!(error instanceof RejectFile) && !(error instanceof DryRun)) throw error;
  }
  return result;
}

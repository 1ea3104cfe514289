// The column layouts of common vendor price files, recognised by their header:
// Date,Open,High,Low,Close[,Adj Close],Volume with one ticker per file named
// TICKER.csv (in any case: vgt.csv), or a long file with a ticker (or symbol)
// column. Header names are matched ignoring case, spaces and punctuation;
// Alpha Vantage's `timestamp` is the date. Adj Close is accepted and ignored:
// adjusted prices come from the recorded splits and dividends. Yahoo writes a
// row of `null`s for a day without prices: such a row is skipped, not an error.
import { basename, extname } from 'node:path';
import type { IsoDate } from '../dates.js';
import { tickerProblem } from '../etfs/ticker.js';
import type { PriceBar } from '../prices/history.js';
import { barProblems } from '../prices/validate-bars.js';
import { excerpt } from './csv-lines.js';

/** TICKER.csv names its ticker, in any case (vgt.csv is VGT); a file with a ticker column may have any name. */
export function tickerFromFileName(file: string): string | null {
  const name = basename(file, extname(file)).toUpperCase();
  return tickerProblem(name) === null ? name : null;
}

const REQUIRED = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
type Column = (typeof REQUIRED)[number] | 'ticker';

const ALIASES: Record<string, Column | 'ignored'> = {
  date: 'date',
  timestamp: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  ticker: 'ticker',
  symbol: 'ticker',
  adjclose: 'ignored',
  adjustedclose: 'ignored',
};

export type Layout = { columns: Record<Column, number>; width: number; fileTicker: string | null };

export type Row = PriceBar & { ticker: string };

/** The layout a header announces, or the reasons it is not one we read. */
export function parseHeader(fields: string[], fileTicker: string | null): Layout | string[] {
  const columns: Partial<Record<Column, number>> = {};
  const problems: string[] = [];
  fields.forEach((field, index) => {
    const name = ALIASES[field.toLowerCase().replace(/[^a-z]/g, '')];
    if (name === undefined) problems.push(`unknown column ${excerpt(field)}`);
    else if (name !== 'ignored') {
      if (columns[name] !== undefined) problems.push(`column ${excerpt(field)} appears twice`);
      columns[name] = index;
    }
  });
  for (const name of REQUIRED) if (columns[name] === undefined) problems.push(`missing column "${name}"`);
  if (columns.ticker === undefined && fileTicker === null) {
    problems.push('no ticker column, and the file name is not a ticker (TICKER.csv)');
  }
  if (problems.length > 0) return problems;
  return { columns: columns as Record<Column, number>, width: fields.length, fileTicker };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A field without its surrounding whitespace. Most fields have none: checking
 * the two ends first spares an import a new string per field (trim() copies).
 */
export function bare(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 127 || last <= 32 || last >= 127 ? text.trim() : text;
}

/** A number as vendors write it, or why it is not one. */
export function parseNumber(text: string | undefined): number | string {
  const trimmed = bare(text ?? '');
  if (trimmed === '') return 'is empty';
  if (!NUMBER.test(trimmed)) return `is not a number ("${trimmed.slice(0, 20)}")`;
  return Number(trimmed);
}

/** A calendar date as YYYY-MM-DD, or why it is not one. */
export function parseDate(text: string | undefined): IsoDate | string {
  const trimmed = bare(text ?? '');
  const match = DATE.exec(trimmed);
  if (!match) return `is not a date as YYYY-MM-DD ("${trimmed.slice(0, 20)}")`;
  // Checked by arithmetic, not through a Date: this runs once per row of every import.
  if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return `is not a calendar date ("${trimmed}")`;
  }
  return trimmed;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** A row to skip: a day the vendor has no prices for. */
export const SKIPPED = 'every price is null (a day without prices)';

/**
 * One row as a bar, every reason it is not one, or SKIPPED. It runs once per
 * row of every import, so a good row allocates nothing but the bar: the list of
 * problems exists only for a bad one.
 */
export function parseRow(layout: Layout, fields: string[], latestAllowed: IsoDate): Row | string[] | typeof SKIPPED {
  if (fields.length !== layout.width) return [`expected ${layout.width} fields, got ${fields.length}`];
  const { columns } = layout;
  const open = parseNumber(fields[columns.open]);
  // A day without prices is all nulls, so its open is never a number.
  if (typeof open === 'string' && isNullRow(layout, fields)) return SKIPPED;
  const high = parseNumber(fields[columns.high]);
  const low = parseNumber(fields[columns.low]);
  const close = parseNumber(fields[columns.close]);
  const volume = parseNumber(fields[columns.volume]);
  const date = parseDate(fields[columns.date]);
  let ticker = layout.fileTicker ?? '';
  let tickerIssue: string | null = null;
  if (columns.ticker !== undefined) {
    const raw = bare(fields[columns.ticker] ?? '');
    tickerIssue = tickerProblem(raw);
    ticker = raw.toUpperCase();
  }
  if (
    tickerIssue !== null ||
    !DATE.test(date) ||
    typeof open === 'string' ||
    typeof high === 'string' ||
    typeof low === 'string' ||
    typeof close === 'string' ||
    typeof volume === 'string'
  ) {
    const problems: string[] = [];
    if (tickerIssue !== null) problems.push(`ticker: ${tickerIssue}`);
    if (!DATE.test(date)) problems.push(`date: ${date}`);
    for (const [name, value] of [
      ['open', open],
      ['high', high],
      ['low', low],
      ['close', close],
      ['volume', volume],
    ] as const) {
      if (typeof value === 'string') problems.push(`${name}: ${value}`);
    }
    return problems;
  }
  const row: Row = { ticker, date, open, high, low, close, volume };
  const problems = barProblems(row, date, latestAllowed);
  return problems.length > 0 ? problems.map(([field, message]) => `${field}: ${message}`) : row;
}

function isNullRow(layout: Layout, fields: string[]): boolean {
  const { columns } = layout;
  return [columns.open, columns.high, columns.low, columns.close].every(
    (index) => bare(fields[index] ?? '').toLowerCase() === 'null',
  );
}

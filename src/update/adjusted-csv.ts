// A provider's CSV of daily bars that states, per row, its own adjusted close
// and the dividend and split of that day (Tiingo's divCash/splitFactor, Alpha
// Vantage's dividend_amount/split_coefficient): read as it streams by, into
// the bars after the last stored one, their actions, and the adjusted closes
// from the last stored bar on (restated once a new action goes ex, compared by
// the update). Columns are found by name, in any order; rows may come in any
// order and are sorted. Each adapter names its columns and builds its request.
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter } from '../ingest/csv-lines.js';
import { type Layout, parseNumber, parseRow, SKIPPED } from '../ingest/vendor-layout.js';
import { MAX_BARS_PER_CALL, tomorrowUtc } from '../prices/validate-bars.js';
import type { ProviderAnswer } from './price-provider.js';
import { FetchFailure } from './provider-http.js';

/** Reasons listed per ticker; the rest are counted. */
const LISTED = 5;

export type AdjustedCsvFormat = {
  /** How its failures name it: "not a Tiingo price file". */
  name: string;
  /** Header names (lower-case) of the date and the raw open, high, low, close and volume. */
  bars: { date: string; open: string; high: string; low: string; close: string; volume: string };
  /** Header names (lower-case) of the optional columns, as the provider spells them in reasons too. */
  adjustedClose: string;
  dividend: string;
  split: string;
  /** Rewrites a row's date field before it is read (Tiingo's JSON timestamps). */
  date?(field: string): string;
};

type Columns = { layout: Layout; adjusted?: number; dividend?: number; split?: number };

function readHeader(format: AdjustedCsvFormat, fields: string[], ticker: string): Columns | string[] {
  const index = new Map(fields.map((field, i) => [field.trim().toLowerCase(), i]));
  const missing = Object.values(format.bars).filter((name) => !index.has(name));
  if (missing.length > 0) return missing.map((name) => `missing column "${name}"`);
  const columns = Object.fromEntries(
    Object.entries(format.bars).map(([role, name]) => [role, index.get(name) as number]),
  ) as Layout['columns'];
  return {
    layout: { columns, width: fields.length, fileTicker: ticker },
    adjusted: index.get(format.adjustedClose.toLowerCase()),
    dividend: index.get(format.dividend.toLowerCase()),
    split: index.get(format.split.toLowerCase()),
  };
}

const listed = (list: string[], more: number) =>
  `${list.slice(0, LISTED).join('; ')}${list.length + more > LISTED ? ` (and ${list.length + more - LISTED} more)` : ''}`;

const byDate = <T extends { date: Date | string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * A reader of one answer: `push` its text as it arrives (false once reading on
 * is pointless: a bad header, an overlong line), then `end` for the answer, or
 * the FetchFailure that lists what was wrong.
 */
export function adjustedCsvReader(format: AdjustedCsvFormat, ticker: string, after: IsoDate | null) {
  const answer: ProviderAnswer = { bars: [], actions: [], adjustedCloses: [] };
  const problems: string[] = [];
  const badRows: string[] = [];
  let moreBadRows = 0;
  let columns: Columns | null = null;
  const latestAllowed = tomorrowUtc();
  const badRow = (reason: string) => {
    if (badRows.length < LISTED) badRows.push(reason);
    else moreBadRows++;
  };
  const readRecord = (fields: string[], line: number) => {
    if (line === 1) {
      const parsed = readHeader(format, fields, ticker);
      if (Array.isArray(parsed)) problems.push(...parsed.map((reason) => `line 1: ${reason}`));
      else columns = parsed;
      return;
    }
    if (!columns || (fields.length === 1 && fields[0]?.trim() === '')) return;
    const { layout, adjusted, dividend, split } = columns as Columns;
    const dateColumn = layout.columns.date;
    if (format.date) fields[dateColumn] = format.date(fields[dateColumn]?.trim() ?? '');
    const row = parseRow(layout, fields, latestAllowed);
    if (row === SKIPPED) return;
    if (Array.isArray(row)) {
      for (const reason of row) badRow(`line ${line}: ${reason}`);
      return;
    }
    // Before the last stored bar: already stored, and its adjustment not asked about.
    if (after !== null && row.date < after) return;
    const number = (column: number | undefined, name: string, none: number) => {
      if (column === undefined) return none;
      const value = parseNumber(fields[column]);
      if (typeof value === 'string') badRow(`line ${line}: ${name} ${value}`);
      return typeof value === 'string' ? none : value;
    };
    const adjustedClose = number(adjusted, format.adjustedClose, Number.NaN);
    const cash = number(dividend, format.dividend, 0);
    const ratio = number(split, format.split, 1);
    if (!Number.isNaN(adjustedClose)) answer.adjustedCloses.push({ date: row.date, close: adjustedClose });
    if (after !== null && row.date <= after) return;
    if (answer.bars.length >= MAX_BARS_PER_CALL) {
      problems.push(`more than ${MAX_BARS_PER_CALL} new bars`);
      return;
    }
    const { date, open, high, low, close, volume } = row;
    answer.bars.push({ date, open, high, low, close, volume });
    if (cash !== 0) answer.actions.push({ kind: 'DIVIDEND', date, value: cash });
    if (ratio !== 1) answer.actions.push({ kind: 'SPLIT', date, value: ratio });
  };
  const splitter = new CsvLineSplitter({
    record: readRecord,
    problem: (reason, line) => {
      if (line === 1 || reason.startsWith('the line is longer')) problems.push(`line ${line}: ${reason}`);
      else badRow(`line ${line}: ${reason}`);
    },
  });
  return {
    push(text: string): boolean {
      splitter.push(text);
      return problems.length === 0 && !splitter.inOverlongLine;
    },
    end(): ProviderAnswer {
      if (problems.length === 0) splitter.end();
      if (columns === null && problems.length === 0) problems.push('empty response');
      if (problems.length > 0) throw new FetchFailure(`not ${format.name} price file: ${listed(problems, 0)}`);
      if (badRows.length > 0) {
        throw new FetchFailure(`bad bar${badRows.length > 1 ? 's' : ''}: ${listed(badRows, moreBadRows)}`);
      }
      answer.bars.sort(byDate);
      answer.actions.sort(byDate);
      answer.adjustedCloses.sort(byDate);
      return answer;
    },
  };
}

// Tiingo's end-of-day prices (https://www.tiingo.com/documentation/end-of-day):
// GET /tiingo/daily/<ticker>/prices?startDate=YYYY-MM-DD&format=csv, the token
// in the Authorization header ("Token <key>"), never in the URL, so no error,
// log or metric that shows a URL can show it. Each row carries the raw
// open/high/low/close/volume, Tiingo's adjusted prices (adjClose: CRSP
// method, splits and dividends), divCash (the dividend going ex that day, 0
// without) and splitFactor (new shares per old that day, 1 without).
//
// The request starts at the last stored bar, not the day after: that day's
// adjClose, restated by Tiingo once a new dividend or split goes ex, is
// compared with etfql's after the new actions are recorded. Without a stored
// bar the whole history is asked for (startDate 1900-01-01: without one,
// Tiingo answers the latest day only).
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter } from '../ingest/csv-lines.js';
import { type Layout, parseNumber, parseRow, SKIPPED } from '../ingest/vendor-layout.js';
import { EARLIEST_DATE, MAX_BARS_PER_CALL, tomorrowUtc } from '../prices/validate-bars.js';
import type { PriceProvider, ProviderAnswer } from './price-provider.js';
import { FetchFailure, readProviderText } from './provider-http.js';

export const TIINGO_ORIGIN = 'https://api.tiingo.com';
/** Reasons listed per ticker; the rest are counted. */
const LISTED = 5;
const REQUIRED = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
const EXTRA = ['adjclose', 'divcash', 'splitfactor'] as const;
/** The JSON format's dates; the CSV's are plain. */
const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z$/;

type Columns = { layout: Layout; extra: Record<(typeof EXTRA)[number], number | undefined> };

function readHeader(fields: string[], ticker: string): Columns | string[] {
  const index = new Map(fields.map((field, i) => [field.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) return missing.map((name) => `missing column "${name}"`);
  const columns = Object.fromEntries(REQUIRED.map((name) => [name, index.get(name)])) as Layout['columns'];
  return {
    layout: { columns, width: fields.length, fileTicker: ticker },
    extra: { adjclose: index.get('adjclose'), divcash: index.get('divcash'), splitfactor: index.get('splitfactor') },
  };
}

export function tiingoProvider({ key, baseUrl }: { key: string; baseUrl?: string }): PriceProvider {
  const origin = baseUrl ?? TIINGO_ORIGIN;
  const hide = (text: string) => text.replaceAll(key, '[PRICE_SOURCE_KEY]');
  return {
    async fetch(ticker, symbol, after, timeoutMs) {
      try {
        return await fetchTiingo(origin, key, ticker, symbol, after, timeoutMs);
      } catch (error) {
        // A provider may echo the token in an error body: it never reaches a reason.
        if (error instanceof FetchFailure) throw new FetchFailure(hide(error.message), error.retryLater);
        throw error;
      }
    },
  };
}

async function fetchTiingo(
  origin: string,
  key: string,
  ticker: string,
  symbol: string,
  after: IsoDate | null,
  timeoutMs: number,
): Promise<ProviderAnswer> {
  const url = new URL(`/tiingo/daily/${encodeURIComponent(symbol)}/prices`, origin);
  url.searchParams.set('startDate', after ?? EARLIEST_DATE);
  url.searchParams.set('format', 'csv');
  url.searchParams.set('resampleFreq', 'daily');

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
      const parsed = readHeader(fields, ticker);
      if (Array.isArray(parsed)) problems.push(...parsed.map((reason) => `line 1: ${reason}`));
      else columns = parsed;
      return;
    }
    if (!columns || (fields.length === 1 && fields[0]?.trim() === '')) return;
    const { layout, extra } = columns as Columns;
    const dateField = fields[layout.columns.date]?.trim() ?? '';
    const midnight = MIDNIGHT_UTC.exec(dateField);
    if (midnight) fields[layout.columns.date] = midnight[1] as string;
    const row = parseRow(layout, fields, latestAllowed);
    if (row === SKIPPED) return;
    if (Array.isArray(row)) {
      for (const reason of row) badRow(`line ${line}: ${reason}`);
      return;
    }
    const number = (column: number | undefined, name: string, none: number) => {
      if (column === undefined) return none;
      const value = parseNumber(fields[column]);
      if (typeof value === 'string') badRow(`line ${line}: ${name} ${value}`);
      return typeof value === 'string' ? none : value;
    };
    const adjClose = number(extra.adjclose, 'adjClose', Number.NaN);
    const divCash = number(extra.divcash, 'divCash', 0);
    const splitFactor = number(extra.splitfactor, 'splitFactor', 1);
    if (!Number.isNaN(adjClose)) answer.adjustedCloses.push({ date: row.date, close: adjClose });
    if (after !== null && row.date <= after) return;
    if (answer.bars.length >= MAX_BARS_PER_CALL) {
      problems.push(`more than ${MAX_BARS_PER_CALL} new bars`);
      return;
    }
    const { date, open, high, low, close, volume } = row;
    answer.bars.push({ date, open, high, low, close, volume });
    if (divCash !== 0) answer.actions.push({ kind: 'DIVIDEND', date, value: divCash });
    if (splitFactor !== 1) answer.actions.push({ kind: 'SPLIT', date, value: splitFactor });
  };
  const splitter = new CsvLineSplitter({
    record: readRecord,
    problem: (reason, line) => {
      if (line === 1 || reason.startsWith('the line is longer')) problems.push(`line ${line}: ${reason}`);
      else badRow(`line ${line}: ${reason}`);
    },
  });
  await readProviderText(
    {
      url: url.href,
      headers: { Authorization: `Token ${key}` },
      timeoutMs,
      setting: 'PRICE_SOURCE_BASE_URL',
      secret: key,
    },
    (text) => {
      splitter.push(text);
      return problems.length === 0 && !splitter.inOverlongLine;
    },
  );
  if (problems.length === 0) splitter.end();
  if (columns === null && problems.length === 0) problems.push('empty response');
  const listed = (list: string[], more: number) =>
    `${list.slice(0, LISTED).join('; ')}${list.length + more > LISTED ? ` (and ${list.length + more - LISTED} more)` : ''}`;
  if (problems.length > 0) throw new FetchFailure(`not a Tiingo price file: ${listed(problems, 0)}`);
  if (badRows.length > 0) {
    throw new FetchFailure(`bad bar${badRows.length > 1 ? 's' : ''}: ${listed(badRows, moreBadRows)}`);
  }
  const byDate = <T extends { date: Date | string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  answer.bars.sort(byDate);
  answer.actions.sort(byDate);
  answer.adjustedCloses.sort(byDate);
  return answer;
}

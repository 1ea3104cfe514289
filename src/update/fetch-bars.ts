// Fetches one ETF's recent bars from the provider and keeps the dates after
// the last stored one. The provider's CSV goes through the same layout and row
// checks as `npm run ingest`; a response that fails any of them (an error
// status, a timeout, garbage) fails this ticker alone, with the reason.
//
// The answer is read through provider-http.ts (same-origin redirects only,
// capped and streamed, 429 honoured), a line at a time, never whole: a line
// longer than the CSV reader's limit ends the read at once, and only the new
// bars are kept. So `npm run update` holds at most PRICE_SOURCE_CONCURRENCY
// answers at a time.
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter } from '../ingest/csv-lines.js';
import { type Layout, parseHeader, parseRow, SKIPPED } from '../ingest/vendor-layout.js';
import type { BarInput } from '../prices/validate-bars.js';
import { MAX_BARS_PER_CALL, tomorrowUtc } from '../prices/validate-bars.js';
import { FetchFailure, readProviderText } from './provider-http.js';

/** Reasons listed per ticker; the rest are counted. */
const LISTED = 5;

function sourceUrl(template: string, ticker: string): string {
  return template.replaceAll('{ticker}', encodeURIComponent(ticker));
}

/**
 * The bars dated after `after` (all of them when it is null), oldest first.
 * `symbol` is what the provider calls the ticker (BRK-B for BRK.B); a file
 * with a ticker column may name either.
 */
export async function fetchNewBars(
  template: string,
  ticker: string,
  after: IsoDate | null,
  timeoutMs: number,
  symbol = ticker,
): Promise<BarInput[]> {
  const problems: string[] = []; // of the file: it is not a price file
  const badBars: string[] = []; // of rows: a price file with bad bars in it
  let moreBadBars = 0;
  const bars: BarInput[] = [];
  const latestAllowed = tomorrowUtc();
  let layout: Layout | null = null;
  const badBar = (reason: string) => {
    if (badBars.length < LISTED) badBars.push(reason);
    else moreBadBars++;
  };
  const readRecord = (fields: string[], line: number) => {
    if (line === 1) {
      const parsed = parseHeader(fields, ticker);
      if (Array.isArray(parsed)) problems.push(...parsed.slice(0, LISTED).map((reason) => `line 1: ${reason}`));
      else layout = parsed;
      return;
    }
    if (!layout || (fields.length === 1 && fields[0]?.trim() === '')) return;
    const row = parseRow(layout, fields, latestAllowed);
    if (row === SKIPPED) return;
    if (Array.isArray(row)) for (const reason of row) badBar(`line ${line}: ${reason}`);
    else if (row.ticker !== ticker && row.ticker !== symbol.toUpperCase()) {
      problems.push(`line ${line}: a row for ${row.ticker}`);
    } else if (after === null || row.date > after) {
      if (bars.length >= MAX_BARS_PER_CALL) problems.push(`more than ${MAX_BARS_PER_CALL} new bars`);
      else {
        bars.push({
          date: row.date,
          open: row.open,
          high: row.high,
          low: row.low,
          close: row.close,
          volume: row.volume,
        });
      }
    }
  };
  const splitter = new CsvLineSplitter({
    record: readRecord,
    problem: (reason, line) => {
      // A header that is not CSV is not a price file; a row that is not, a bad bar.
      if (line === 1 || reason.startsWith('the line is longer')) problems.push(`line ${line}: ${reason}`);
      else badBar(`line ${line}: ${reason}`);
    },
  });

  await readProviderText({ url: sourceUrl(template, symbol), timeoutMs, setting: 'PRICE_SOURCE_URL' }, (text) => {
    splitter.push(text);
    // Once the answer is known not to be a price file, the rest would change nothing.
    return problems.length === 0 && !splitter.inOverlongLine;
  });
  if (problems.length === 0) splitter.end(); // an overlong line read in part is reported here

  if (layout === null && problems.length === 0) problems.push('empty response');
  const listed = (list: string[], more: number) =>
    `${list.slice(0, LISTED).join('; ')}${list.length + more > LISTED ? ` (and ${list.length + more - LISTED} more)` : ''}`;
  if (problems.length > 0) throw new FetchFailure(`not a price file: ${listed(problems, 0)}`);
  if (badBars.length > 0) {
    throw new FetchFailure(`bad bar${badBars.length > 1 ? 's' : ''}: ${listed(badBars, moreBadBars)}`);
  }
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// Fetches one ETF's recent bars from the provider and keeps the dates after
// the last stored one. The provider's CSV goes through the same layout and row
// checks as `npm run ingest`; a response that fails any of them (an error
// status, a timeout, garbage) fails this ticker alone, with the reason.
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter } from '../ingest/csv-lines.js';
import { type Layout, parseHeader, parseRow, SKIPPED } from '../ingest/vendor-layout.js';
import type { BarInput } from '../prices/validate-bars.js';
import { tomorrowUtc } from '../prices/validate-bars.js';

/** More than decades of daily bars; a larger answer is not a price file. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class FetchFailure extends Error {}

function sourceUrl(template: string, ticker: string): string {
  return template.replaceAll('{ticker}', encodeURIComponent(ticker));
}

async function readCapped(response: Response): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) throw new FetchFailure(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
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
  let text: string;
  try {
    const response = await fetch(sourceUrl(template, symbol), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchFailure(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    text = await readCapped(response);
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchFailure(`no answer within ${timeoutMs} ms`);
    throw new FetchFailure(
      `request failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
    );
  }

  const problems: string[] = []; // of the file: it is not a price file
  const badBars: string[] = []; // of rows: a price file with bad bars in it
  const bars: BarInput[] = [];
  const latestAllowed = tomorrowUtc();
  let layout: Layout | null = null;
  const readRecord = (fields: string[], line: number) => {
    if (line === 1) {
      const parsed = parseHeader(fields, ticker);
      if (Array.isArray(parsed)) problems.push(...parsed.map((reason) => `line 1: ${reason}`));
      else layout = parsed;
      return;
    }
    if (!layout || (fields.length === 1 && fields[0]?.trim() === '')) return;
    const row = parseRow(layout, fields, latestAllowed);
    if (row === SKIPPED) return;
    if (Array.isArray(row)) badBars.push(...row.map((reason) => `line ${line}: ${reason}`));
    else if (row.ticker !== ticker && row.ticker !== symbol.toUpperCase()) {
      problems.push(`line ${line}: a row for ${row.ticker}`);
    } else if (after === null || row.date > after) {
      bars.push({ date: row.date, open: row.open, high: row.high, low: row.low, close: row.close, volume: row.volume });
    }
  };
  const splitter = new CsvLineSplitter({
    record: readRecord,
    problem: (reason, line) => (line === 1 ? problems : badBars).push(`line ${line}: ${reason}`),
  });
  splitter.push(text);
  splitter.end();
  if (layout === null && problems.length === 0) problems.push('empty response');
  const listed = (list: string[]) =>
    `${list.slice(0, 5).join('; ')}${list.length > 5 ? ` (and ${list.length - 5} more)` : ''}`;
  if (problems.length > 0) throw new FetchFailure(`not a price file: ${listed(problems)}`);
  if (badBars.length > 0) throw new FetchFailure(`bad bar${badBars.length > 1 ? 's' : ''}: ${listed(badBars)}`);
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// Fetches one ETF's recent bars from the provider and keeps the dates after
// the last stored one. The provider's CSV goes through the same layout and row
// checks as `npm run ingest`; a response that fails any of them (an error
// status, a timeout, garbage) fails this ticker alone, with the reason.
//
// The answer is read as it streams in, a line at a time, never whole: its
// bytes after decompression are capped and counted as they arrive, a line
// longer than the CSV reader's limit ends the read at once, and only the new
// bars are kept. So an answer costs a bounded amount of memory however it is
// made (a gzip bomb, one endless line), and `npm run update` holds at most
// PRICE_SOURCE_CONCURRENCY answers at a time.
//
// Redirects are followed only within the provider's origin (scheme, host and
// port), at most MAX_REDIRECTS times: a provider may move a path, but an
// answer pointing elsewhere (another host, plain http from https, an address
// inside the network) fails the ticker; set PRICE_SOURCE_URL to the new place
// if the provider has moved.
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter, excerpt } from '../ingest/csv-lines.js';
import { type Layout, parseHeader, parseRow, SKIPPED } from '../ingest/vendor-layout.js';
import type { BarInput } from '../prices/validate-bars.js';
import { MAX_BARS_PER_CALL, tomorrowUtc } from '../prices/validate-bars.js';

/** More than decades of daily bars; a larger answer is not a price file. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 3;
/** Reasons listed per ticker; the rest are counted. */
const LISTED = 5;

export class FetchFailure extends Error {}

function sourceUrl(template: string, ticker: string): string {
  return template.replaceAll('{ticker}', encodeURIComponent(ticker));
}

/** The provider's answer (status 2xx), following redirects only within its origin. */
async function fetchWithinOrigin(url: string, signal: AbortSignal): Promise<Response> {
  let current = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(current, { signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) {
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchFailure(`HTTP ${response.status} ${response.statusText}`.trim());
      }
      return response;
    }
    await response.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new FetchFailure(`HTTP ${response.status} redirect to an invalid location ${excerpt(location)}`);
    }
    if (next.origin !== current.origin) {
      throw new FetchFailure(
        `HTTP ${response.status} redirect to another origin (${excerpt(next.origin)}), not followed: set PRICE_SOURCE_URL to the new place if the provider has moved`,
      );
    }
    if (redirects >= MAX_REDIRECTS) throw new FetchFailure(`more than ${MAX_REDIRECTS} redirects`);
    current = next;
  }
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

  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchWithinOrigin(sourceUrl(template, symbol), signal);
    // Counted after decompression (fetch decodes gzip, deflate and brotli as the body is read).
    const decoder = new TextDecoder();
    let bytes = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > MAX_RESPONSE_BYTES) throw new FetchFailure(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
        splitter.push(decoder.decode(value, { stream: true }));
        // Once the answer is known not to be a price file, the rest would change nothing.
        if (problems.length > 0 || splitter.inOverlongLine) break;
      }
    } finally {
      await reader.cancel().catch(() => {});
    }
    if (problems.length === 0) {
      splitter.push(decoder.decode());
      splitter.end(); // an overlong line read in part is reported here
    }
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchFailure(`no answer within ${timeoutMs} ms`);
    throw new FetchFailure(
      `request failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
    );
  }

  if (layout === null && problems.length === 0) problems.push('empty response');
  const listed = (list: string[], more: number) =>
    `${list.slice(0, LISTED).join('; ')}${list.length + more > LISTED ? ` (and ${list.length + more - LISTED} more)` : ''}`;
  if (problems.length > 0) throw new FetchFailure(`not a price file: ${listed(problems, 0)}`);
  if (badBars.length > 0) {
    throw new FetchFailure(`bad bar${badBars.length > 1 ? 's' : ''}: ${listed(badBars, moreBadBars)}`);
  }
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// Alpha Vantage's daily adjusted prices
// (https://www.alphavantage.co/documentation/#dailyadj): GET
// /query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=…&outputsize=compact|full
// &datatype=csv&apikey=…, a CSV of timestamp, open, high, low, close,
// adjusted_close, volume, dividend_amount (the dividend going ex that day, 0
// without) and split_coefficient (new shares per old that day, 1 without),
// newest row first. `compact` is the latest 100 rows, `full` the whole
// history.
//
// The key is a documented query parameter, so it is in every URL: no URL is
// ever shown, and every reason is stripped of the key (Alpha Vantage's quota
// message quotes it) before it is cut to length.
//
// What is not a price file comes with HTTP 200 all the same, as a JSON object:
// {"Error Message": …} for a bad call (an unknown symbol), {"Note": …} or
// {"Information": …} for a rate limit or a plan that lacks the endpoint. A
// per-second or per-minute limit fails the ticker "retry later"; the day's
// quota does too, and no further ticker is asked for in this run (each answer
// would be the same, and nothing is written for them, so the next run resumes).
import type { IsoDate } from '../dates.js';
import { excerpt } from '../ingest/csv-lines.js';
import { tomorrowUtc } from '../prices/validate-bars.js';
import { type AdjustedCsvFormat, adjustedCsvReader } from './adjusted-csv.js';
import type { PriceProvider, ProviderAnswer } from './price-provider.js';
import { FetchFailure, readProviderText, withoutSecret } from './provider-http.js';

export const ALPHA_VANTAGE_ORIGIN = 'https://www.alphavantage.co';
/**
 * Alpha Vantage asks free keys for one request a second at most (and answers
 * faster ones with a rate-limit message): requests start this far apart,
 * whatever PRICE_SOURCE_CONCURRENCY allows.
 */
export const ALPHA_VANTAGE_REQUEST_INTERVAL_MS = 1000;
/**
 * The compact answer holds the latest 100 trading days, which always span more
 * than 100 calendar days: a last stored bar at most this many calendar days
 * old is in it, and the new days with it.
 */
const COMPACT_CALENDAR_DAYS = 100;
/** A JSON answer is a one-line message; more is not read. */
const MESSAGE_CHARS = 4096;
const ALPHA_VANTAGE_CSV: AdjustedCsvFormat = {
  name: 'an Alpha Vantage',
  bars: { date: 'timestamp', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
  adjustedClose: 'adjusted_close',
  dividend: 'dividend_amount',
  split: 'split_coefficient',
};

/** What a JSON message means: a rate limit (per second or minute, or the day's quota), or another failure. */
function messageKind(message: string): 'frequency' | 'daily' | 'other' {
  // "spreading out your free API requests more sparingly (1 request per second)", "5 calls per minute".
  if (/sparingly|per second|per minute|frequency/i.test(message)) return 'frequency';
  // "our standard API rate limit is 25 requests per day".
  if (/per day|daily/i.test(message)) return 'daily';
  return 'other';
}

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function alphaVantageProvider({ key, baseUrl }: { key: string; baseUrl?: string }): PriceProvider {
  const origin = baseUrl ?? ALPHA_VANTAGE_ORIGIN;
  const hide = (text: string) => withoutSecret(text, key);
  let nextStart = 0;
  /** Set once the day's quota is spent: the rest of the run asks for nothing. */
  let quotaSpent = false;
  const notAsked = () =>
    new FetchFailure("not asked: Alpha Vantage's daily limit was reached earlier in this run: retry later", true);
  /** Waits for this request's turn, ALPHA_VANTAGE_REQUEST_INTERVAL_MS after the one before. */
  const turn = async () => {
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + ALPHA_VANTAGE_REQUEST_INTERVAL_MS;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
  return {
    async fetch(ticker, symbol, after, timeoutMs) {
      if (quotaSpent) throw notAsked();
      await turn();
      if (quotaSpent) throw notAsked();
      try {
        return await fetchAlphaVantage(origin, key, hide, ticker, symbol, after, timeoutMs);
      } catch (error) {
        if (error instanceof DailyQuota) {
          quotaSpent = true;
          throw new FetchFailure(error.message, true);
        }
        // The message may hold the key (a redirect's location, an error's cause).
        if (error instanceof FetchFailure) throw new FetchFailure(hide(error.message), error.retryLater);
        throw error;
      }
    },
  };
}

class DailyQuota extends Error {}

async function fetchAlphaVantage(
  origin: string,
  key: string,
  hide: (text: string) => string,
  ticker: string,
  symbol: string,
  after: IsoDate | null,
  timeoutMs: number,
): Promise<ProviderAnswer> {
  const compact = after !== null && daysBetween(after, tomorrowUtc()) <= COMPACT_CALENDAR_DAYS;
  const url = new URL('/query', origin);
  url.searchParams.set('function', 'TIME_SERIES_DAILY_ADJUSTED');
  url.searchParams.set('symbol', symbol);
  url.searchParams.set('outputsize', compact ? 'compact' : 'full');
  url.searchParams.set('datatype', 'csv');
  url.searchParams.set('apikey', key);

  // Newest first as sent; the reader puts them in order, and the compact
  // answer's rows before the last stored bar are left out.
  const reader = adjustedCsvReader(ALPHA_VANTAGE_CSV, ticker, after);
  /** The answer's start, while it may be a JSON message rather than a CSV. */
  let message: string | null = '';
  await readProviderText({ url: url.href, timeoutMs, setting: 'PRICE_SOURCE_BASE_URL', secret: key }, (text) => {
    if (message !== null) {
      message += text;
      const start = message.trimStart();
      if (start === '') return true;
      // A JSON message: kept (bounded) and read once whole.
      if (start.startsWith('{')) return message.length < MESSAGE_CHARS;
      text = message;
      message = null;
    }
    return reader.push(text);
  });
  if (message !== null && message.trim() !== '') throw jsonFailure(message, hide);
  return reader.end();
}

/** The failure a JSON message stands for, its text without the key and cut to one line. */
function jsonFailure(text: string, hide: (text: string) => string): Error {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const said = (value: string) => excerpt(hide(value).replace(/\s+/g, ' ').trim());
  const error = fields['Error Message'];
  if (typeof error === 'string') return new FetchFailure(`Alpha Vantage: ${said(error)}`);
  const note = [fields.Note, fields.Information].find((value) => typeof value === 'string');
  if (typeof note !== 'string') {
    return new FetchFailure(`not an Alpha Vantage price file: ${excerpt(hide(text).replace(/\s+/g, ' ').trim())}`);
  }
  switch (messageKind(note)) {
    case 'frequency':
      return new FetchFailure(`rate limited by the provider (Alpha Vantage: ${said(note)}): retry later`, true);
    case 'daily':
      return new DailyQuota(`rate limited by the provider (Alpha Vantage's daily limit: ${said(note)}): retry later`);
    case 'other':
      return new FetchFailure(`Alpha Vantage: ${said(note)}`);
  }
}

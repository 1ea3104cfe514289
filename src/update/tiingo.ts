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
import { EARLIEST_DATE } from '../prices/validate-bars.js';
import { type AdjustedCsvFormat, adjustedCsvReader } from './adjusted-csv.js';
import type { PriceProvider, ProviderAnswer } from './price-provider.js';
import { FetchFailure, readProviderText, withoutSecret } from './provider-http.js';

export const TIINGO_ORIGIN = 'https://api.tiingo.com';
/** The JSON format's dates; the CSV's are plain. */
const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?Z$/;

const TIINGO_CSV: AdjustedCsvFormat = {
  name: 'a Tiingo',
  bars: { date: 'date', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
  adjustedClose: 'adjClose',
  dividend: 'divCash',
  split: 'splitFactor',
  date: (field) => MIDNIGHT_UTC.exec(field)?.[1] ?? field,
};

export function tiingoProvider({ key, baseUrl }: { key: string; baseUrl?: string }): PriceProvider {
  const origin = baseUrl ?? TIINGO_ORIGIN;
  const hide = (text: string) => withoutSecret(text, key);
  return {
    async fetch(ticker, symbol, after, timeoutMs) {
      try {
        return await fetchTiingo(origin, key, ticker, symbol, after, timeoutMs);
      } catch (error) {
        // A provider may echo the token in an error body: it never reaches a reason.
        if (error instanceof FetchFailure) throw new FetchFailure(hide(error.message), error.retryLater, error.status);
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

  const reader = adjustedCsvReader(TIINGO_CSV, ticker, after);
  await readProviderText(
    {
      url: url.href,
      headers: { Authorization: `Token ${key}` },
      timeoutMs,
      setting: 'PRICE_SOURCE_BASE_URL',
      secret: key,
    },
    (text) => reader.push(text),
  );
  return reader.end();
}

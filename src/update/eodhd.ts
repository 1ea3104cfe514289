// EODHD (https://eodhd.com/financial-apis/): one ETF's data in three answers,
// each GET <origin>/api/<endpoint>/<SYMBOL>.US?from=YYYY-MM-DD&fmt=json&api_token=…:
//  - eod: [{date, open, high, low, close, adjusted_close, volume}], the raw
//    prices and EODHD's close adjusted for splits and dividends;
//  - splits: [{date, split: "2.000000/1.000000"}], new shares / old shares;
//  - div: [{date (the ex-date), value, unadjustedValue, …}]: `value` is
//    restated for later splits, `unadjustedValue` is the cash paid per share
//    on the ex-date, which is what the raw close of that day is in, so that is
//    the one recorded (`value` when EODHD leaves it out).
// The three are one unit: any failure fails the ticker and nothing of it is
// kept. EODHD names a listing <SYMBOL>.<EXCHANGE>; etfql's ETFs are US-listed
// (EODHD_EXCHANGE; PRICE_SOURCE_SYMBOLS spells a ticker otherwise, e.g.
// BRK.B=BRK-B).
//
// EODHD takes the token in the URL only: every reason is cleared of it, in
// case an error echoes the URL or the token. An unknown symbol is HTTP 404; a
// used-up daily quota is HTTP 402 (reset at midnight GMT): the first one stops
// every later request of the run (each remaining ticker fails "retry later",
// so a run that only met it exits 3), and the next run resumes from each
// ETF's last stored bar.
//
// As with Tiingo, the requests start at the last stored bar, whose restated
// adjusted close is compared with etfql's after the new actions are recorded.
import type { IsoDate } from '../dates.js';
import { excerpt } from '../ingest/csv-lines.js';
import { parseDate } from '../ingest/vendor-layout.js';
import { barProblems, EARLIEST_DATE, MAX_BARS_PER_CALL, tomorrowUtc } from '../prices/validate-bars.js';
import type { PriceProvider, ProviderAction, ProviderAnswer } from './price-provider.js';
import { FetchFailure, readProviderText, withoutSecret } from './provider-http.js';

export const EODHD_ORIGIN = 'https://eodhd.com';
/** The exchange part of EODHD's symbols: SPY is SPY.US. */
export const EODHD_EXCHANGE = 'US';
/** About 100 bytes a day: MAX_BARS_PER_CALL days and then some. An answer is parsed whole, so it is bounded first. */
const MAX_ANSWER_CHARS = 32 * 1024 * 1024;
/** Reasons listed per ticker; the rest are counted. */
const LISTED = 5;
const QUOTA_USED_UP = "EODHD's daily request quota is used up (HTTP 402): retry later";
const SPLIT = /^(\d{1,12}(?:\.\d{1,12})?)\/(\d{1,12}(?:\.\d{1,12})?)$/;

/** New shares per old from EODHD's "2.000000/1.000000", or why it is not one (one line). */
export function splitRatio(text: string): number | string {
  const match = SPLIT.exec(text);
  const shown = JSON.stringify(text.slice(0, 40));
  if (!match) return `${shown} is not a split ratio like "2.000000/1.000000"`;
  const [shares, old] = [Number(match[1]), Number(match[2])];
  if (shares === 0 || old === 0) return `${shown} has a zero side`;
  if (shares === old) return `${shown} is no split (a ratio of 1)`;
  return shares / old;
}

export function eodhdProvider({ key, baseUrl }: { key: string; baseUrl?: string }): PriceProvider {
  const origin = baseUrl ?? EODHD_ORIGIN;
  const hide = (text: string) => withoutSecret(text, key);
  let quotaUsedUp = false;
  return {
    async fetch(_ticker, symbol, after, timeoutMs) {
      if (quotaUsedUp) throw new FetchFailure(QUOTA_USED_UP, true, 402);
      try {
        return await fetchEodhd(origin, key, `${symbol}.${EODHD_EXCHANGE}`, after, timeoutMs);
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        if (error.status === 402) {
          quotaUsedUp = true;
          throw new FetchFailure(QUOTA_USED_UP, true, 402);
        }
        throw new FetchFailure(hide(error.message), error.retryLater, error.status);
      }
    },
  };
}

type Endpoint = 'eod' | 'splits' | 'div';
const LABEL: Record<Endpoint, string> = { eod: '', splits: 'splits: ', div: 'dividends: ' };

/** One endpoint's JSON answer; a failure says which endpoint (but for prices). */
async function readJson(
  origin: string,
  key: string,
  endpoint: Endpoint,
  symbol: string,
  from: IsoDate,
  timeoutMs: number,
) {
  const url = new URL(`/api/${endpoint}/${encodeURIComponent(symbol)}`, origin);
  url.searchParams.set('from', from);
  url.searchParams.set('fmt', 'json');
  url.searchParams.set('api_token', key);
  let text = '';
  let tooLong = false;
  try {
    await readProviderText({ url: url.href, timeoutMs, setting: 'PRICE_SOURCE_BASE_URL' }, (chunk) => {
      if (text.length + chunk.length > MAX_ANSWER_CHARS) tooLong = true;
      else text += chunk;
      return !tooLong;
    });
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    if (endpoint === 'eod' && error.status === 404) {
      throw new FetchFailure(`EODHD does not know ${symbol} (${error.message})`, false, 404);
    }
    // EODHD documents 404 on splits and dividends as "none for this ticker or date range"; the prices just came.
    if (error.status === 404) return [];
    throw new FetchFailure(`${LABEL[endpoint]}${error.message}`, error.retryLater, error.status);
  }
  if (tooLong) throw new FetchFailure(`${LABEL[endpoint]}answer longer than ${MAX_ANSWER_CHARS} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FetchFailure(`${LABEL[endpoint]}not JSON: ${excerpt(text.replace(/\s+/g, ' '))}`);
  }
  if (!Array.isArray(parsed)) {
    throw new FetchFailure(`${LABEL[endpoint]}not a JSON array: ${excerpt(text.replace(/\s+/g, ' '))}`);
  }
  return parsed as unknown[];
}

const listed = (list: string[]) =>
  `${list.slice(0, LISTED).join('; ')}${list.length > LISTED ? ` (and ${list.length - LISTED} more)` : ''}`;

const field = (row: unknown, name: string): unknown =>
  typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The row's date, or why it has none. */
function rowDate(row: unknown): IsoDate | string {
  const date = field(row, 'date');
  return typeof date === 'string' ? parseDate(date) : 'date is missing';
}

async function fetchEodhd(
  origin: string,
  key: string,
  symbol: string,
  after: IsoDate | null,
  timeoutMs: number,
): Promise<ProviderAnswer> {
  const from = after ?? EARLIEST_DATE;
  const answer: ProviderAnswer = { bars: [], actions: [], adjustedCloses: [] };
  const bad: string[] = [];
  const latestAllowed = tomorrowUtc();

  const rows = await readJson(origin, key, 'eod', symbol, from, timeoutMs);
  if (rows.length > MAX_BARS_PER_CALL + 1) throw new FetchFailure(`more than ${MAX_BARS_PER_CALL} new bars`);
  for (const [index, row] of rows.entries()) {
    const at = `row ${index + 1}`;
    const date = rowDate(row);
    const [open, high, low, close, volume, adjusted] = ['open', 'high', 'low', 'close', 'volume', 'adjusted_close'].map(
      (name) => field(row, name),
    );
    // A day without prices comes as nulls: no bar.
    if ([open, high, low, close].every((value) => value === null)) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      bad.push(`${at}: date ${date}`);
      continue;
    }
    const numbers = { open, high, low, close, volume };
    const notNumbers = Object.entries(numbers).filter(([, value]) => !finite(value));
    if (notNumbers.length > 0) {
      bad.push(`${at} (${date}): ${notNumbers.map(([name]) => name).join(', ')} not a number`);
      continue;
    }
    const bar = numbers as { open: number; high: number; low: number; close: number; volume: number };
    if (finite(adjusted)) answer.adjustedCloses.push({ date, close: adjusted });
    if (after !== null && date <= after) continue;
    const problems = barProblems(bar, date, latestAllowed);
    if (problems.length > 0) {
      bad.push(...problems.map(([name, message]) => `${at} (${date}): ${name} ${message}`));
      continue;
    }
    answer.bars.push({ date, ...bar });
  }
  if (bad.length > 0) throw new FetchFailure(`bad bar${bad.length > 1 ? 's' : ''}: ${listed(bad)}`);
  const byDate = <T extends { date: Date | string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  answer.bars.sort(byDate);
  answer.adjustedCloses.sort(byDate);
  // Up to date: no actions to ask for (they are recorded with their bars).
  const last = answer.bars.at(-1)?.date as IsoDate | undefined;
  if (last === undefined) return answer;
  const inRange = (date: IsoDate) => (after === null || date > after) && date <= last;

  const splits = await readJson(origin, key, 'splits', symbol, from, timeoutMs);
  for (const row of splits) {
    const date = rowDate(row);
    const text = field(row, 'split');
    const ratio = typeof text === 'string' ? splitRatio(text) : 'split is missing';
    if (typeof ratio === 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      bad.push(`${date}: ${typeof ratio === 'string' ? ratio : `date ${date}`}`);
    } else if (inRange(date)) answer.actions.push({ kind: 'SPLIT', date, value: ratio });
  }
  if (bad.length > 0) throw new FetchFailure(`splits: ${listed(bad)}`);

  const dividends = await readJson(origin, key, 'div', symbol, from, timeoutMs);
  for (const row of dividends) {
    const date = rowDate(row);
    const cash = field(row, 'unadjustedValue');
    const value = finite(cash) ? cash : field(row, 'value');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) bad.push(`date ${date}`);
    else if (!finite(value)) bad.push(`${date}: value is not a number`);
    else if (inRange(date)) answer.actions.push({ kind: 'DIVIDEND', date, value });
  }
  if (bad.length > 0) throw new FetchFailure(`dividends: ${listed(bad)}`);

  answer.actions.sort((a: ProviderAction, b: ProviderAction) => byDate(a, b) || (a.kind < b.kind ? -1 : 1));
  return answer;
}

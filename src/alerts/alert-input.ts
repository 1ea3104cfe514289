// What createAlert and updateAlert are given, checked whole: every problem
// with its path, before anything is written. The condition is the screen's
// own (parseScreen, its bounds included); tickers must name ETFs; a webhook
// URL must be one a delivery may reach (webhook-address.ts).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { InputProblem } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { parseTicker } from '../etfs/ticker.js';
import { parseScreen, type ScreenFilterInput } from '../screen/screen-filter.js';
import { webhookHostProblem, webhookUrlProblem } from './webhook-address.js';

export const MAX_ALERT_NAME = 200;
/** ETFs one alert may name; more is a screen over every ETF (tickers omitted). */
export const MAX_ALERT_TICKERS = 500;

export type AlertInput = {
  name?: string | null;
  when?: ScreenFilterInput | null;
  tickers?: readonly string[] | null;
  webhookUrl?: string | null;
  fireOnBackfill?: boolean | null;
};

/** The columns a valid input sets; absent keys are left as they are (on update). */
export type AlertChange = {
  name?: string;
  condition?: ScreenFilterInput;
  /** null: every ETF. */
  etfIds?: number[] | null;
  webhookUrl?: string | null;
  fireOnBackfill?: boolean;
};

/** A webhook's signing key: 256 random bits, shown to its owner once. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export async function parseAlertInput(
  pool: pg.Pool,
  input: AlertInput,
  options: { creating: boolean; allowPrivateWebhooks: boolean; path?: string },
): Promise<{ change: AlertChange; problems: InputProblem[] }> {
  const path = options.path ?? 'input';
  const problems: InputProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ path: `${path}.${field}`, message });
  const change: AlertChange = {};

  if (input.name !== undefined || options.creating) {
    const name = input.name?.trim() ?? '';
    if (name === '') problem('name', 'must not be empty');
    else if (name.length > MAX_ALERT_NAME) problem('name', `must be at most ${MAX_ALERT_NAME} characters`);
    else change.name = name;
  }
  if (input.when != null) {
    const parsed = parseScreen(input.when, null);
    for (const found of parsed.problems) {
      problems.push({ path: `${path}.when${found.path.replace(/^where/, '')}`, message: found.message });
    }
    if (parsed.problems.length === 0) change.condition = input.when;
  } else if (options.creating || input.when === null)
    problem('when', 'is required: the condition, as a screen’s `where`');

  if (input.tickers === null) change.etfIds = null;
  else if (input.tickers !== undefined) {
    if (input.tickers.length === 0 || input.tickers.length > MAX_ALERT_TICKERS) {
      problem(
        'tickers',
        `must name 1 to ${MAX_ALERT_TICKERS} ETFs (omit it for every ETF), got ${input.tickers.length}`,
      );
    } else {
      const tickers: string[] = [];
      input.tickers.forEach((raw, i) => {
        const parsed = parseTicker(raw);
        if ('problem' in parsed) problem(`tickers[${i}]`, parsed.problem);
        else if (!tickers.includes(parsed.ticker)) tickers.push(parsed.ticker);
      });
      if (problems.length === 0) {
        const found = new Map((await findEtfsByTicker(pool, tickers)).map((etf) => [etf.ticker, etf.id]));
        tickers.forEach((ticker) => {
          if (!found.has(ticker)) problem('tickers', `no ETF has the ticker ${ticker}`);
        });
        change.etfIds = tickers.flatMap((ticker) => found.get(ticker) ?? []);
      }
    }
  } else if (options.creating) change.etfIds = null;

  if (input.webhookUrl === null) change.webhookUrl = null;
  else if (input.webhookUrl !== undefined) {
    const url = input.webhookUrl.trim();
    const shape = webhookUrlProblem(url);
    const host = shape ? null : await webhookHostProblem(url, options.allowPrivateWebhooks);
    if (shape || host) problem('webhookUrl', (shape ?? host) as string);
    else change.webhookUrl = url;
  }
  if (input.fireOnBackfill != null) change.fireOnBackfill = input.fireOnBackfill;
  else if (options.creating) change.fireOnBackfill = false;
  return { change, problems };
}

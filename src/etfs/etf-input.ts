// Validation of EtfInput: every problem is reported at once, with its field.
// An omitted field keeps its value on update (and is empty on create); an
// explicit null, or empty text, clears it.

import { type IsoDate, todayUtc, toIsoDate } from '../dates.js';
import type { InputProblem } from '../errors.js';
import type { AssetClass } from '../generated/prisma/client.js';
import { parseTicker } from './ticker.js';

export type EtfInput = {
  ticker: string;
  name: string;
  issuer?: string | null;
  assetClass?: AssetClass | null;
  expenseRatio?: number | null;
  inceptionDate?: Date | string | null;
  currency?: string | null;
  exchange?: string | null;
  description?: string | null;
  secSeriesId?: string | null;
};

export type EtfData = {
  ticker: string;
  name: string;
  issuer: string | null;
  assetClass: AssetClass | null;
  expenseRatio: number | null;
  inceptionDate: Date | null;
  currency: string;
  exchange: string | null;
  description: string | null;
  secSeriesId: string | null;
};

const LIMITS = { name: 200, issuer: 200, exchange: 32, description: 10_000 } as const;

/** What an upsert writes: every column when it creates, only the fields given when it updates. */
export type EtfWrite = { ticker: string; create: EtfData; update: Partial<EtfData> };

/** The write of a valid input, or every problem of an invalid one. */
export function parseEtfInput(input: EtfInput, path = 'input'): { write: EtfWrite | null; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ path: `${path}.${field}`, message });

  const ticker = parseTicker(input.ticker);
  if ('problem' in ticker) problem('ticker', ticker.problem);

  const text = (field: keyof typeof LIMITS, value: string | null | undefined): string | null => {
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > LIMITS[field]) problem(field, `must be at most ${LIMITS[field]} characters`);
    return trimmed === '' ? null : trimmed;
  };
  const name = text('name', input.name);
  if (name === null) problem('name', 'must not be empty');

  const expenseRatio = input.expenseRatio ?? null;
  if (expenseRatio !== null && !(Number.isFinite(expenseRatio) && expenseRatio >= 0 && expenseRatio < 0.1)) {
    problem('expenseRatio', 'must be a fraction from 0 to 0.1 (0.0009 means 0.09 %)');
  }

  let inceptionDate: IsoDate | null = null;
  if (input.inceptionDate) {
    inceptionDate = toIsoDate(input.inceptionDate);
    if (inceptionDate > todayUtc()) problem('inceptionDate', 'is in the future');
    if (inceptionDate < '1900-01-01') problem('inceptionDate', 'is before 1900');
  }

  // Null resets the currency to its default: a currency is never empty.
  const currency = (input.currency ?? 'USD').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problem('currency', 'must be a three-letter ISO 4217 code');

  // The SEC's series id: S and nine digits (what N-PORT filings name the fund by).
  const secSeriesId = input.secSeriesId?.trim().toUpperCase() || null;
  if (secSeriesId !== null && !/^S\d{9}$/.test(secSeriesId)) {
    problem('secSeriesId', 'must be the SEC series id: S and nine digits (S000002736)');
  }

  const data: EtfData = {
    ticker: 'ticker' in ticker ? ticker.ticker : '',
    name: name ?? '',
    issuer: text('issuer', input.issuer),
    assetClass: input.assetClass ?? null,
    expenseRatio,
    inceptionDate: inceptionDate ? new Date(`${inceptionDate}T00:00:00Z`) : null,
    currency,
    exchange: text('exchange', input.exchange),
    description: text('description', input.description),
    secSeriesId,
  };
  if (problems.length > 0) return { write: null, problems };
  const update: Partial<EtfData> = { name: data.name };
  for (const field of OPTIONAL_FIELDS) {
    if (input[field] !== undefined) Object.assign(update, { [field]: data[field] });
  }
  return { write: { ticker: data.ticker, create: data, update }, problems };
}

const OPTIONAL_FIELDS = [
  'issuer',
  'assetClass',
  'expenseRatio',
  'inceptionDate',
  'currency',
  'exchange',
  'description',
  'secSeriesId',
] as const satisfies readonly (keyof EtfInput & keyof EtfData)[];

// Reads an issuer's holdings download (iShares, SPDR, Vanguard and the like)
// as it streams. Issuers agree on no layout, so columns are recognised by
// their header names (ignoring case, spaces and punctuation, with the
// aliases below); columns not listed are ignored, since issuers add columns
// over time. The header is the first row, within the first HEADER_SEARCH
// lines, with a name column and a weight column: the lines above it are a
// preamble (fund name, "as of" date), and the table ends at the first blank
// line or one-field row, after which iShares appends its disclaimer.
import type { IsoDate } from '../dates.js';
import { CsvLineSplitter, excerpt } from '../ingest/csv-lines.js';
import { bare, isCalendarDate } from '../ingest/vendor-layout.js';
import { assetClassFromWords } from './asset-class.js';
import { cusipFromIsin, readCusip, readIsin } from './identifiers.js';
import { LenientFields } from './lenient-fields.js';
import type { FileProblem, HoldingsFile, Position } from './position.js';
import { MAX_POSITIONS, MAX_PROBLEMS } from './position-checks.js';

/** iShares' preamble is nine lines; anything much longer is not a holdings file. */
export const HEADER_SEARCH = 50;

type Column =
  | 'ticker'
  | 'name'
  | 'sector'
  | 'assetClass'
  | 'marketValue'
  | 'weight'
  | 'shares'
  | 'country'
  | 'currency'
  | 'cusip'
  | 'isin';

/**
 * Header names, folded by headerKey ("Weight (%)" → weightpercent), to the
 * column they are; an earlier alias wins when a file has two (iShares has both
 * Currency and Market Currency). Notional value is not market value, and is
 * ignored like price, exchange, FX rate, SEDOL and accrual date.
 */
const ALIASES: [Column, string[]][] = [
  ['ticker', ['ticker', 'symbol', 'tickersymbol', 'issuerticker', 'holdingticker']],
  [
    'name',
    [
      'name',
      'securityname',
      'holdingname',
      'holding',
      'holdings',
      'description',
      'securitydescription',
      'issuername',
      'security',
      'companyname',
    ],
  ],
  ['sector', ['sector', 'gicssector', 'industrysector']],
  ['assetClass', ['assetclass', 'assettype', 'securitytype', 'assetcategory', 'type']],
  ['marketValue', ['marketvalue', 'marketvalueusd', 'marketval', 'mktvalue', 'mktval', 'value', 'basemarketvalue']],
  [
    'weight',
    [
      'weight',
      'weightpercent',
      'weighting',
      'percentweight',
      'weightpct',
      'percentofnetassets',
      'pctofnetassets',
      'percentoffund',
      'pctoffund',
      'percentoffundnetassets',
      'portfolioweight',
      'portfolioweightpercent',
      'percentofportfolio',
      'percentofmarketvalue',
      'netassetspercent',
    ],
  ],
  [
    'shares',
    ['shares', 'quantity', 'sharesheld', 'parvalue', 'sharespar', 'sharesparvalue', 'nominal', 'units', 'position'],
  ],
  ['country', ['location', 'country', 'countryofrisk', 'locationofrisk', 'domicile', 'countryofdomicile']],
  ['currency', ['currency', 'marketcurrency', 'localcurrency', 'tradingcurrency', 'currencycode']],
  ['cusip', ['cusip']],
  ['isin', ['isin']],
];

const ALIAS_INDEX = new Map<string, { column: Column; rank: number }>();
for (const [column, names] of ALIASES) {
  for (const [rank, name] of names.entries()) ALIAS_INDEX.set(name, { column, rank });
}

/** "% of Net Assets" → percentofnetassets; "Market Value ($)" → marketvalue. */
const headerKey = (field: string) =>
  field
    .toLowerCase()
    .replace(/%/g, 'percent')
    .replace(/[^a-z0-9]/g, '');

type Layout = { columns: Partial<Record<Column, number>>; width: number };

/** The columns a row names, with the best-ranked alias winning each. */
function headerColumns(fields: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  const ranks: Partial<Record<Column, number>> = {};
  fields.forEach((field, index) => {
    const alias = ALIAS_INDEX.get(headerKey(field));
    if (alias === undefined) return;
    const held = ranks[alias.column];
    if (held === undefined || alias.rank < held) {
      columns[alias.column] = index;
      ranks[alias.column] = alias.rank;
    }
  });
  return columns;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date as issuers write it in a preamble, or null: "Dec 04, 2026", "December 4, 2026", "12/04/2026" (US order), "2026-12-04", "04-Dec-2026". */
export function parseIssuerDate(raw: string): IsoDate | null {
  const text = bare(raw);
  for (const [pattern, parts] of DATE_FORMATS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = parts(match.map((part) => part ?? ''));
    if (!isCalendarDate(year, month, day)) return null;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/** The written forms of a date, each with how to find its year, month and day. */
const DATE_FORMATS: [RegExp, (match: string[]) => [number, number, number]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => [Number(m[3]), Number(m[1]), Number(m[2])]],
  [/^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/, (m) => [Number(m[3]), monthNumber(m[1] as string), Number(m[2])]],
  [/^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{4})$/, (m) => [Number(m[3]), monthNumber(m[2] as string), Number(m[1])]],
];

/** 1 to 12 for a month's name, its first three letters or Sept; 0 (no month) otherwise. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month === lower || month.slice(0, 3) === lower);
  return index !== -1 ? index + 1 : lower === 'sept' ? 9 : 0;
}

/** Placeholders issuers write for "none". */
const EMPTY_NUMBER = new Set(['', '-', '--', 'N/A', 'NA', 'n/a']);
const ISSUER_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * A number as issuers write it: "1,234,567.89", "6.50%", "$1,234", "(1,234.00)"
 * for a negative, "-" or "" for none (null). Or why it is not one.
 */
export function parseIssuerNumber(raw: string): number | null | string {
  let text = bare(raw);
  if (EMPTY_NUMBER.has(text)) return null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1);
  }
  if (text.startsWith('$')) text = text.slice(1);
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  if (text === '' || text === '.' || !ISSUER_NUMBER.test(text)) return `is not a number (${excerpt(bare(raw))})`;
  const value = Number(text.replace(/,/g, ''));
  return negative ? -value : value;
}

/** Preamble labels that announce the portfolio's date ("Fund Holdings as of", "As of Date", "Date"). */
const AS_OF_LABEL = /\bas of\b|^date$|^as of date$|^holdings date$|^portfolio date$/;

export async function readIssuerCsv(source: AsyncIterable<string> | Iterable<string>): Promise<HoldingsFile> {
  const result: HoldingsFile = {
    format: 'ISSUER_CSV',
    asOf: null,
    seriesId: null,
    fundName: null,
    netAssets: null,
    positions: [],
    problems: [],
    notes: [],
  };
  const { problems } = result;
  const lenient = new LenientFields();
  let phase = 'preamble' as 'preamble' | 'table' | 'trailer';
  let layout: Layout | null = null;
  let nameOnlyHeader: number | null = null;
  let lastLine = 0;
  let positionCount = 0;

  let preambleLines = 0;
  const readPreamble = (fields: string[], line: number) => {
    preambleLines++;
    const columns = headerColumns(fields);
    if (columns.name !== undefined && columns.weight !== undefined) {
      layout = { columns, width: fields.length };
      phase = 'table';
      return;
    }
    if (columns.name !== undefined) nameOnlyHeader ??= line;
    const first = bare(fields[0] ?? '');
    const dated = fields.findIndex((field) => AS_OF_LABEL.test(bare(field).toLowerCase()));
    if (dated !== -1) {
      if (result.asOf !== null) return;
      // The date follows "as of" in its own field ("Holdings as of 12/04/2026", SPDR's
      // "As of 04-Dec-2026"), or is the next field (iShares' Fund Holdings as of,"Dec 04, 2026").
      const label = bare(fields[dated] as string);
      const inline = bare(label.replace(/^.*\bas of\b(\s*date\b)?:?|^.*\bdate:?$/i, ''));
      const written = inline || (fields.slice(dated + 1).find((field) => bare(field) !== '') ?? '');
      const date = parseIssuerDate(written);
      if (date === null) problems.push({ line, reason: `the "as of" date ${excerpt(bare(written))} is not a date` });
      else result.asOf = date;
    } else if (preambleLines === 1) {
      // The fund's name, or a label for it (SPDR's "Fund Name:,SPDR® S&P 500® ETF Trust").
      const next = bare(fields[1] ?? '');
      result.fundName = (first.endsWith(':') && next !== '' ? next : first) || null;
    }
  };

  const readRow = (fields: string[], line: number) => {
    const current = layout as Layout;
    if (fields.length !== current.width) {
      problems.push({ line, reason: `expected ${current.width} fields, as the header has, got ${fields.length}` });
      return;
    }
    positionCount++;
    if (positionCount > MAX_POSITIONS) {
      problems.push({ line, reason: `more than ${MAX_POSITIONS.toLocaleString('en-US')} positions` });
      return;
    }
    const position = toPosition(current, fields, line, problems, lenient);
    if (position !== null) result.positions.push(position);
  };

  const splitter = new CsvLineSplitter({
    record: (fields, line) => {
      lastLine = line;
      if (phase === 'trailer') return;
      const filled = fields.reduce((n, field) => (bare(field) === '' ? n : n + 1), 0);
      if (phase === 'preamble') {
        if (filled > 0) readPreamble(fields, line);
        return;
      }
      if (filled <= 1) {
        phase = 'trailer';
        return;
      }
      readRow(fields, line);
    },
    problem: (reason, line) => {
      lastLine = line;
      if (phase !== 'trailer') problems.push({ line, reason });
    },
  });
  for await (const chunk of source) {
    splitter.push(chunk);
    if (phase === 'trailer' || problems.length >= MAX_PROBLEMS) break;
    if (phase === 'preamble' && lastLine >= HEADER_SEARCH) break;
    if (positionCount > MAX_POSITIONS) break;
  }
  if (phase !== 'trailer' && problems.length < MAX_PROBLEMS) splitter.end();

  if (phase === 'preamble') {
    const reason =
      lastLine === 0
        ? 'the file is empty'
        : nameOnlyHeader !== null
          ? `the header on line ${nameOnlyHeader} has no weight column ("Weight (%)", "% of Net Assets"…)`
          : `no header row with a name column and a weight column in the first ${HEADER_SEARCH} lines`;
    problems.push({ line: nameOnlyHeader ?? 0, reason });
  } else if (problems.length === 0) {
    const fractions = fractionProblem(result.positions);
    if (fractions !== null) problems.push(fractions);
  }
  if (problems.length > MAX_PROBLEMS) problems.length = MAX_PROBLEMS;
  const columns = (layout as Layout | null)?.columns;
  if (columns && columns.assetClass === undefined) {
    result.notes.push('no asset class column: every position is classed OTHER');
  }
  result.notes.push(...lenient.notes());
  return result;
}

/**
 * Weights are read as percents, as written. A file whose weights are all at
 * most 1 and sum to about 1 is a file of fractions: refused, never rescaled,
 * since a guess either way could be a hundredfold wrong.
 */
function fractionProblem(positions: Position[]): FileProblem | null {
  if (positions.length === 0) return null;
  let sum = 0;
  for (const { weight } of positions) {
    if (Math.abs(weight) > 1) return null;
    sum += weight;
  }
  if (sum < 0.9 || sum > 1.1) return null;
  return {
    line: 0,
    reason: `the weights sum to ${Number(sum.toFixed(6))} and none is above 1: they are fractions, not percents (write 6.5 for 6.5 %)`,
  };
}

/** A row as a position, or null with its problems added. */
function toPosition(
  layout: Layout,
  fields: string[],
  line: number,
  problems: FileProblem[],
  lenient: LenientFields,
): Position | null {
  const { columns } = layout;
  const before = problems.length;
  const text = (column: Column) => {
    const index = columns[column];
    return index === undefined ? null : bare(fields[index] ?? '');
  };
  /** A descriptive column's words, null when absent or a placeholder ("-"). */
  const words = (column: Column) => {
    const value = text(column);
    return value === null || EMPTY_NUMBER.has(value) ? null : value;
  };
  const number = (column: Column, label: string) => {
    const raw = text(column);
    if (raw === null) return null;
    const value = parseIssuerNumber(raw);
    if (typeof value === 'string') {
      problems.push({ line, reason: `${label} ${value}` });
      return null;
    }
    return value;
  };
  const name = text('name') ?? '';
  if (name === '') problems.push({ line, reason: 'the name is empty' });
  const weight = number('weight', 'weight');
  if (weight === null && problems.length === before) problems.push({ line, reason: 'the weight is empty' });
  const shares = number('shares', 'shares');
  const marketValue = number('marketValue', 'market value');
  const isin = readIsin(text('isin'));
  if ('problem' in isin) problems.push({ line, reason: isin.problem });
  let cusip = readCusip(text('cusip'));
  if ('problem' in cusip) problems.push({ line, reason: cusip.problem });
  else if (cusip.value === null && 'value' in isin && isin.value !== null) {
    const derived = cusipFromIsin(isin.value);
    if (derived !== null) lenient.derivedCusip();
    cusip = { value: derived };
  }
  if (problems.length > before || weight === null) return null;
  const assetCategory = words('assetClass');
  return {
    line,
    name,
    ticker: lenient.ticker(text('ticker')),
    cusip: 'value' in cusip ? cusip.value : null,
    isin: 'value' in isin ? isin.value : null,
    assetCategory,
    assetClass: assetCategory === null ? 'OTHER' : assetClassFromWords(assetCategory),
    sector: words('sector'),
    country: lenient.country(text('country')),
    currency: lenient.currency(text('currency')),
    shares,
    units: null,
    marketValue,
    weight,
    // A negative quantity is a short position; a positive one is held.
    payoff: shares === null || shares === 0 ? null : shares < 0 ? 'SHORT' : 'LONG',
  };
}

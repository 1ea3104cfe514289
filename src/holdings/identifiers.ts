// Security identifiers, tickers, countries and currencies as holdings files
// write them, checked and normalised. A CUSIP or ISIN whose check digit fails
// is refused rather than stored: it is a typo that would split one security
// in two. Placeholders that filers write for "none" (N-PORT's 000000000 and
// N/A, issuers' "-") are absence, not errors.
import { tickerProblem } from '../etfs/ticker.js';

/** What filers write where an identifier, country or currency does not exist. */
const PLACEHOLDERS = new Set(['', '-', '--', 'N/A', 'NA', 'NONE', '0', '000000000', '000000000000']);

/** The text trimmed and upper-cased, or null when it is a placeholder for none. */
export function presentOrNull(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim().toUpperCase();
  return PLACEHOLDERS.has(text) ? null : text;
}

/** A CUSIP character's value: digits as themselves, letters from 10, then * @ #. */
function cusipCharValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (char === '*') return 36;
  if (char === '@') return 37;
  return 38; // '#'
}

/** The check digit of a CUSIP's first eight characters (the "modulus 10 double-add-double"). */
export function cusipCheckDigit(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let value = cusipCharValue(first8[i] as string);
    if (i % 2 === 1) value *= 2;
    sum += Math.floor(value / 10) + (value % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a CUSIP (upper-case, trimmed) is not one, or null when it is. */
export function cusipProblem(cusip: string): string | null {
  if (cusip.length !== 9) return `is ${cusip.length} characters, not 9`;
  if (!/^[A-Z0-9*@#]{8}[0-9]$/.test(cusip)) {
    return 'must be 8 letters, digits, *, @ or #, then a check digit';
  }
  const expected = cusipCheckDigit(cusip.slice(0, 8));
  return Number(cusip[8]) === expected ? null : `check digit is ${cusip[8]}, expected ${expected}`;
}

/** The ISIN check digit of its first 11 characters: Luhn over letters written as numbers (A=10 … Z=35). */
export function isinCheckDigit(first11: string): number {
  let digits = '';
  for (const char of first11) {
    const code = char.charCodeAt(0);
    digits += code >= 65 && code <= 90 ? String(code - 55) : char;
  }
  // Luhn: from the right, every other digit (starting with the rightmost) is doubled.
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let value = Number(digits[i]);
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why an ISIN (upper-case, trimmed) is not one, or null when it is. */
export function isinProblem(isin: string): string | null {
  if (isin.length !== 12) return `is ${isin.length} characters, not 12`;
  if (!/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(isin)) {
    return 'must be a 2-letter country, 9 letters or digits, then a check digit';
  }
  const expected = isinCheckDigit(isin.slice(0, 11));
  return Number(isin[11]) === expected ? null : `check digit is ${isin[11]}, expected ${expected}`;
}

/**
 * The CUSIP inside a US or Canadian ISIN (its characters 3 to 11), or null.
 * Only these two: CUSIP Global Services numbers them, so the middle of their
 * ISINs is always a CUSIP. Other countries' ISINs (BM, KY…) often embed a
 * CINS too, but not always, and a guessed CUSIP would be worse than none.
 */
export function cusipFromIsin(isin: string): string | null {
  if (!isin.startsWith('US') && !isin.startsWith('CA')) return null;
  const cusip = isin.slice(2, 11);
  return cusipProblem(cusip) === null ? cusip : null;
}

/** An identifier as read: its normalised value (null when absent), or why it is refused. */
export type Checked = { value: string | null } | { problem: string };

export function readCusip(raw: string | null | undefined): Checked {
  const cusip = presentOrNull(raw);
  if (cusip === null) return { value: null };
  const problem = cusipProblem(cusip);
  return problem === null ? { value: cusip } : { problem: `CUSIP ${JSON.stringify(cusip.slice(0, 20))} ${problem}` };
}

export function readIsin(raw: string | null | undefined): Checked {
  const isin = presentOrNull(raw);
  if (isin === null) return { value: null };
  const problem = isinProblem(isin);
  return problem === null ? { value: isin } : { problem: `ISIN ${JSON.stringify(isin.slice(0, 20))} ${problem}` };
}

/**
 * A ticker as stored: trimmed and upper-cased, with a share class always after
 * a dot. Issuers and data vendors write Berkshire's B shares BRK/B, BRK B,
 * BRK-B or BRK.B; one spelling lets the same security match across files. The
 * rule is mechanical: every slash, dash and run of spaces becomes a dot (so
 * Bloomberg-style "7203 JP" becomes 7203.JP, a consistent if foreign name).
 * iShares' run-together BRKB is left alone: telling it from a four-letter
 * ticker would take a list of securities. Null when absent, or when what is
 * left is not a ticker at all (a note, not a refusal: the ticker is a label,
 * and the identifiers are what match securities).
 */
export function normalizeTicker(raw: string | null | undefined): string | null {
  const text = presentOrNull(raw);
  if (text === null) return null;
  const ticker = text.replace(/\s*[/\-\s]\s*/g, '.');
  return tickerProblem(ticker) === null ? ticker : null;
}

/** ISO 4217-shaped: three letters, upper-cased; null otherwise. */
export function currencyCode(raw: string | null | undefined): string | null {
  const text = presentOrNull(raw);
  return text !== null && /^[A-Z]{3}$/.test(text) ? text : null;
}

/**
 * Codes Intl names that are not ISO 3166-1 countries: groupings (EU, UN),
 * pseudo-regions, and the exceptionally reserved codes (UK for GB, EA, IC…).
 * Kosovo's XK stays: filers use it.
 */
const NOT_COUNTRIES = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'XA',
  'XB',
  'UK',
  'EA',
  'AC',
  'CP',
  'CQ',
  'DG',
  'IC',
  'TA',
]);

/** Issuers' spellings that Intl's names do not cover, keyed as `countryKey` folds them. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US',
  unitedstatesofamerica: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  britain: 'GB',
  hongkong: 'HK',
  macau: 'MO',
  macao: 'MO',
  korea: 'KR',
  koreasouth: 'KR',
  korearepublicof: 'KR',
  republicofkorea: 'KR',
  southkorea: 'KR',
  taiwanprovinceofchina: 'TW',
  taiwanrepublicofchina: 'TW',
  chinese: 'CN',
  peoplesrepublicofchina: 'CN',
  turkey: 'TR',
  czechrepublic: 'CZ',
  russianfederation: 'RU',
  vietnam: 'VN',
  ivorycoast: 'CI',
  curacao: 'CW',
  netherlandsantilles: 'CW',
  macedonia: 'MK',
  swaziland: 'SZ',
  burma: 'MM',
  bahamasthe: 'BS',
  caymanislands: 'KY',
  britishvirginislands: 'VG',
  virginislandsbritish: 'VG',
  uae: 'AE',
};

/** The common ISO 3166-1 alpha-3 codes of the countries funds hold; Intl has no alpha-3 list. */
const ALPHA3: Record<string, string> = {
  USA: 'US',
  GBR: 'GB',
  CAN: 'CA',
  JPN: 'JP',
  DEU: 'DE',
  FRA: 'FR',
  CHE: 'CH',
  CHN: 'CN',
  HKG: 'HK',
  TWN: 'TW',
  KOR: 'KR',
  IND: 'IN',
  AUS: 'AU',
  NLD: 'NL',
  IRL: 'IE',
  SWE: 'SE',
  DNK: 'DK',
  NOR: 'NO',
  FIN: 'FI',
  ESP: 'ES',
  ITA: 'IT',
  BRA: 'BR',
  MEX: 'MX',
  ZAF: 'ZA',
  SGP: 'SG',
  ISR: 'IL',
  BEL: 'BE',
  AUT: 'AT',
  PRT: 'PT',
  NZL: 'NZ',
  LUX: 'LU',
  BMU: 'BM',
  CYM: 'KY',
  JEY: 'JE',
  GGY: 'GG',
  IMN: 'IM',
  SAU: 'SA',
  ARE: 'AE',
  IDN: 'ID',
  MYS: 'MY',
  THA: 'TH',
  PHL: 'PH',
  CHL: 'CL',
  COL: 'CO',
  PER: 'PE',
  POL: 'PL',
  TUR: 'TR',
  GRC: 'GR',
  HUN: 'HU',
  CZE: 'CZ',
};

/** A name folded for matching: lower case, no accents, only letters ("Korea (South)" → "koreasouth"). */
function countryKey(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z]/g, '');
}

let countryNames: Map<string, string> | null = null;

/** English names (long and short: "Hong Kong SAR China", "Hong Kong") → alpha-2, built on first use. */
function countryTable(): Map<string, string> {
  if (countryNames) return countryNames;
  const table = new Map<string, string>();
  const styles = ['long', 'short'] as const;
  const names = styles.map((style) => new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      // A withdrawn code (DD, East Germany) takes its successor's name ("Germany"): only current codes count.
      if (new Intl.Locale('und', { region: code }).region !== code) continue;
      for (const display of names) {
        const name = display.of(code);
        if (name !== undefined && name !== code && !table.has(countryKey(name))) table.set(countryKey(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) table.set(alias, code);
  countryNames = table;
  return table;
}

let codes: Set<string> | null = null;

/**
 * ISO 3166-1 alpha-2 for a code (US, alpha-3 USA) or an English name ("Korea
 * (South)", "Hong Kong"); null when absent or not recognised, which callers
 * count in notes rather than refuse: location is descriptive, not identity.
 */
export function countryCode(raw: string | null | undefined): string | null {
  const text = presentOrNull(raw);
  if (text === null) return null;
  if (/^[A-Z]{2}$/.test(text)) {
    codes ??= new Set(countryTable().values());
    if (codes.has(text)) return text;
  }
  if (/^[A-Z]{3}$/.test(text) && ALPHA3[text] !== undefined) return ALPHA3[text];
  return countryTable().get(countryKey(text)) ?? null;
}

// CUSIPs and ISINs of real securities, each with a check digit made wrong;
// ticker spellings of one share class; placeholders; countries as issuers and
// filers write them. The generator's independent check digits (test helper)
// must agree with the reader's.
import { describe, expect, it } from 'vitest';
import { cusipCheck, isinCheck, syntheticPositions } from '../../bench/holdings-files.js';
import {
  countryCode,
  currencyCode,
  cusipFromIsin,
  cusipProblem,
  isinProblem,
  normalizeTicker,
  readCusip,
  readIsin,
} from '../../src/holdings/identifiers.js';

const REAL = [
  // Apple, Microsoft, Berkshire B, Barrick (Canada), Linde (CINS), iShares Core S&P 500.
  { cusip: '037833100', isin: 'US0378331005' },
  { cusip: '594918104', isin: 'US5949181045' },
  { cusip: '084670702', isin: 'US0846707026' },
  { cusip: '06849F108', isin: 'CA06849F1080' },
  { cusip: 'G54950103', isin: 'IE000S9YS762' },
  { cusip: '464287200', isin: 'US4642872000' },
];

describe('CUSIP', () => {
  it.each(REAL)('accepts $cusip', ({ cusip }) => {
    expect(cusipProblem(cusip)).toBeNull();
  });

  it('refuses a wrong check digit, saying which was expected', () => {
    expect(cusipProblem('037833101')).toBe('check digit is 1, expected 0');
    expect(cusipProblem('06849F109')).toBe('check digit is 9, expected 8');
  });

  it('refuses the wrong length and characters', () => {
    expect(cusipProblem('03783310')).toBe('is 8 characters, not 9');
    expect(cusipProblem('0378-3100')).toMatch(/must be 8 letters/);
    expect(cusipProblem('03783310A')).toMatch(/then a check digit/);
  });

  it('reads placeholders as none, and names the CUSIP it refuses', () => {
    for (const none of ['', ' ', '-', '--', 'N/A', 'n/a', 'NA', '0', '000000000']) {
      expect(readCusip(none)).toEqual({ value: null });
    }
    expect(readCusip(undefined)).toEqual({ value: null });
    expect(readCusip(' 037833100 ')).toEqual({ value: '037833100' });
    expect(readCusip('037833101')).toEqual({ problem: 'CUSIP "037833101" check digit is 1, expected 0' });
  });

  it('handles * @ # (private placements)', () => {
    const body = '12345*@#';
    expect(cusipProblem(body + cusipCheck(body))).toBeNull();
  });
});

describe('ISIN', () => {
  it.each(REAL)('accepts $isin', ({ isin }) => {
    expect(isinProblem(isin)).toBeNull();
  });

  it('accepts non-US ISINs', () => {
    for (const isin of ['JP3633400001', 'GB0002634946', 'DE0007164600', 'NL0010273215', 'KR7005930003']) {
      expect(isinProblem(isin), isin).toBeNull();
    }
  });

  it('refuses a wrong check digit, and transposed digits', () => {
    expect(isinProblem('US0378331006')).toBe('check digit is 6, expected 5');
    expect(isinProblem('US0378313005')).toMatch(/^check digit is 5, expected \d$/);
    expect(isinProblem('US0378313005')).not.toBeNull();
  });

  it('refuses the wrong shape', () => {
    expect(isinProblem('US037833100')).toBe('is 11 characters, not 12');
    expect(isinProblem('1S0378331005')).toMatch(/2-letter country/);
    expect(readIsin('N/A')).toEqual({ value: null });
    expect(readIsin('us0378331005')).toEqual({ value: 'US0378331005' });
  });

  it('gives the CUSIP inside a US or Canadian ISIN, and no other', () => {
    expect(cusipFromIsin('US0378331005')).toBe('037833100');
    expect(cusipFromIsin('CA06849F1080')).toBe('06849F108');
    expect(cusipFromIsin('IE000S9YS762')).toBeNull();
    expect(cusipFromIsin('JP3633400001')).toBeNull();
  });
});

describe('the test helper’s own check digits', () => {
  it('agree with the reader on real identifiers', () => {
    for (const { cusip, isin } of REAL) {
      expect(cusipCheck(cusip.slice(0, 8))).toBe(cusip[8]);
      expect(isinCheck(isin.slice(0, 11))).toBe(isin[11]);
    }
  });

  it('make identifiers the reader accepts', () => {
    for (const position of syntheticPositions(500, 7)) {
      if (position.cusip !== null) expect(cusipProblem(position.cusip), position.cusip).toBeNull();
      if (position.isin !== null) expect(isinProblem(position.isin), position.isin).toBeNull();
    }
  });
});

describe('tickers', () => {
  it('writes every share class after a dot', () => {
    for (const spelling of ['BRK.B', 'BRK/B', 'BRK B', 'BRK-B', 'brk.b', ' BRK  B ']) {
      expect(normalizeTicker(spelling), spelling).toBe('BRK.B');
    }
    expect(normalizeTicker('aapl')).toBe('AAPL');
    expect(normalizeTicker('BRKB')).toBe('BRKB');
  });

  it('reads placeholders and non-tickers as none', () => {
    for (const none of ['', '-', '--', 'N/A', null, undefined, '$CASH$', 'A VERY LONG NAME OF A SECURITY']) {
      expect(normalizeTicker(none), String(none)).toBeNull();
    }
  });
});

describe('countries', () => {
  it('reads codes and English names', () => {
    const cases: [string, string][] = [
      ['US', 'US'],
      ['us', 'US'],
      ['USA', 'US'],
      ['United States', 'US'],
      ['United States of America', 'US'],
      ['Korea (South)', 'KR'],
      ['Korea, Republic of', 'KR'],
      ['South Korea', 'KR'],
      ['Taiwan', 'TW'],
      ['Hong Kong', 'HK'],
      ['United Kingdom', 'GB'],
      ['UK', 'GB'],
      ['uk', 'GB'],
      ['Curacao', 'CW'],
      ['Curaçao', 'CW'],
      ['Turkey', 'TR'],
      ['Cayman Islands', 'KY'],
      ['Netherlands', 'NL'],
      ['Japan', 'JP'],
      // A withdrawn code (DD) shares its successor's name: the current one wins.
      ['DE', 'DE'],
      ['Germany', 'DE'],
      ['DEU', 'DE'],
    ];
    for (const [written, code] of cases) expect(countryCode(written), written).toBe(code);
  });

  it('knows every current code and its English name, as ICU has them', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const missed: string[] = [];
    for (const code of [
      'AE',
      'AT',
      'AU',
      'BE',
      'BR',
      'CA',
      'CH',
      'CN',
      'DE',
      'DK',
      'ES',
      'FI',
      'FR',
      'GB',
      'HK',
      'IE',
      'IL',
      'IN',
      'IT',
      'JP',
      'KR',
      'MX',
      'NL',
      'NO',
      'NZ',
      'PT',
      'SA',
      'SE',
      'SG',
      'TW',
      'US',
      'ZA',
    ]) {
      if (countryCode(code) !== code || countryCode(names.of(code) as string) !== code) missed.push(code);
    }
    expect(missed).toEqual([]);
  });

  it('gives none for placeholders and unknown places', () => {
    for (const unknown of ['', 'N/A', '-', 'XX', 'European Union', 'EU', 'Atlantis', 'Other', 'ZZ', 'EA']) {
      expect(countryCode(unknown), unknown).toBeNull();
    }
  });
});

describe('currencies', () => {
  it('are three letters, upper-cased, or none', () => {
    expect(currencyCode('usd')).toBe('USD');
    expect(currencyCode(' EUR ')).toBe('EUR');
    for (const none of ['', 'N/A', 'US Dollar', 'US', '840', null]) expect(currencyCode(none)).toBeNull();
  });
});

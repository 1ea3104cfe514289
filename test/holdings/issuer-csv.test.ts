// Issuers' CSV downloads: iShares' layout with its preamble and disclaimer,
// SPDR's and Vanguard's column names, numbers as issuers write them, and the
// files that must be refused (fractions for weights, no weight column,
// ragged rows, CSV that breaks RFC 4180), each with its line.
import { describe, expect, it } from 'vitest';
import { type HoldingSpec, isharesCsv, syntheticPositions } from '../../bench/holdings-files.js';
import { parseIssuerDate, parseIssuerNumber, readIssuerCsv } from '../../src/holdings/issuer-csv.js';

const read = (text: string) => readIssuerCsv([text]);

describe('an iShares download', () => {
  it('reads the preamble, the table, and stops at the disclaimer', async () => {
    const positions = syntheticPositions(40, 5);
    const csv = isharesCsv({ fundName: 'iShares Core S&P 500 ETF', asOf: '2026-12-04', positions, identifiers: true });
    const file = await readIssuerCsv(csv.match(/[\s\S]{1,50}/g) as string[]);
    expect(file.problems).toEqual([]);
    expect(file).toMatchObject({ format: 'ISSUER_CSV', asOf: '2026-12-04', fundName: 'iShares Core S&P 500 ETF' });
    expect(file.positions).toHaveLength(40);
    const [first] = positions as [HoldingSpec];
    expect(file.positions[0]).toEqual({
      line: 11,
      name: first.name,
      ticker: first.ticker,
      cusip: first.cusip,
      isin: first.isin,
      assetCategory: 'Equity',
      assetClass: 'EQUITY',
      sector: first.sector,
      country: 'US',
      currency: 'USD',
      shares: first.shares,
      units: null,
      marketValue: first.marketValue,
      weight: Number(first.weight.toFixed(2)),
      payoff: 'LONG',
    });
    expect(file.positions.at(-1)).toMatchObject({ line: 50, assetClass: 'CASH', assetCategory: 'Money Market' });
    const abroad = file.positions.find((position) => position.country === 'JP');
    expect(abroad).toMatchObject({ currency: 'JPY', cusip: null });
  });

  it('reads the newer layout without identifiers', async () => {
    const file = await read(isharesCsv({ fundName: 'F', asOf: '2026-01-02', positions: syntheticPositions(5) }));
    expect(file.problems).toEqual([]);
    expect(file.positions.map((position) => position.isin)).toEqual([null, null, null, null, null]);
  });
});

describe('other issuers’ column names', () => {
  it('reads a SPDR-like file', async () => {
    const csv = [
      'Fund Name:,SPDR® S&P 500® ETF Trust',
      'Ticker Symbol:,SPY',
      'Holdings:,As of 04-Dec-2026',
      '',
      'Name,Ticker,Identifier,SEDOL,Weight,Sector,Shares Held,Local Currency',
      'APPLE INC,AAPL,037833100,2046251,6.512345,Information Technology,"168,946,328",USD',
      'BERKSHIRE HATHAWAY INC CL B,BRK.B,084670702,2073390,93.487655,Financials,"1,000",USD',
      '',
      'Past performance is not a guarantee of future results.',
    ].join('\r\n');
    const file = await read(csv);
    expect(file.problems).toEqual([]);
    expect(file.asOf).toBe('2026-12-04');
    expect(file.fundName).toBe('SPDR® S&P 500® ETF Trust');
    expect(file.positions).toEqual([
      expect.objectContaining({ line: 6, name: 'APPLE INC', ticker: 'AAPL', weight: 6.512345, shares: 168_946_328 }),
      expect.objectContaining({ line: 7, ticker: 'BRK.B', currency: 'USD', assetClass: 'OTHER', payoff: 'LONG' }),
    ]);
    expect(file.notes).toContain('no asset class column: every position is classed OTHER');
  });

  it('reads a Vanguard-like file', async () => {
    const csv = [
      'Vanguard Total Stock Market ETF',
      'As of date,12/04/2026',
      'Holdings,Ticker,Symbol ignored?,% of fund,Shares,Market value ($),Country,Security type,CUSIP,ISIN',
      'Microsoft Corp.,MSFT,x,5.10%,"1,234",$1.00,United States,Common stock,594918104,US5949181045',
      'Samsung Electronics,005930,x,2.40%,10,"(1,234.00)",Korea (South),Equity swap,-,KR7005930003',
      'Cash,-,x,92.50%,-,"92,500.00",United States,Money market,,',
      '',
    ].join('\n');
    const file = await read(csv);
    expect(file.problems).toEqual([]);
    expect(file.asOf).toBe('2026-12-04');
    expect(file.positions).toEqual([
      expect.objectContaining({
        name: 'Microsoft Corp.',
        weight: 5.1,
        marketValue: 1,
        assetClass: 'EQUITY',
        isin: 'US5949181045',
      }),
      expect.objectContaining({ country: 'KR', marketValue: -1234, assetClass: 'DERIVATIVE', cusip: null }),
      expect.objectContaining({
        ticker: null,
        shares: null,
        payoff: null,
        assetClass: 'CASH',
        cusip: null,
        isin: null,
      }),
    ]);
  });

  it('ignores notional value, which is not market value', async () => {
    const file = await read('Name,Weight (%),Notional Value\nA,100,"5,000"\n');
    expect(file.positions[0]?.marketValue).toBeNull();
  });
});

describe('numbers and dates as issuers write them', () => {
  it('reads thousands, percents, parentheses and placeholders', () => {
    expect(parseIssuerNumber('1,234,567.89')).toBe(1234567.89);
    expect(parseIssuerNumber('6.50%')).toBe(6.5);
    expect(parseIssuerNumber('(1,234.00)')).toBe(-1234);
    expect(parseIssuerNumber('-0.03')).toBe(-0.03);
    expect(parseIssuerNumber('$12')).toBe(12);
    expect(parseIssuerNumber('.5')).toBe(0.5);
    for (const none of ['', '-', '--', 'N/A', ' ']) expect(parseIssuerNumber(none)).toBeNull();
    for (const bad of ['1,23', '12,34.5', 'abc', '1.2.3', '((1))', '1e5', '.']) {
      expect(typeof parseIssuerNumber(bad), bad).toBe('string');
    }
  });

  it('reads the dates of preambles', () => {
    for (const written of [
      'Dec 04, 2026',
      'December 4, 2026',
      '12/04/2026',
      '2026-12-04',
      '04-Dec-2026',
      'Dec. 4, 2026',
    ]) {
      expect(parseIssuerDate(written), written).toBe('2026-12-04');
    }
    for (const bad of ['Feb 30, 2026', '13/01/2026', 'Smarch 1, 2026', 'yesterday']) {
      expect(parseIssuerDate(bad), bad).toBeNull();
    }
  });
});

describe('refusals', () => {
  it('refuses weights written as fractions, saying so', async () => {
    const file = await read('Name,Weight\nA,0.6\nB,0.4\n');
    expect(file.problems).toEqual([
      {
        line: 0,
        reason: 'the weights sum to 1 and none is above 1: they are fractions, not percents (write 6.5 for 6.5 %)',
      },
    ]);
  });

  it('refuses a file without a weight column, naming the header', async () => {
    const file = await read('Fund\nTicker,Name,Market Value\nA,Alpha,1\n');
    expect(file.problems).toEqual([
      { line: 2, reason: 'the header on line 2 has no weight column ("Weight (%)", "% of Net Assets"…)' },
    ]);
  });

  it('refuses a file with no header at all within 50 lines', async () => {
    const file = await read(`${'a,b,c\n'.repeat(60)}`);
    expect(file.problems).toEqual([
      { line: 0, reason: 'no header row with a name column and a weight column in the first 50 lines' },
    ]);
  });

  it('refuses ragged rows, bad numbers and identifiers, each at its line', async () => {
    const csv = [
      'Name,Weight (%),Shares,ISIN,CUSIP',
      'Short row,50',
      'Long row,1,2,US0378331005,037833100,extra',
      'Bad weight,abc,1,,',
      'Empty weight,,1,,',
      'Bad ISIN,1,1,US0378331006,',
      ',1,1,,',
      'Good,40,1,,',
    ].join('\n');
    const file = await read(csv);
    expect(file.problems).toEqual([
      { line: 2, reason: 'expected 5 fields, as the header has, got 2' },
      { line: 3, reason: 'expected 5 fields, as the header has, got 6' },
      { line: 4, reason: 'weight is not a number ("abc")' },
      { line: 5, reason: 'the weight is empty' },
      { line: 6, reason: 'ISIN "US0378331006" check digit is 6, expected 5' },
      { line: 7, reason: 'the name is empty' },
    ]);
  });

  it('reports CSV that breaks RFC 4180 with its line, but not in the disclaimer', async () => {
    const csv = [
      'Name,Weight',
      '"Unclosed,50',
      '"Apple" Inc,50',
      'Quote " inside,1',
      'Good,99',
      '',
      '"Disclaimer with "bad" quotes',
    ].join('\n');
    const file = await read(csv);
    expect(file.problems.map((problem) => problem.line)).toEqual([2, 3, 4]);
    expect(file.problems[0]?.reason).toMatch(/no closing quote/);
  });

  it('refuses an unreadable as-of date', async () => {
    const file = await read('Fund\nHoldings as of,someday\nName,Weight\nA,100\n');
    expect(file.problems).toEqual([{ line: 2, reason: 'the "as of" date "someday" is not a date' }]);
  });
});

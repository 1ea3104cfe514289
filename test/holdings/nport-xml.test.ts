// The N-PORT reader against filings written by the test helper from known
// positions: every field read back as written, each problem with its line,
// namespaces under other prefixes, and a large filing's reading time.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { type HoldingSpec, nportXml, syntheticPositions } from '../../bench/holdings-files.js';
import { readNportXml } from '../../src/holdings/nport-xml.js';

/** The text in pieces of `size`, so that tags, entities and declarations straddle chunks. */
function* chunks(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** The line of each <invstOrSec> that opens in the text. */
function positionLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes('<invstOrSec>') ? [index + 1] : []));
}

const FILING = {
  seriesId: 'S000004310',
  seriesName: 'iShares Core S&P 500 ETF',
  repPdDate: '2026-12-31',
  netAssets: 612_345_678_901.23,
};

/** A filing with the given positions' XML in place of the helper's own. */
function withPositions(xml: string): string {
  const document = nportXml({ ...FILING, positions: [] });
  return document.replace('<invstOrSecs>\n', `<invstOrSecs>\n${xml}\n`);
}

describe('reading an N-PORT filing', () => {
  it('reads every field as written', async () => {
    const positions: HoldingSpec[] = [
      {
        name: 'Apple Inc',
        ticker: 'AAPL',
        cusip: '037833100',
        isin: 'US0378331005',
        assetCat: 'EC',
        assetClass: 'Equity',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: 168_946_328,
        units: 'NS',
        marketValue: 47_180_425_613.1,
        weight: 6.512345,
        payoff: 'Long',
      },
      {
        name: 'Berkshire Hathaway Inc',
        ticker: 'BRK/B',
        cusip: '084670702',
        isin: 'US0846707026',
        assetCat: 'EC',
        assetClass: 'Equity',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: 1000,
        units: 'NS',
        marketValue: 500_000,
        weight: 1.5,
        payoff: 'Long',
      },
      {
        name: 'Toyota Motor Corp',
        ticker: null,
        cusip: null,
        isin: 'JP3633400001',
        assetCat: 'EC',
        assetClass: 'Equity',
        sector: null,
        country: 'JP',
        currency: 'JPY',
        shares: 2000,
        units: 'NS',
        marketValue: 40_000,
        weight: 2,
        payoff: 'Long',
      },
      {
        name: 'Hologic Inc CVR',
        ticker: null,
        cusip: null,
        isin: null,
        assetCat: 'OTHER:Right',
        assetClass: 'Equity',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: 10,
        units: 'NS',
        marketValue: 0,
        weight: 0,
        payoff: 'Long',
      },
      {
        name: 'S&P 500 E-Mini Mar 27',
        ticker: null,
        cusip: null,
        isin: null,
        assetCat: 'DE',
        assetClass: 'Futures',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: -12,
        units: 'NC',
        marketValue: -150_000,
        weight: -0.03,
        payoff: 'Short',
      },
      {
        name: 'BlackRock Cash Funds Treasury SL Agency',
        ticker: null,
        cusip: '066922477',
        isin: null,
        assetCat: 'STIV',
        assetClass: 'Money Market',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: 90_000_000,
        units: 'NS',
        marketValue: 90_000_000,
        weight: 90.017655,
        payoff: 'N/A',
      },
    ];
    const xml = nportXml({ ...FILING, positions });
    const lines = positionLines(xml);
    const file = await readNportXml(chunks(xml, 97));
    expect(file.problems).toEqual([]);
    expect(file).toMatchObject({
      format: 'NPORT',
      asOf: '2026-12-31',
      seriesId: 'S000004310',
      fundName: 'iShares Core S&P 500 ETF',
      netAssets: 612_345_678_901.23,
    });
    expect(file.positions).toEqual([
      {
        line: lines[0],
        name: 'Apple Inc',
        ticker: 'AAPL',
        cusip: '037833100',
        isin: 'US0378331005',
        assetCategory: 'EC',
        assetClass: 'EQUITY',
        sector: null,
        country: 'US',
        currency: 'USD',
        shares: 168_946_328,
        units: 'NS',
        marketValue: 47_180_425_613.1,
        weight: 6.512345,
        payoff: 'LONG',
      },
      expect.objectContaining({ line: lines[1], ticker: 'BRK.B', cusip: '084670702' }),
      // No CUSIP (000000000) and a Japanese ISIN: none is derived; the currency is the conditional one.
      expect.objectContaining({ line: lines[2], cusip: null, isin: 'JP3633400001', currency: 'JPY', country: 'JP' }),
      // <assetConditional assetCat="OTHER" desc="Right"/>: the description is the category.
      expect.objectContaining({ line: lines[3], assetCategory: 'Right', assetClass: 'EQUITY', weight: 0 }),
      expect.objectContaining({
        line: lines[4],
        assetCategory: 'DE',
        assetClass: 'DERIVATIVE',
        shares: -12,
        units: 'NC',
        marketValue: -150_000,
        weight: -0.03,
        payoff: 'SHORT',
      }),
      expect.objectContaining({ line: lines[5], assetClass: 'CASH', payoff: null, cusip: '066922477' }),
    ]);
  });

  it('derives the CUSIP of a US ISIN filed with none, and says so', async () => {
    const [position] = syntheticPositions(1, 3) as [HoldingSpec];
    const xml = nportXml({ ...FILING, positions: [{ ...position, cusip: null }] });
    const file = await readNportXml([xml]);
    expect(file.positions[0]?.cusip).toBe(position.cusip);
    expect(file.notes).toContain('1 CUSIP was taken from a US or Canadian ISIN');
  });

  it('takes no name or identifier from inside a derivative', async () => {
    const xml = withPositions(`      <invstOrSec>
        <name>Total return swap</name>
        <cusip>N/A</cusip>
        <identifiers><other otherDesc="Internal" value="SWAP1"/></identifiers>
        <balance>1</balance><units>NC</units><curCd>USD</curCd><valUSD>-5.00</valUSD><pctVal>-0.5</pctVal>
        <payoffProfile>N/A</payoffProfile><assetCat>DE</assetCat><invCountry>US</invCountry>
        <derivativeInfo><swapDeriv derivCat="SWP">
          <descRefInstrmnt><otherRefInst>
            <issuerName>Apple Inc</issuerName><issueTitle>Apple Inc</issueTitle>
            <identifiers><isin value="US0378331005"/><ticker value="AAPL"/></identifiers>
          </otherRefInst></descRefInstrmnt>
          <name>Not the position's name</name>
        </swapDeriv></derivativeInfo>
      </invstOrSec>
      <invstOrSec><name>Cash</name><cusip>N/A</cusip><valUSD>1</valUSD><pctVal>100.5</pctVal><assetCat>STIV</assetCat></invstOrSec>`);
    const file = await readNportXml([xml]);
    expect(file.problems).toEqual([]);
    expect(file.positions[0]).toMatchObject({ name: 'Total return swap', isin: null, ticker: null, cusip: null });
  });

  it('matches elements by local name whatever their prefix', async () => {
    const xml = `<?xml version="1.0"?>
<nport:edgarSubmission xmlns:nport="http://www.sec.gov/edgar/nport" xmlns:c="http://www.sec.gov/edgar/common">
 <nport:formData>
  <nport:genInfo><nport:seriesId>S000000001</nport:seriesId><nport:repPdDate>2026-01-31</nport:repPdDate></nport:genInfo>
  <nport:invstOrSecs>
   <nport:invstOrSec><nport:name>Only holding</nport:name><nport:pctVal>100</nport:pctVal>
    <nport:identifiers><nport:isin value="US0378331005"/></nport:identifiers></nport:invstOrSec>
  </nport:invstOrSecs>
 </nport:formData>
</nport:edgarSubmission>`;
    const file = await readNportXml([xml]);
    expect(file.problems).toEqual([]);
    expect(file.asOf).toBe('2026-01-31');
    expect(file.positions).toEqual([expect.objectContaining({ line: 6, name: 'Only holding', isin: 'US0378331005' })]);
  });

  it('counts countries and currencies it does not recognise in notes, not problems', async () => {
    const xml = withPositions(
      '<invstOrSec><name>A</name><pctVal>100</pctVal><invCountry>Atlantis</invCountry><curCd>Dollars</curCd></invstOrSec>',
    );
    const file = await readNportXml([xml]);
    expect(file.problems).toEqual([]);
    expect(file.positions[0]).toMatchObject({ country: null, currency: null });
    expect(file.notes).toEqual([
      '1 position has a country not recognised (stored as unknown)',
      '1 position has a currency that is not an ISO 4217 code (stored as unknown)',
    ]);
  });
});

describe('problems, each with its line', () => {
  it('lists every problem, not only the first', async () => {
    const body = [
      '<invstOrSec><pctVal>1</pctVal></invstOrSec>',
      '<invstOrSec><name>No weight</name></invstOrSec>',
      '<invstOrSec><name>Bad weight</name><pctVal>6,5</pctVal></invstOrSec>',
      '<invstOrSec><name>Bad balance</name><balance>ten</balance><pctVal>1</pctVal></invstOrSec>',
      '<invstOrSec><name>Bad value</name><valUSD>1e</valUSD><pctVal>1</pctVal></invstOrSec>',
      '<invstOrSec><name>Bad CUSIP</name><cusip>037833101</cusip><pctVal>1</pctVal></invstOrSec>',
      '<invstOrSec><name>Bad ISIN</name><identifiers><isin value="US0378331006"/></identifiers><pctVal>1</pctVal></invstOrSec>',
      '<invstOrSec><name>Bad payoff</name><pctVal>1</pctVal><payoffProfile>Sideways</payoffProfile></invstOrSec>',
    ].join('\n');
    const xml = withPositions(body);
    const first = positionLines(xml)[0] as number;
    const file = await readNportXml([xml.replace('<repPdDate>2026-12-31</repPdDate>', '')]);
    expect(file.problems).toEqual([
      { line: first, reason: 'missing name (and no title)' },
      { line: first + 1, reason: 'pctVal is missing' },
      { line: first + 2, reason: 'pctVal is not a number ("6,5")' },
      { line: first + 3, reason: 'balance is not a number ("ten")' },
      { line: first + 4, reason: 'valUSD is not a number ("1e")' },
      { line: first + 5, reason: 'CUSIP "037833101" check digit is 1, expected 0' },
      { line: first + 6, reason: 'ISIN "US0378331006" check digit is 6, expected 5' },
      { line: first + 7, reason: 'payoffProfile "SIDEWAYS" is not Long, Short or N/A' },
      { line: expect.any(Number), reason: 'missing repPdDate (genInfo)' },
    ]);
    expect(file.problems.at(-1)?.line).toBeGreaterThan(0);
  });

  it('refuses a repPdDate that is not a date', async () => {
    const xml = nportXml({ ...FILING, repPdDate: '2026-02-30', positions: syntheticPositions(2) });
    const file = await readNportXml([xml]);
    const line = xml.split('\n').findIndex((text) => text.includes('<repPdDate>')) + 1;
    expect(file.problems).toEqual([{ line, reason: 'repPdDate is not a calendar date ("2026-02-30")' }]);
  });

  it('refuses a document that is not an N-PORT filing', async () => {
    const file = await readNportXml(['<?xml version="1.0"?>\n<html><body>Not found</body></html>']);
    expect(file.problems).toEqual([
      { line: 2, reason: 'not an N-PORT filing: the root element is <html>, not <edgarSubmission>' },
    ]);
  });

  it('refuses XML that is not well formed, at its line', async () => {
    const xml = withPositions('<invstOrSec><name>Cut</name><pctVal>1</pctVal>\n</invstOrSecs>');
    const file = await readNportXml([xml]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.reason).toMatch(/^the XML is not well formed: /);
    expect(file.problems[0]?.line).toBe((positionLines(xml)[0] as number) + 1);
  });

  it('stops listing at 1000 problems', async () => {
    const body = Array.from({ length: 1500 }, () => '<invstOrSec><name>x</name></invstOrSec>').join('\n');
    const file = await readNportXml([withPositions(body)]);
    expect(file.problems).toHaveLength(1000);
  });
});

describe('a large filing', () => {
  it('reads 3,000 positions', async () => {
    const positions = syntheticPositions(3000, 42);
    const xml = nportXml({ ...FILING, positions });
    const started = performance.now();
    const file = await readNportXml(chunks(xml, 1 << 16));
    const elapsed = performance.now() - started;
    process.stdout.write(
      `read 3,000 N-PORT positions (${(xml.length / 2 ** 20).toFixed(1)} MB) in ${elapsed.toFixed(0)} ms\n`,
    );
    expect(file.problems).toEqual([]);
    expect(file.positions).toHaveLength(3000);
    const lines = positionLines(xml);
    file.positions.forEach((position, index) => {
      const spec = positions[index] as HoldingSpec;
      expect(position.line).toBe(lines[index]);
      expect(position.name).toBe(spec.name);
      expect(position.isin).toBe(spec.isin);
      expect(position.cusip).toBe(spec.cusip);
      expect(position.weight).toBe(spec.weight);
      expect(position.currency).toBe(spec.currency);
    });
  });
});

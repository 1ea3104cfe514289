// Holdings files as funds and issuers publish them, written from a list of
// positions, for the readers' tests and the benchmark: an SEC N-PORT-P
// filing and an iShares download. The check digits of the generated CUSIPs
// and ISINs are computed here by an implementation of our own, written apart
// from src/holdings/identifiers.ts, so that a mistake there cannot hide by
// agreeing with itself.

export type HoldingSpec = {
  name: string;
  ticker: string | null;
  cusip: string | null;
  isin: string | null;
  /** N-PORT's code (EC, DBT, STIV…), or OTHER:<desc> for <assetConditional assetCat="OTHER" desc=…/>. */
  assetCat: string;
  /** The issuer's words for the class ("Equity", "Money Market"). */
  assetClass: string;
  sector: string | null;
  /** ISO 3166-1 alpha-2; the iShares writer spells it out ("United States"). */
  country: string;
  currency: string;
  shares: number;
  units: 'NS' | 'PA' | 'NC' | 'OU';
  marketValue: number;
  /** Percent of net assets. */
  weight: number;
  payoff: 'Long' | 'Short' | 'N/A';
};

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** CUSIP check digit: each character's value, every second one doubled, the digits of it all summed. */
export function cusipCheck(body: string): string {
  const symbols = `${DIGITS}*@#`;
  let digitsSum = 0;
  [...body].forEach((char, position) => {
    const value = symbols.indexOf(char) * (position % 2 === 0 ? 1 : 2);
    for (const digit of String(value)) digitsSum += Number(digit);
  });
  return String((10 - (digitsSum % 10)) % 10);
}

/** ISIN check digit: letters become two digits, then Luhn doubling from the right, whose last digit is doubled. */
export function isinCheck(body: string): string {
  const expanded = [...body].map((char) => String(DIGITS.indexOf(char))).join('');
  const reversed = [...expanded].reverse().map(Number);
  const total = reversed.reduce((sum, digit, index) => {
    if (index % 2 === 1) return sum + digit;
    const doubled = digit * 2;
    return sum + Math.floor(doubled / 10) + (doubled % 10);
  }, 0);
  return String((10 - (total % 10)) % 10);
}

/** Park–Miller: the same positions on every run. */
function random(seed: number) {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const KINDS = [
  { assetCat: 'EC', assetClass: 'Equity', units: 'NS' as const },
  { assetCat: 'EC', assetClass: 'Equity', units: 'NS' as const },
  { assetCat: 'EC', assetClass: 'Equity', units: 'NS' as const },
  { assetCat: 'EP', assetClass: 'Equity', units: 'NS' as const },
  { assetCat: 'DBT', assetClass: 'Fixed Income', units: 'PA' as const },
];
const SECTORS = ['Information Technology', 'Financials', 'Health Care', 'Industrials', 'Energy', 'Utilities'];
const ABROAD = [
  ['GB', 'GBP'],
  ['JP', 'JPY'],
  ['DE', 'EUR'],
  ['CH', 'CHF'],
] as const;

/**
 * `count` valid, distinct positions whose weights sum to 100: mostly US
 * equities (CUSIP and the ISIN around it), some foreign ones (ISIN only), some
 * bonds, and one money market fund held as cash.
 */
export function syntheticPositions(count: number, seed = 1): HoldingSpec[] {
  const next = random(seed);
  const raw = Array.from({ length: count }, () => 0.05 + next() ** 3);
  const total = raw.reduce((sum, value) => sum + value, 0);
  // Six decimals, as N-PORT writes them; the last position takes the rounding so the sum is 100.
  const weights = raw.map((value) => Number(((value / total) * 100).toFixed(6)));
  const rest = weights.slice(0, -1).reduce((sum, value) => sum + value, 0);
  if (count > 0) weights[count - 1] = Number((100 - rest).toFixed(6));
  return weights.map((weight, index) => {
    const issuer = (index + 1).toString(36).toUpperCase().padStart(6, '0');
    const kind = KINDS[index % KINDS.length] as (typeof KINDS)[number];
    const abroad = index % 7 === 3 ? ABROAD[index % ABROAD.length] : undefined;
    const marketValue = Math.round(weight * 1e8) / 100;
    let cusip: string | null = null;
    let isin: string;
    if (abroad) {
      const body = `${abroad[0]}${issuer}${String(index % 1000).padStart(3, '0')}`;
      isin = body + isinCheck(body);
    } else {
      const body = issuer + (kind.assetCat === 'DBT' ? 'AB' : '10');
      cusip = body + cusipCheck(body);
      isin = `US${cusip}${isinCheck(`US${cusip}`)}`;
    }
    const cash = index === count - 1 && count > 1;
    return {
      name: cash ? 'BlackRock Cash Funds Treasury SL Agency' : `Synthetic Company ${index + 1} Inc`,
      ticker: kind.assetCat === 'DBT' ? null : tickerFor(index),
      cusip,
      isin,
      assetCat: cash ? 'STIV' : kind.assetCat,
      assetClass: cash ? 'Money Market' : kind.assetClass,
      sector: cash ? 'Cash and/or Derivatives' : (SECTORS[index % SECTORS.length] as string),
      country: abroad ? abroad[0] : 'US',
      currency: abroad ? abroad[1] : 'USD',
      shares: kind.units === 'PA' ? 1_000_000 + index * 1000 : 100 + ((index * 7919) % 100_000),
      units: kind.units,
      marketValue,
      weight,
      payoff: 'Long',
    };
  });
}

/** A distinct ticker per index, letters only: 0 → A, 26 → BA. */
function tickerFor(index: number): string {
  let ticker = '';
  let n = index;
  do {
    ticker = String.fromCharCode(65 + (n % 26)) + ticker;
    n = Math.floor(n / 26);
  } while (n > 0);
  return ticker;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An N-PORT-P filing as EDGAR serves it (primary_doc.xml), abridged to what a holdings reader could meet. */
export function nportXml(options: {
  seriesId: string;
  seriesName: string;
  repPdDate: string;
  netAssets: number;
  positions: HoldingSpec[];
}): string {
  const { seriesId, seriesName, repPdDate, netAssets, positions } = options;
  const holding = (p: HoldingSpec) => {
    const asset = p.assetCat.startsWith('OTHER:')
      ? `<assetConditional assetCat="OTHER" desc="${escapeXml(p.assetCat.slice(6))}"/>`
      : `<assetCat>${p.assetCat}</assetCat>`;
    const currency =
      p.currency === 'USD'
        ? `<curCd>USD</curCd>`
        : `<currencyConditional curCd="${p.currency}" exchangeRt="${(1.1).toFixed(8)}"/>`;
    const identifiers = [
      p.isin === null ? '' : `<isin value="${p.isin}"/>`,
      p.ticker === null ? '' : `<ticker value="${escapeXml(p.ticker)}"/>`,
    ].join('');
    return `      <invstOrSec>
        <name>${escapeXml(p.name)}</name>
        <lei>N/A</lei>
        <title>${escapeXml(p.name)}</title>
        <cusip>${p.cusip ?? '000000000'}</cusip>
        <identifiers>${identifiers || '<other otherDesc="Internal" value="N/A"/>'}</identifiers>
        <balance>${p.shares.toFixed(8)}</balance>
        <units>${p.units}</units>
        ${currency}
        <valUSD>${p.marketValue.toFixed(2)}</valUSD>
        <pctVal>${p.weight}</pctVal>
        <payoffProfile>${p.payoff}</payoffProfile>
        ${asset}
        <issuerCat>CORP</issuerCat>
        <invCountry>${p.country}</invCountry>
        <isRestrictedSec>N</isRestrictedSec>
        <fairValLevel>1</fairValLevel>
        <securityLending>
          <isCashCollateral>N</isCashCollateral>
          <isNonCashCollateral>N</isNonCashCollateral>
          <isLoanByFund>N</isLoanByFund>
        </securityLending>
      </invstOrSec>
`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="http://www.sec.gov/edgar/nport" xmlns:com="http://www.sec.gov/edgar/common" xmlns:ncom="http://www.sec.gov/edgar/nportcommon" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <headerData>
    <submissionType>NPORT-P</submissionType>
    <isConfidential>false</isConfidential>
    <filerInfo>
      <filer>
        <issuerCredentials>
          <cik>0001100663</cik>
          <ccc>XXXXXXXX</ccc>
        </issuerCredentials>
      </filer>
      <seriesClassInfo>
        <seriesId>${seriesId}</seriesId>
        <classId>C000012345</classId>
      </seriesClassInfo>
    </filerInfo>
  </headerData>
  <formData>
    <genInfo>
      <regName>iShares Trust</regName>
      <regFileNumber>811-09729</regFileNumber>
      <regCik>0001100663</regCik>
      <regLei>549300SNBKVMLZUXXX59</regLei>
      <regStreet1>400 Howard Street</regStreet1>
      <regCity>San Francisco</regCity>
      <regStateConditional regCountry="US" regState="US-CA"/>
      <regZipOrPostalCode>94105</regZipOrPostalCode>
      <regPhone>415-670-2000</regPhone>
      <seriesName>${escapeXml(seriesName)}</seriesName>
      <seriesId>${seriesId}</seriesId>
      <seriesLei>549300NVYLUO1UIUS128</seriesLei>
      <repPdEnd>2027-03-31</repPdEnd>
      <repPdDate>${repPdDate}</repPdDate>
      <isFinalFiling>N</isFinalFiling>
    </genInfo>
    <fundInfo>
      <totAssets>${(netAssets * 1.01).toFixed(2)}</totAssets>
      <totLiabs>${(netAssets * 0.01).toFixed(2)}</totLiabs>
      <netAssets>${netAssets.toFixed(2)}</netAssets>
      <assetsAttrMiscSec>0.00</assetsAttrMiscSec>
      <assetsInvested>0.00</assetsInvested>
      <isNonCashCollateral>N</isNonCashCollateral>
    </fundInfo>
    <invstOrSecs>
${positions.map(holding).join('')}    </invstOrSecs>
    <signature>
      <com:dateSigned>${repPdDate}</com:dateSigned>
      <com:nameOfApplicant>iShares Trust</com:nameOfApplicant>
      <com:signature>Jane Doe</com:signature>
      <com:signerName>Jane Doe</com:signerName>
      <com:title>Treasurer</com:title>
    </signature>
  </formData>
</edgarSubmission>
`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const money = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
/** iShares' spelling of a few places Intl names otherwise. */
const ISHARES_PLACES: Record<string, string> = { KR: 'Korea (South)', HK: 'Hong Kong', TW: 'Taiwan' };

/**
 * An iShares holdings download: the preamble (fund name, "Fund Holdings as
 * of", inception, shares outstanding, a blank line), the table, then a blank
 * line and the disclaimer. `identifiers` adds the CUSIP, ISIN and SEDOL columns
 * of iShares' older layout.
 */
export function isharesCsv(options: {
  fundName: string;
  asOf: string;
  positions: HoldingSpec[];
  identifiers?: boolean;
}): string {
  const { fundName, asOf, positions, identifiers = false } = options;
  const [year, month, day] = asOf.split('-');
  const written = `${MONTHS[Number(month) - 1]} ${day}, ${year}`;
  const header = [
    'Ticker',
    'Name',
    'Sector',
    'Asset Class',
    'Market Value',
    'Weight (%)',
    'Notional Value',
    'Quantity',
    'Price',
    'Location',
    'Exchange',
    'Currency',
    'FX Rate',
    'Market Currency',
    'Accrual Date',
    ...(identifiers ? ['CUSIP', 'ISIN', 'SEDOL'] : []),
  ];
  const row = (p: HoldingSpec) =>
    [
      quote(p.ticker ?? '-'),
      quote(p.name),
      quote(p.sector ?? '-'),
      quote(p.assetClass),
      quote(money(p.marketValue)),
      quote(p.weight.toFixed(2)),
      quote(money(p.marketValue)),
      quote(money(p.shares)),
      quote(money(p.marketValue / p.shares)),
      quote(ISHARES_PLACES[p.country] ?? regionName.of(p.country) ?? p.country),
      quote('NASDAQ'),
      quote(p.currency),
      quote('1.00'),
      quote(p.currency),
      quote('-'),
      ...(identifiers ? [quote(p.cusip ?? '-'), quote(p.isin ?? '-'), quote('2046251')] : []),
    ].join(',');
  return [
    fundName,
    `Fund Holdings as of,${quote(written)}`,
    `Inception Date,"May 15, 2000"`,
    `Shares Outstanding,"1,011,450,000.00"`,
    'Stock,"-"',
    'Bond,"-"',
    'Cash,"-"',
    'Other,"-"',
    '\u00a0',
    header.join(','),
    ...positions.map(row),
    '\u00a0',
    quote(
      'The content contained herein is owned or licensed by BlackRock and/or its third-party information providers and is protected by applicable copyrights, trademarks, service marks, and/or other intellectual property rights.',
    ),
    quote('Holdings are subject to change.'),
    '',
  ].join('\n');
}

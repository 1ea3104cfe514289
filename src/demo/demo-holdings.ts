// Synthetic holdings for the demo ETFs, shaped like real ones: hundreds to a
// couple of thousand positions for equity and bond funds, drawn from one
// universe of made-up securities so that funds overlap as real ones do (SPY
// and VOO nearly whole, QQQ and XLK in their technology names, VTI around
// both), foreign funds by country and currency, commodity funds in bullion or
// futures, and AOR as a fund of funds holding other demo ETFs. Deterministic:
// the same snapshots on every machine. The names and identifiers are invented
// (valid check digits, issuer codes no real security uses), as the prices are.
import { addDays, type IsoDate } from '../dates.js';
import { cusipCheckDigit, isinCheckDigit } from '../holdings/identifiers.js';
import type { HoldingAssetClass, Position } from '../holdings/position.js';
import { demoLastDate } from './demo-etfs.js';

/** A small deterministic generator (mulberry32): the same numbers for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (text: string) =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261);

type Security = {
  name: string;
  ticker: string | null;
  cusip: string | null;
  isin: string | null;
  assetClass: HoldingAssetClass;
  assetCategory: string;
  sector: string | null;
  country: string;
  currency: string;
  price: number;
};

const SECTORS = [
  ['Information Technology', ['Systems', 'Software', 'Semiconductor', 'Networks', 'Devices']],
  ['Financials', ['Financial', 'Bancorp', 'Capital', 'Insurance', 'Trust']],
  ['Health Care', ['Health', 'Therapeutics', 'Medical', 'Biosciences', 'Pharma']],
  ['Consumer Discretionary', ['Retail', 'Motors', 'Brands', 'Apparel', 'Leisure']],
  ['Communication', ['Media', 'Telecom', 'Interactive', 'Broadcasting', 'Studios']],
  ['Industrials', ['Industries', 'Aerospace', 'Machinery', 'Logistics', 'Rail']],
  ['Consumer Staples', ['Foods', 'Beverages', 'Household', 'Grocers', 'Farms']],
  ['Energy', ['Energy', 'Petroleum', 'Drilling', 'Pipelines', 'Oilfield']],
  ['Utilities', ['Power', 'Electric', 'Water', 'Gas', 'Utilities']],
  ['Real Estate', ['Realty', 'Properties', 'REIT', 'Towers', 'Storage']],
  ['Materials', ['Materials', 'Chemicals', 'Mining', 'Steel', 'Packaging']],
] as const;
/** How a broad US index splits by sector (percent of positions, roughly). */
const SECTOR_SHARES = [30, 13, 11, 10, 9, 8, 6, 4, 3, 3, 3];
const WORDS =
  'Alder Birch Cedar Delta Ember Falcon Granite Harbor Iris Juniper Keystone Lumen Meridian Northwind Orion Pioneer Quarry Ridge Summit Tidal Union Vertex Willow Yarrow Zephyr Atlas Beacon Cobalt Drake Elm'.split(
    ' ',
  );

const CURRENCY: Record<string, string> = {
  US: 'USD',
  JP: 'JPY',
  GB: 'GBP',
  FR: 'EUR',
  CH: 'CHF',
  DE: 'EUR',
  AU: 'AUD',
  NL: 'EUR',
  SE: 'SEK',
  DK: 'DKK',
  ES: 'EUR',
  IT: 'EUR',
  HK: 'HKD',
  SG: 'SGD',
  CN: 'CNY',
  TW: 'TWD',
  IN: 'INR',
  KR: 'KRW',
  BR: 'BRL',
  SA: 'SAR',
  ZA: 'ZAR',
  MX: 'MXN',
};
const DEVELOPED = [
  ['JP', 22],
  ['GB', 14],
  ['FR', 11],
  ['CH', 10],
  ['DE', 9],
  ['AU', 7],
  ['NL', 5],
  ['SE', 4],
  ['DK', 4],
  ['ES', 3],
  ['IT', 3],
  ['HK', 2],
  ['SG', 1],
] as const;
const EMERGING = [
  ['CN', 25],
  ['TW', 20],
  ['IN', 20],
  ['KR', 11],
  ['BR', 5],
  ['SA', 4],
  ['ZA', 3],
  ['MX', 2],
] as const;

/** A CUSIP of an invented issuer (6 characters), issue `issue`, with its check digit. */
function cusip(issuer: number, issue: string): string {
  const code = `Z${issuer.toString(36).toUpperCase().padStart(5, '0')}${issue}`;
  return code + cusipCheckDigit(code);
}
const isinOf = (country: string, nine: string) => {
  const code = `${country}${nine}`;
  return code + isinCheckDigit(code);
};

const letters = (n: number, width: number) => {
  let text = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 26)) text = String.fromCharCode(65 + (n % 26)) + text;
  return text;
};

function pick<T>(list: readonly (readonly [T, number])[], draw: number): T {
  const total = list.reduce((sum, [, share]) => sum + share, 0);
  let at = draw * total;
  for (const [value, share] of list) {
    at -= share;
    if (at < 0) return value;
  }
  return (list.at(-1) as readonly [T, number])[0];
}

type Universe = { us: Security[]; developed: Security[]; emerging: Security[]; bonds: Security[] };

let universe: Universe | undefined;

/** Every invented security, built once. US equities in order of size: index 0 is the largest company. */
function securities(): Universe {
  if (universe) return universe;
  const next = random(20261206);
  const sectorList = SECTORS.map((_, i) => [i, SECTOR_SHARES[i] as number] as const);
  const company = (i: number, country: string, local: boolean): Security => {
    const [sector, nouns] = SECTORS[pick(sectorList, next())] as (typeof SECTORS)[number];
    const word = WORDS[i % WORDS.length] as string;
    const noun = nouns[Math.floor(i / WORDS.length) % nouns.length] as string;
    const nine = cusip(i + (local ? 100_000 : 0), '10');
    return {
      name: `${word} ${noun} ${local ? country : ''}${Math.floor(i / (WORDS.length * nouns.length)) || ''} ${country === 'US' ? 'Inc' : 'Ltd'}`
        .replace(/\s+/g, ' ')
        .trim(),
      ticker: country === 'US' ? `Z${letters(i, 3)}` : `${1000 + (i % 9000)}.${country}`,
      cusip: country === 'US' ? nine : null,
      isin: isinOf(country, nine),
      assetClass: sector === 'Real Estate' ? 'REAL_ESTATE' : 'EQUITY',
      assetCategory: 'EC',
      sector,
      country,
      currency: CURRENCY[country] as string,
      price: Math.round((10 + next() * 490) * 100) / 100,
    };
  };
  const us = Array.from({ length: 2_000 }, (_, i) => company(i, 'US', false));
  const developed = Array.from({ length: 700 }, (_, i) => company(2_000 + i, pick(DEVELOPED, next()), true));
  const emerging = Array.from({ length: 800 }, (_, i) => company(3_000 + i, pick(EMERGING, next()), true));
  const bonds: Security[] = Array.from({ length: 2_400 }, (_, i) => {
    const kind = i < 400 ? 'Treasuries' : i < 600 ? 'Securitized' : i < 1_400 ? 'Corporates' : 'High Yield';
    const year = 2027 + (i % 30);
    const coupon = ((kind === 'High Yield' ? 5 : 2) + next() * 4).toFixed(3);
    const issuer =
      kind === 'Treasuries'
        ? 'US TREASURY N/B'
        : kind === 'Securitized'
          ? 'FNMA POOL'
          : (us[i % 800] as Security).name.toUpperCase();
    const nine = cusip(200_000 + i, letters(i % 676, 2));
    return {
      name: `${issuer} ${coupon}% ${year}`,
      ticker: null,
      cusip: nine,
      isin: isinOf('US', nine),
      assetClass: 'FIXED_INCOME',
      assetCategory: kind === 'Securitized' ? 'ABS-MBS' : 'DBT',
      sector: kind,
      country: 'US',
      currency: 'USD',
      price: Math.round((85 + next() * 25) * 100) / 100,
    };
  });
  universe = { us, developed, emerging, bonds };
  return universe;
}

type Held = { security: Security; weight: number };

/** Weights that fall off with rank as index weights do, adding up to `total`. */
function ranked(list: readonly Security[], total: number, steep = 1): Held[] {
  const raw = list.map((_, rank) => 1 / (rank + 8) ** steep);
  const sum = raw.reduce((a, b) => a + b, 0);
  return list.map((security, rank) => ({ security, weight: ((raw[rank] as number) / sum) * total }));
}

const cash = (weight: number): Held => ({
  security: {
    name: 'USD CASH',
    ticker: null,
    cusip: null,
    isin: null,
    assetClass: 'CASH',
    assetCategory: 'Cash',
    sector: 'Cash and/or Derivatives',
    country: 'US',
    currency: 'USD',
    price: 1,
  },
  weight,
});

const single = (name: string, assetClass: HoldingAssetClass, assetCategory: string, weight: number): Held => ({
  security: {
    name,
    ticker: null,
    cusip: null,
    isin: null,
    assetClass,
    assetCategory,
    sector: null,
    country: 'US',
    currency: 'USD',
    price: 100,
  },
  weight,
});

const fund = (ticker: string, name: string, weight: number): Held => ({
  security: {
    name,
    ticker,
    cusip: null,
    isin: null,
    assetClass: 'FUND',
    assetCategory: 'RF',
    sector: null,
    country: 'US',
    currency: 'USD',
    price: 100,
  },
  weight,
});

/** What each demo ETF holds, before the small moves between dates. */
function portfolio(ticker: string): Held[] | null {
  const { us, developed, emerging, bonds } = securities();
  const inSector = (list: readonly Security[], sector: string) => list.filter((security) => security.sector === sector);
  switch (ticker) {
    case 'SPY':
    case 'VOO':
      return [...ranked(us.slice(0, 500), 99.9), cash(0.1)];
    case 'VTI':
      return [...ranked(us.slice(0, 1_800), 99.8, 0.95), cash(0.2)];
    case 'QQQ':
      return [
        ...ranked(
          us
            .slice(0, 400)
            .filter((s) => s.sector !== 'Financials' && s.sector !== 'Energy')
            .slice(0, 100),
          99.7,
          0.9,
        ),
        cash(0.3),
      ];
    case 'DIA':
      return ranked(
        us.slice(0, 60).filter((_, i) => i % 2 === 0),
        100,
        0.3,
      );
    case 'XLK':
      return [...ranked(inSector(us.slice(0, 500), 'Information Technology'), 99.8, 1.2), cash(0.2)];
    case 'XLF':
      return [...ranked(inSector(us.slice(0, 500), 'Financials'), 99.8, 1.1), cash(0.2)];
    case 'XLE':
      return [...ranked(inSector(us.slice(0, 500), 'Energy'), 99.8, 1.3), cash(0.2)];
    case 'IWM':
      return [...ranked(us.slice(800, 2_000), 99.5, 0.4), cash(0.5)];
    case 'VNQ':
      return [...ranked(inSector(us, 'Real Estate'), 99.5, 0.9), cash(0.5)];
    case 'EFA':
      return [...ranked(developed, 99.6, 0.9), cash(0.4)];
    case 'EEM':
      return [...ranked(emerging, 99.4, 0.9), cash(0.6)];
    case 'AGG':
      return [...ranked(bonds.slice(0, 1_400), 99, 0.3), cash(1)];
    case 'TLT':
      return ranked(bonds.slice(360, 400), 100, 0.1);
    case 'LQD':
      return [...ranked(bonds.slice(600, 1_400), 99, 0.3), cash(1)];
    case 'HYG':
      return [...ranked(bonds.slice(1_400), 98, 0.3), cash(2)];
    case 'GLD':
      return [single('GOLD BULLION (LONDON GOOD DELIVERY)', 'COMMODITY', 'Commodity', 100)];
    case 'SLV':
      return [single('SILVER BULLION', 'COMMODITY', 'Commodity', 100)];
    case 'USO':
      return [
        single('WTI CRUDE OIL FUTURE (NEAR MONTH)', 'DERIVATIVE', 'DCO', 40),
        single('WTI CRUDE OIL FUTURE (SECOND MONTH)', 'DERIVATIVE', 'DCO', 30),
        single('WTI CRUDE OIL FUTURE (THIRD MONTH)', 'DERIVATIVE', 'DCO', 28),
        cash(2),
      ];
    case 'UUP':
      return [single('US DOLLAR INDEX FUTURE', 'DERIVATIVE', 'DFE', 99), ...ranked(bonds.slice(0, 5), 1)];
    case 'AOR':
      return [
        fund('VTI', 'Vanguard Total Stock Market ETF', 36),
        fund('EFA', 'iShares MSCI EAFE ETF', 17),
        fund('EEM', 'iShares MSCI Emerging Markets ETF', 5),
        fund('AGG', 'iShares Core U.S. Aggregate Bond ETF', 38),
        fund('TLT', 'iShares 20+ Year Treasury Bond ETF', 3),
        cash(1),
      ];
    default:
      return null;
  }
}

/** The last calendar day of the quarter before the one `date` is in. */
function quarterEndBefore(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  const quarterStart = `${date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  return addDays(quarterStart, -1);
}

/** The dates a fresh demo has holdings for: the last day of its prices and the quarter's end before it. */
export function demoHoldingDates(last: IsoDate = demoLastDate()): IsoDate[] {
  return [quarterEndBefore(last), last];
}

/**
 * The quarter ends after `after` up to `last`: the snapshots a demo seeded
 * earlier gets when it is brought up to date. Quarter ends only, not every
 * new last day, so that a demo restarted daily does not pile up a snapshot a day.
 */
export function demoQuarterEndsBetween(after: IsoDate, last: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let end = quarterEndBefore(addDays(last, 1)); end > after; end = quarterEndBefore(end)) ends.unshift(end);
  return ends;
}

/** One demo ETF's positions as of a date, or null for an ETF the demo gives no holdings. */
export function demoPositions(ticker: string, asOf: IsoDate): Position[] | null {
  const held = portfolio(ticker);
  if (!held) return null;
  // Prices move between dates, and weights with them; the total stays.
  const move = random(seedOf(`${ticker}|${asOf}`));
  const moved = held.map(({ security, weight }) => ({
    security,
    weight: security.assetClass === 'CASH' ? weight : weight * (1 + (move() - 0.5) * 0.1),
  }));
  const total = held.reduce((sum, { weight }) => sum + weight, 0);
  const movedTotal = moved.reduce((sum, { weight }) => sum + weight, 0);
  const netAssets = 1e9 * (10 + ((seedOf(ticker) >>> 0) % 500));
  return moved.map(({ security, weight }, i) => {
    const scaled = Math.round(((weight * total) / movedTotal) * 1e6) / 1e6;
    const marketValue = Math.round((netAssets * scaled) / 100);
    return {
      line: i + 1,
      name: security.name,
      ticker: security.ticker,
      cusip: security.cusip,
      isin: security.isin,
      assetCategory: security.assetCategory,
      assetClass: security.assetClass,
      sector: security.sector,
      country: security.country,
      currency: security.currency,
      shares: Math.round(marketValue / security.price),
      units: security.assetClass === 'FIXED_INCOME' ? 'PA' : 'NS',
      marketValue,
      weight: scaled,
      payoff: 'LONG',
    };
  });
}

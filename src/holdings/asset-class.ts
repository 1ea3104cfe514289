// The broad class of a position, from N-PORT's assetCat codes or from the
// words issuers write in their asset class column. Both readers classify
// through here so that a fund's exposure means the same whichever file it
// came from.
import type { HoldingAssetClass } from './position.js';

/**
 * N-PORT's assetCat codes (Form N-PORT, Item C.4.a). STIV, a "short-term
 * investment vehicle", is a money market fund or liquidity pool held to manage
 * cash (the sweep of an equity ETF): it counts as CASH, not FUND, or every
 * equity fund would show a slice of "funds" that is really its cash.
 */
const NPORT_CODES: Record<string, HoldingAssetClass> = {
  EC: 'EQUITY',
  EP: 'EQUITY',
  DBT: 'FIXED_INCOME',
  'ABS-MBS': 'FIXED_INCOME',
  'ABS-ASBS': 'FIXED_INCOME',
  'ABS-CBDO': 'FIXED_INCOME',
  'ABS-O': 'FIXED_INCOME',
  LON: 'FIXED_INCOME',
  SN: 'FIXED_INCOME',
  RF: 'FUND',
  STIV: 'CASH',
  DCO: 'DERIVATIVE',
  DCR: 'DERIVATIVE',
  DE: 'DERIVATIVE',
  DFE: 'DERIVATIVE',
  DIR: 'DERIVATIVE',
  DO: 'DERIVATIVE',
  RE: 'REAL_ESTATE',
  COMM: 'COMMODITY',
};

export function assetClassFromNportCode(code: string): HoldingAssetClass {
  const upper = code.trim().toUpperCase();
  // Any asset-backed security, including ABS kinds added after this list was written.
  if (upper.startsWith('ABS-')) return 'FIXED_INCOME';
  return NPORT_CODES[upper] ?? 'OTHER';
}

/**
 * Words to classes, tried in order: the first rule whose pattern matches wins,
 * so "Money Market Fund" is CASH before it is a FUND, and "Equity Swap" is a
 * DERIVATIVE before it is EQUITY.
 */
const WORD_RULES: [RegExp, HoldingAssetClass][] = [
  [/\b(futures?|swaps?|forwards?|options?|fx|derivatives?|currency contracts?|cds)\b/, 'DERIVATIVE'],
  [/\b(cash|money market|deposits?|repo|repurchase|collateral|margins?|t-?bills?)\b/, 'CASH'],
  [/\b(real estate|reits?)\b/, 'REAL_ESTATE'],
  [/\b(commodit(y|ies)|gold|silver|bullion|precious metals?)\b/, 'COMMODITY'],
  [/\b(funds?|etfs?|etps?|mutual funds?|closed end)\b/, 'FUND'],
  [/\b(fixed income|bonds?|notes?|debt|treasur(y|ies)|loans?|mbs|abs|municipal|credit)\b/, 'FIXED_INCOME'],
  [/\b(equit(y|ies)|stocks?|common|preferred|shares?|adrs?|gdrs?|rights?|warrants?)\b/, 'EQUITY'],
];

/** The class an issuer's words name ("Equity", "Money Market", "Futures"), OTHER when none fits. */
export function assetClassFromWords(words: string): HoldingAssetClass {
  const text = words.toLowerCase();
  for (const [pattern, assetClass] of WORD_RULES) if (pattern.test(text)) return assetClass;
  return 'OTHER';
}

// One position of a fund's portfolio as a holdings file states it, whatever
// its format (SEC N-PORT-P XML or an issuer's CSV): the shape the readers
// produce and the importer stores. Identifiers are checked and normalised
// here, before they reach the database: a CUSIP or ISIN whose check digit
// fails is a typo that would split one security in two.
import type { IsoDate } from '../dates.js';

/** Broad classes that exposure is grouped by; the source's own words stay in assetCategory. */
export const HOLDING_ASSET_CLASSES = [
  'EQUITY',
  'FIXED_INCOME',
  'FUND',
  'CASH',
  'DERIVATIVE',
  'REAL_ESTATE',
  'COMMODITY',
  'OTHER',
] as const;
export type HoldingAssetClass = (typeof HOLDING_ASSET_CLASSES)[number];

export type Payoff = 'LONG' | 'SHORT';

export type Position = {
  /** The file's line: the CSV row, or the line where N-PORT's <invstOrSec> opens. */
  line: number;
  name: string;
  /** Upper-case, as the source writes it (BRK.B, BRK/B and BRK B are all BRK.B). */
  ticker: string | null;
  /** 9 characters, check digit verified. Derived from a US or CA ISIN when the file gives none. */
  cusip: string | null;
  /** 12 characters, check digit verified. */
  isin: string | null;
  /** As the source writes it: N-PORT's assetCat code (EC, DBT, STIV…) or the issuer's words ("Equity"). */
  assetCategory: string | null;
  assetClass: HoldingAssetClass;
  /** The issuer's sector; N-PORT has none. */
  sector: string | null;
  /** ISO 3166-1 alpha-2, upper-case; null when not given or not recognised. */
  country: string | null;
  /** ISO 4217, upper-case. */
  currency: string | null;
  /** Shares, principal or contracts held (N-PORT's balance, issuers' shares or quantity); negative when short. */
  shares: number | null;
  /** N-PORT's units: NS shares, PA principal amount, NC contracts, OU other. Null for issuers' files. */
  units: string | null;
  /** In US dollars for N-PORT (valUSD); in the file's currency for issuers. */
  marketValue: number | null;
  /** Percent of net assets: 6.5 means 6.5 %. Negative for short positions and some derivatives and cash. */
  weight: number;
  payoff: Payoff | null;
};

export type FileProblem = { line: number; reason: string };

export type HoldingsFile = {
  format: 'NPORT' | 'ISSUER_CSV';
  /** The date the portfolio is as of: N-PORT's repPdDate, an issuer preamble's "as of" date. */
  asOf: IsoDate | null;
  /** N-PORT's genInfo/seriesId (S000002736), which Etf.secSeriesId matches. */
  seriesId: string | null;
  /** The fund's name as the file gives it (N-PORT seriesName, the first preamble line). */
  fundName: string | null;
  /** N-PORT's fundInfo/netAssets, in US dollars. */
  netAssets: number | null;
  positions: Position[];
  /** Reasons the file is refused, each with its line (0: the file as a whole). Empty when it can be imported. */
  problems: FileProblem[];
  /** Things worth saying that do not refuse the file (unrecognised locations counted as unknown). */
  notes: string[];
};

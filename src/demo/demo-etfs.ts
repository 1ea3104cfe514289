// Well-known ETFs with their real metadata (as published by their issuers; expense
// ratios change from time to time). Their prices in the demo are synthetic.
import { addDays, type IsoDate } from '../dates.js';
import type { EtfData } from '../etfs/etf-input.js';
import { isTradingDay } from './synthetic-bars.js';

type DemoEtf = Omit<EtfData, 'inceptionDate' | 'description' | 'currency' | 'secSeriesId'> & {
  inceptionDate: string;
  /** Parameters of the synthetic price path: start price, annual drift and volatility, typical volume. */
  synthetic: { start: number; drift: number; volatility: number; volume: number };
};

export const DEMO_ETFS: DemoEtf[] = [
  {
    ticker: 'SPY',
    name: 'SPDR S&P 500 ETF Trust',
    issuer: 'State Street Global Advisors',
    assetClass: 'EQUITY',
    expenseRatio: 0.000945,
    inceptionDate: '1993-01-22',
    exchange: 'NYSE Arca',
    synthetic: { start: 200, drift: 0.09, volatility: 0.17, volume: 80_000_000 },
  },
  {
    ticker: 'QQQ',
    name: 'Invesco QQQ Trust',
    issuer: 'Invesco',
    assetClass: 'EQUITY',
    expenseRatio: 0.002,
    inceptionDate: '1999-03-10',
    exchange: 'NASDAQ',
    synthetic: { start: 105, drift: 0.1, volatility: 0.22, volume: 45_000_000 },
  },
  {
    ticker: 'IWM',
    name: 'iShares Russell 2000 ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'EQUITY',
    expenseRatio: 0.0019,
    inceptionDate: '2000-05-22',
    exchange: 'NYSE Arca',
    synthetic: { start: 110, drift: 0.06, volatility: 0.22, volume: 30_000_000 },
  },
  {
    ticker: 'EFA',
    name: 'iShares MSCI EAFE ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'EQUITY',
    expenseRatio: 0.0035,
    inceptionDate: '2001-08-14',
    exchange: 'NYSE Arca',
    synthetic: { start: 58, drift: 0.04, volatility: 0.16, volume: 20_000_000 },
  },
  {
    ticker: 'EEM',
    name: 'iShares MSCI Emerging Markets ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'EQUITY',
    expenseRatio: 0.007,
    inceptionDate: '2003-04-07',
    exchange: 'NYSE Arca',
    synthetic: { start: 33, drift: 0.03, volatility: 0.2, volume: 35_000_000 },
  },
  {
    ticker: 'VTI',
    name: 'Vanguard Total Stock Market ETF',
    issuer: 'Vanguard',
    assetClass: 'EQUITY',
    expenseRatio: 0.0003,
    inceptionDate: '2001-05-24',
    exchange: 'NYSE Arca',
    synthetic: { start: 103, drift: 0.09, volatility: 0.17, volume: 3_500_000 },
  },
  {
    ticker: 'VOO',
    name: 'Vanguard S&P 500 ETF',
    issuer: 'Vanguard',
    assetClass: 'EQUITY',
    expenseRatio: 0.0003,
    inceptionDate: '2010-09-07',
    exchange: 'NYSE Arca',
    synthetic: { start: 184, drift: 0.09, volatility: 0.17, volume: 5_000_000 },
  },
  {
    ticker: 'DIA',
    name: 'SPDR Dow Jones Industrial Average ETF Trust',
    issuer: 'State Street Global Advisors',
    assetClass: 'EQUITY',
    expenseRatio: 0.0016,
    inceptionDate: '1998-01-14',
    exchange: 'NYSE Arca',
    synthetic: { start: 172, drift: 0.08, volatility: 0.16, volume: 3_000_000 },
  },
  {
    ticker: 'XLK',
    name: 'Technology Select Sector SPDR Fund',
    issuer: 'State Street Global Advisors',
    assetClass: 'EQUITY',
    expenseRatio: 0.0008,
    inceptionDate: '1998-12-16',
    exchange: 'NYSE Arca',
    synthetic: { start: 41, drift: 0.16, volatility: 0.24, volume: 8_000_000 },
  },
  {
    ticker: 'XLF',
    name: 'Financial Select Sector SPDR Fund',
    issuer: 'State Street Global Advisors',
    assetClass: 'EQUITY',
    expenseRatio: 0.0008,
    inceptionDate: '1998-12-16',
    exchange: 'NYSE Arca',
    synthetic: { start: 23, drift: 0.07, volatility: 0.22, volume: 40_000_000 },
  },
  {
    ticker: 'XLE',
    name: 'Energy Select Sector SPDR Fund',
    issuer: 'State Street Global Advisors',
    assetClass: 'EQUITY',
    expenseRatio: 0.0008,
    inceptionDate: '1998-12-16',
    exchange: 'NYSE Arca',
    synthetic: { start: 63, drift: 0.03, volatility: 0.3, volume: 18_000_000 },
  },
  {
    ticker: 'AGG',
    name: 'iShares Core U.S. Aggregate Bond ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'FIXED_INCOME',
    expenseRatio: 0.0003,
    inceptionDate: '2003-09-22',
    exchange: 'NYSE Arca',
    synthetic: { start: 107, drift: 0.005, volatility: 0.05, volume: 7_000_000 },
  },
  {
    ticker: 'TLT',
    name: 'iShares 20+ Year Treasury Bond ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'FIXED_INCOME',
    expenseRatio: 0.0015,
    inceptionDate: '2002-07-22',
    exchange: 'NASDAQ',
    synthetic: { start: 120, drift: -0.01, volatility: 0.15, volume: 20_000_000 },
  },
  {
    ticker: 'LQD',
    name: 'iShares iBoxx $ Investment Grade Corporate Bond ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'FIXED_INCOME',
    expenseRatio: 0.0014,
    inceptionDate: '2002-07-22',
    exchange: 'NYSE Arca',
    synthetic: { start: 113, drift: 0.01, volatility: 0.08, volume: 15_000_000 },
  },
  {
    ticker: 'HYG',
    name: 'iShares iBoxx $ High Yield Corporate Bond ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'FIXED_INCOME',
    expenseRatio: 0.0049,
    inceptionDate: '2007-04-04',
    exchange: 'NYSE Arca',
    synthetic: { start: 81, drift: 0.01, volatility: 0.08, volume: 25_000_000 },
  },
  {
    ticker: 'GLD',
    name: 'SPDR Gold Shares',
    issuer: 'World Gold Trust Services',
    assetClass: 'COMMODITY',
    expenseRatio: 0.004,
    inceptionDate: '2004-11-18',
    exchange: 'NYSE Arca',
    synthetic: { start: 102, drift: 0.08, volatility: 0.15, volume: 8_000_000 },
  },
  {
    ticker: 'SLV',
    name: 'iShares Silver Trust',
    issuer: 'BlackRock (iShares)',
    assetClass: 'COMMODITY',
    expenseRatio: 0.005,
    inceptionDate: '2006-04-21',
    exchange: 'NYSE Arca',
    synthetic: { start: 13.5, drift: 0.06, volatility: 0.28, volume: 20_000_000 },
  },
  {
    ticker: 'USO',
    name: 'United States Oil Fund',
    issuer: 'USCF Investments',
    assetClass: 'COMMODITY',
    expenseRatio: 0.006,
    inceptionDate: '2006-04-10',
    exchange: 'NYSE Arca',
    synthetic: { start: 90, drift: -0.02, volatility: 0.38, volume: 5_000_000 },
  },
  {
    ticker: 'VNQ',
    name: 'Vanguard Real Estate ETF',
    issuer: 'Vanguard',
    assetClass: 'REAL_ESTATE',
    expenseRatio: 0.0013,
    inceptionDate: '2004-09-23',
    exchange: 'NYSE Arca',
    synthetic: { start: 78, drift: 0.04, volatility: 0.2, volume: 4_000_000 },
  },
  {
    ticker: 'UUP',
    name: 'Invesco DB US Dollar Index Bullish Fund',
    issuer: 'Invesco',
    assetClass: 'CURRENCY',
    expenseRatio: 0.0078,
    inceptionDate: '2007-02-20',
    exchange: 'NYSE Arca',
    synthetic: { start: 25, drift: 0.01, volatility: 0.08, volume: 2_000_000 },
  },
  {
    ticker: 'AOR',
    name: 'iShares Core 60/40 Balanced Allocation ETF',
    issuer: 'BlackRock (iShares)',
    assetClass: 'MULTI_ASSET',
    expenseRatio: 0.0015,
    inceptionDate: '2008-11-04',
    exchange: 'NYSE Arca',
    synthetic: { start: 40, drift: 0.05, volatility: 0.11, volume: 200_000 },
  },
];

/** Years of history a fresh demo starts with. */
const DEMO_YEARS = 10;

/**
 * The demo's last bar: the last trading day of the synthetic calendar (a
 * weekday, not a fixed-date holiday) before today, UTC. Computed, not fixed,
 * so that the demo looks current on the day it is started: a fixed date
 * drifts into the past and every "latest" view shows stale data.
 */
export function demoLastDate(now: Date = new Date()): IsoDate {
  let day = addDays(now.toISOString().slice(0, 10), -1);
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The first bar of a demo that ends on `last`: the first trading day after the same date ten years earlier. */
export function demoFirstDate(last: IsoDate): IsoDate {
  const start = new Date(`${last}T00:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - DEMO_YEARS);
  let day = addDays(start.toISOString().slice(0, 10), 1);
  while (!isTradingDay(day)) day = addDays(day, 1);
  return day;
}

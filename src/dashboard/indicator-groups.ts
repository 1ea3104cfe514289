// How the panel groups the catalog's indicators, what it calls them, and where
// each is drawn: the catalog states what an indicator computes, not how a chart
// shows it, so that lives here. Typed by the generated catalog's names: a new
// indicator in the catalog fails the type check until it has a group.
import { INDICATOR_CATALOG } from './generated/indicator-catalog.js';

export type IndicatorName = keyof typeof INDICATOR_CATALOG;
export const INDICATOR_NAMES = Object.keys(INDICATOR_CATALOG) as IndicatorName[];

export type GroupId = 'overlays' | 'momentum' | 'trend' | 'volatility' | 'volume' | 'relative';

/** The groups in panel order; only overlays share the price pane (their values are prices). */
export const GROUPS: { id: GroupId; label: string; onPrice: boolean }[] = [
  { id: 'overlays', label: 'Trend overlays', onPrice: true },
  { id: 'momentum', label: 'Momentum & oscillators', onPrice: false },
  { id: 'trend', label: 'Trend strength', onPrice: false },
  { id: 'volatility', label: 'Volatility', onPrice: false },
  { id: 'volume', label: 'Volume', onPrice: false },
  { id: 'relative', label: 'Against a benchmark', onPrice: false },
];

export const INDICATOR_UI: Record<IndicatorName, { label: string; group: GroupId }> = {
  sma: { label: 'SMA', group: 'overlays' },
  ema: { label: 'EMA', group: 'overlays' },
  wma: { label: 'WMA', group: 'overlays' },
  dema: { label: 'DEMA', group: 'overlays' },
  hma: { label: 'Hull MA', group: 'overlays' },
  zlema: { label: 'Zero-lag EMA', group: 'overlays' },
  alma: { label: 'ALMA', group: 'overlays' },
  vwap: { label: 'VWAP', group: 'overlays' },
  evwma: { label: 'EVWMA', group: 'overlays' },
  bollinger: { label: 'Bollinger', group: 'overlays' },
  donchian: { label: 'Donchian', group: 'overlays' },
  keltner: { label: 'Keltner', group: 'overlays' },
  rsi: { label: 'RSI', group: 'momentum' },
  macd: { label: 'MACD', group: 'momentum' },
  stochastic: { label: 'Stochastic', group: 'momentum' },
  williamsR: { label: 'Williams %R', group: 'momentum' },
  cci: { label: 'CCI', group: 'momentum' },
  roc: { label: 'ROC', group: 'momentum' },
  cmo: { label: 'CMO', group: 'momentum' },
  momentum: { label: 'Momentum', group: 'momentum' },
  trix: { label: 'TRIX', group: 'momentum' },
  kst: { label: 'KST', group: 'momentum' },
  smi: { label: 'SMI', group: 'momentum' },
  ultimateOscillator: { label: 'Ultimate oscillator', group: 'momentum' },
  clv: { label: 'CLV', group: 'momentum' },
  adx: { label: 'ADX', group: 'trend' },
  aroon: { label: 'Aroon', group: 'trend' },
  tdi: { label: 'TDI', group: 'trend' },
  vhf: { label: 'VHF', group: 'trend' },
  cti: { label: 'CTI', group: 'trend' },
  snr: { label: 'SNR', group: 'trend' },
  atr: { label: 'ATR', group: 'volatility' },
  volatility: { label: 'Volatility', group: 'volatility' },
  chaikinVolatility: { label: 'Chaikin volatility', group: 'volatility' },
  obv: { label: 'OBV', group: 'volume' },
  mfi: { label: 'MFI', group: 'volume' },
  chaikinMoneyFlow: { label: 'Chaikin money flow', group: 'volume' },
  chaikinAD: { label: 'Chaikin A/D', group: 'volume' },
  williamsAD: { label: 'Williams A/D', group: 'volume' },
  emv: { label: 'Ease of movement', group: 'volume' },
  beta: { label: 'Beta', group: 'relative' },
};

/**
 * Values for arguments the catalog leaves without a default (the API requires
 * them): the moving averages' periods, and beta's benchmark.
 */
export const PANEL_DEFAULTS: Partial<Record<IndicatorName, Record<string, number | string>>> = {
  sma: { period: 50 },
  ema: { period: 20 },
  wma: { period: 20 },
  dema: { period: 20 },
  roc: { period: 10 },
  beta: { benchmark: 'SPY' },
};

export const onPricePane = (name: IndicatorName): boolean =>
  GROUPS.find((group) => group.id === INDICATOR_UI[name].group)?.onPrice ?? false;

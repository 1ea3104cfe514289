// The screener's metrics as the dashboard names and shows them. The map is
// checked against the generated ScreenMetric type, so a metric added to the
// API fails the type check here until it has a label and a unit.
import type { AssetClass, ScreenMetric } from './gql/graphql.js';

/** How a metric's numbers read: fractions shown as percent, prices, counts, plain ratios. */
export type Unit = 'percent' | 'price' | 'count' | 'ratio';

export const SCREEN_METRICS = {
  CLOSE: { label: 'Close', unit: 'price' },
  RETURN_1D: { label: 'Return 1D', unit: 'percent' },
  RETURN_1W: { label: 'Return 1W', unit: 'percent' },
  RETURN_1M: { label: 'Return 1M', unit: 'percent' },
  RETURN_3M: { label: 'Return 3M', unit: 'percent' },
  RETURN_6M: { label: 'Return 6M', unit: 'percent' },
  RETURN_YTD: { label: 'Return YTD', unit: 'percent' },
  RETURN_1Y: { label: 'Return 1Y', unit: 'percent' },
  RETURN_3Y: { label: 'Return 3Y (yearly)', unit: 'percent' },
  RETURN_5Y: { label: 'Return 5Y (yearly)', unit: 'percent' },
  VOLATILITY_1Y: { label: 'Volatility 1Y', unit: 'percent' },
  MAX_DRAWDOWN_1Y: { label: 'Max drawdown 1Y', unit: 'percent' },
  SHARPE_1Y: { label: 'Sharpe 1Y', unit: 'ratio' },
  HIGH_52W: { label: '52W high', unit: 'price' },
  LOW_52W: { label: '52W low', unit: 'price' },
  FROM_HIGH_52W: { label: 'From 52W high', unit: 'percent' },
  FROM_LOW_52W: { label: 'From 52W low', unit: 'percent' },
  SMA_20: { label: 'SMA 20', unit: 'price' },
  SMA_50: { label: 'SMA 50', unit: 'price' },
  SMA_200: { label: 'SMA 200', unit: 'price' },
  EMA_12: { label: 'EMA 12', unit: 'price' },
  EMA_26: { label: 'EMA 26', unit: 'price' },
  BOLLINGER_UPPER: { label: 'Bollinger upper', unit: 'price' },
  BOLLINGER_LOWER: { label: 'Bollinger lower', unit: 'price' },
  RSI_14: { label: 'RSI 14', unit: 'ratio' },
  MACD: { label: 'MACD', unit: 'ratio' },
  MACD_SIGNAL: { label: 'MACD signal', unit: 'ratio' },
  MACD_HISTOGRAM: { label: 'MACD histogram', unit: 'ratio' },
  ATR_14: { label: 'ATR 14', unit: 'price' },
  VOLUME: { label: 'Volume', unit: 'count' },
  AVERAGE_VOLUME_20: { label: 'Avg volume 20', unit: 'count' },
  EXPENSE_RATIO: { label: 'Expense ratio', unit: 'percent' },
} satisfies Record<ScreenMetric, { label: string; unit: Unit }>;

export const METRIC_NAMES = Object.keys(SCREEN_METRICS) as ScreenMetric[];

export const isMetric = (name: string): name is ScreenMetric => Object.hasOwn(SCREEN_METRICS, name);

export const ASSET_CLASSES = {
  EQUITY: 'Equity',
  FIXED_INCOME: 'Fixed income',
  COMMODITY: 'Commodity',
  REAL_ESTATE: 'Real estate',
  CURRENCY: 'Currency',
  MULTI_ASSET: 'Multi-asset',
  ALTERNATIVE: 'Alternative',
} satisfies Record<AssetClass, string>;

export const isAssetClass = (name: string): name is AssetClass => Object.hasOwn(ASSET_CLASSES, name);

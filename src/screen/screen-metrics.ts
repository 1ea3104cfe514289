// What a screen can filter and order by: each metric with its definition and
// the SQL that reads it from an ETF's judged row. Three sources: the
// performance figures (`m`, performance/performance-sql.ts), the stored default
// indicators (`i`, daily_indicator on the judged date) and the ETF itself
// (`e`). Only these fixed expressions ever reach the SQL: a metric is chosen
// from this list, never written by the caller.
import type { MetricColumn } from '../performance/performance-sql.js';

type Source = 'figures' | 'indicators' | 'etf';

export type ScreenMetricSpec = {
  description: string;
  source: Source;
  /**
   * The SQL of the value. `stored(column)` reads a stored indicator column on
   * the judged date (or its value computed on demand when the stored set lags).
   */
  sql: (stored: (column: string) => string) => string;
  /** The daily_indicator columns it reads. */
  storedColumns?: readonly string[];
};

const figure = (column: Exclude<MetricColumn, 'date'>, description: string): ScreenMetricSpec => ({
  description,
  source: 'figures',
  sql: () => `m.${column}`,
});

const indicator = (column: string, description: string): ScreenMetricSpec => ({
  description,
  source: 'indicators',
  sql: (stored) => stored(column),
  storedColumns: [column],
});

const RETURN = 'Trailing return as Etf.performance defines it (a fraction)';

export const SCREEN_METRICS = {
  CLOSE: figure('close', 'Close of the judged bar.'),
  VOLUME: figure('volume', 'Volume of the judged bar.'),
  AVERAGE_VOLUME_20: figure('avg_volume_20', 'Mean volume of the last 20 bars; null under 20 bars.'),
  SMA_20: indicator('sma_20', 'Simple moving average of 20 closes.'),
  SMA_50: indicator('sma_50', 'Simple moving average of 50 closes.'),
  SMA_200: indicator('sma_200', 'Simple moving average of 200 closes.'),
  EMA_12: indicator('ema_12', 'Exponential moving average, 12 bars.'),
  EMA_26: indicator('ema_26', 'Exponential moving average, 26 bars.'),
  RSI_14: indicator('rsi_14', "Wilder's RSI over 14 bars, 0 to 100."),
  MACD: indicator('macd_12_26', 'MACD line: EMA(12) − EMA(26).'),
  MACD_SIGNAL: indicator('macd_12_26_9_signal', 'MACD signal line: EMA(9) of the MACD line.'),
  MACD_HISTOGRAM: {
    description: 'MACD line − signal line.',
    source: 'indicators',
    sql: (stored) => `(${stored('macd_12_26')} - ${stored('macd_12_26_9_signal')})`,
    storedColumns: ['macd_12_26', 'macd_12_26_9_signal'],
  },
  BOLLINGER_UPPER: indicator('bollinger_20_2_upper', 'Upper Bollinger band: SMA(20) + 2σ.'),
  BOLLINGER_LOWER: indicator('bollinger_20_2_lower', 'Lower Bollinger band: SMA(20) − 2σ.'),
  ATR_14: indicator('atr_14', 'Average true range over 14 bars (Wilder).'),
  RETURN_1D: figure('return_1d', `${RETURN}: from the previous bar.`),
  RETURN_1W: figure('return_1w', `${RETURN}: 7 days.`),
  RETURN_1M: figure('return_1m', `${RETURN}: 1 month.`),
  RETURN_3M: figure('return_3m', `${RETURN}: 3 months.`),
  RETURN_6M: figure('return_6m', `${RETURN}: 6 months.`),
  RETURN_YTD: figure('return_ytd', `${RETURN}: from the last bar of the previous year.`),
  RETURN_1Y: figure('return_1y', `${RETURN}: 1 year.`),
  RETURN_3Y: figure('return_3y', `${RETURN}: 3 years, annualized.`),
  RETURN_5Y: figure('return_5y', `${RETURN}: 5 years, annualized.`),
  VOLATILITY_1Y: figure('volatility_1y', 'Etf.performance.volatility1Y.'),
  MAX_DRAWDOWN_1Y: figure('max_drawdown_1y', 'Etf.performance.maxDrawdown1Y (a positive fraction).'),
  SHARPE_1Y: {
    description: 'Etf.performance.sharpe1Y with a risk-free rate of 0.',
    source: 'figures',
    sql: () => 'm.mean_return_1y / nullif(m.volatility_1y, 0)',
  },
  HIGH_52W: figure('high_52w', 'Highest high after the same date a year earlier.'),
  LOW_52W: figure('low_52w', 'Lowest low after the same date a year earlier.'),
  FROM_HIGH_52W: {
    description: 'close / HIGH_52W − 1: how far below its 52-week high (0 at the high, negative below).',
    source: 'figures',
    sql: () => 'm.close / nullif(m.high_52w, 0) - 1',
  },
  FROM_LOW_52W: {
    description: 'close / LOW_52W − 1: how far above its 52-week low (0 at the low, positive above).',
    source: 'figures',
    sql: () => 'm.close / nullif(m.low_52w, 0) - 1',
  },
  EXPENSE_RATIO: {
    description: 'The annual expense ratio (a fraction); null when unknown.',
    source: 'etf',
    sql: () => 'e.expense_ratio',
  },
} satisfies Record<string, ScreenMetricSpec>;

export type ScreenMetricName = keyof typeof SCREEN_METRICS;
export const SCREEN_METRIC_NAMES = Object.keys(SCREEN_METRICS) as ScreenMetricName[];

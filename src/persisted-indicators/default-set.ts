// The indicators stored per daily bar in daily_indicator, and the columns that
// hold them. A dashboard's usual indicators then cost one indexed range scan;
// any other parameters are computed on demand from the price history.
import { INDICATORS, type IndicatorName, type Params } from '../indicators/catalog.js';
import type { Bars } from '../indicators/series.js';

export type PersistedIndicator = {
  indicator: IndicatorName;
  params: Params;
  /** Kernel output → column. */
  columns: Record<string, string>;
  /** Outputs not stored, derived from the row when read exactly as the kernel derives them. */
  derived?: Record<string, (row: Record<string, number | null>) => number | null>;
};

export const PERSISTED_INDICATORS: PersistedIndicator[] = [
  { indicator: 'sma', params: { period: 20 }, columns: { value: 'sma_20' } },
  { indicator: 'sma', params: { period: 50 }, columns: { value: 'sma_50' } },
  { indicator: 'sma', params: { period: 200 }, columns: { value: 'sma_200' } },
  { indicator: 'ema', params: { period: 12 }, columns: { value: 'ema_12' } },
  { indicator: 'ema', params: { period: 26 }, columns: { value: 'ema_26' } },
  {
    indicator: 'rsi',
    params: { period: 14 },
    columns: { value: 'rsi_14', avgGain: 'rsi_14_avg_gain', avgLoss: 'rsi_14_avg_loss' },
  },
  {
    indicator: 'macd',
    params: { fast: 12, slow: 26, signal: 9 },
    columns: { macd: 'macd_12_26', signal: 'macd_12_26_9_signal' },
    derived: {
      histogram: (row) =>
        row.macd_12_26 == null || row.macd_12_26_9_signal == null ? null : row.macd_12_26 - row.macd_12_26_9_signal,
    },
  },
  {
    indicator: 'bollinger',
    params: { period: 20, stdDev: 2 },
    columns: { upper: 'bollinger_20_2_upper', lower: 'bollinger_20_2_lower' },
    // The middle band is SMA(20), stored once as sma_20.
    derived: { middle: (row) => row.sma_20 ?? null },
  },
  { indicator: 'atr', params: { period: 14 }, columns: { value: 'atr_14' } },
];

export const PERSISTED_COLUMNS = [...new Set(PERSISTED_INDICATORS.flatMap((entry) => Object.values(entry.columns)))];

const sameParams = (a: Params, b: Params) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** The stored entry for an indicator request, or undefined when it must be computed. */
export function findPersisted(indicator: IndicatorName, params: Params): PersistedIndicator | undefined {
  return PERSISTED_INDICATORS.find((entry) => entry.indicator === indicator && sameParams(entry.params, params));
}

/** Every persisted column over a whole history, computed by the same kernels the API uses. */
export function computePersistedColumns(bars: Bars): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  for (const entry of PERSISTED_INDICATORS) {
    const outputs = INDICATORS[entry.indicator].compute(bars, entry.params) as Record<string, Float64Array>;
    for (const [output, column] of Object.entries(entry.columns)) columns.set(column, outputs[output] as Float64Array);
  }
  return columns;
}

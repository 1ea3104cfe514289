// The indicators stored per daily bar in daily_indicator, and the columns that
// hold them. A dashboard's usual indicators then cost one indexed range scan;
// any other parameters are computed on demand from the price history.

import type { Bars } from '../../prices/history.js';
import { INDICATORS, type IndicatorName, type Params } from '../catalog.js';
import { emaFrom, nanArray, trueRange } from '../kernels/primitives.js';
import { rsiFrom } from '../kernels/rsi.js';

/** A stored daily_indicator row: column → value (null where NaN was stored). */
export type StoredRow = Record<string, number | null>;

export type StoredIndicator = {
  indicator: IndicatorName;
  /** Periods and multipliers only: no stored indicator takes a list, an enum or a ticker. */
  params: Readonly<Record<string, number>>;
  /** Kernel output → column. */
  columns: Record<string, string>;
  /** Outputs not stored, derived from the row when read exactly as the kernel derives them. */
  derived?: Record<string, (row: Record<string, number | null>) => number | null>;
  /** The stored columns the derived outputs read, beyond `columns`. */
  derivedFrom?: string[];
  /**
   * For recursive indicators: the outputs from bar `start` on, carried on from
   * the stored row of bar start − 1 by the kernel's own recursion (so they equal
   * a full recomputation to the bit). Indicators without one are windowed and are
   * recomputed over the last LOOKBACK bars instead.
   */
  resume?: (bars: Bars, start: number, state: StoredRow) => Record<string, Float64Array>;
};

const emaResume = (period: number, column: string) => (bars: Bars, start: number, state: StoredRow) => ({
  value: emaFrom(bars.close, 2 / (period + 1), start, state[column] as number, nanArray(bars.close.length)),
});

export const STORED_INDICATORS: StoredIndicator[] = [
  { indicator: 'sma', params: { period: 20 }, columns: { value: 'sma_20' } },
  { indicator: 'sma', params: { period: 50 }, columns: { value: 'sma_50' } },
  { indicator: 'sma', params: { period: 200 }, columns: { value: 'sma_200' } },
  { indicator: 'ema', params: { period: 12 }, columns: { value: 'ema_12' }, resume: emaResume(12, 'ema_12') },
  { indicator: 'ema', params: { period: 26 }, columns: { value: 'ema_26' }, resume: emaResume(26, 'ema_26') },
  {
    indicator: 'rsi',
    params: { period: 14 },
    columns: { value: 'rsi_14', avgGain: 'rsi_14_avg_gain', avgLoss: 'rsi_14_avg_loss' },
    resume: (bars, start, state) => {
      const length = bars.close.length;
      const out = { value: nanArray(length), avgGain: nanArray(length), avgLoss: nanArray(length) };
      return rsiFrom(bars.close, 14, start, state.rsi_14_avg_gain as number, state.rsi_14_avg_loss as number, out);
    },
  },
  {
    indicator: 'macd',
    params: { fast: 12, slow: 26, signal: 9 },
    columns: { macd: 'macd_12_26', signal: 'macd_12_26_9_signal' },
    // The MACD line is EMA(12) − EMA(26), the very values stored as ema_12 and
    // ema_26, so their stored state carries the line on too.
    resume: (bars, start, state) => {
      const fast = emaResume(12, 'ema_12')(bars, start, state).value;
      const line = emaResume(26, 'ema_26')(bars, start, state).value;
      for (let t = start; t < line.length; t++) line[t] = (fast[t] as number) - (line[t] as number);
      const signal = emaFrom(line, 2 / 10, start, state.macd_12_26_9_signal as number, nanArray(line.length));
      return { macd: line, signal };
    },
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
    derivedFrom: ['sma_20'],
  },
  {
    indicator: 'atr',
    params: { period: 14 },
    columns: { value: 'atr_14' },
    resume: (bars, start, state) => ({
      value: emaFrom(trueRange(bars), 1 / 14, start, state.atr_14 as number, nanArray(bars.close.length)),
    }),
  },
];

/**
 * Bars before the first changed one that a windowed indicator looks back on:
 * its longest window (SMA 200), which also covers the previous close that
 * recursions on differences (RSI, true range) need.
 */
export const LOOKBACK = Math.max(...STORED_INDICATORS.map((entry) => entry.params.period ?? 0));

/** The stored columns a resume reads: with any of them null, the series is still warming up. */
export const STATE_COLUMNS = [
  'ema_12',
  'ema_26',
  'rsi_14_avg_gain',
  'rsi_14_avg_loss',
  'macd_12_26_9_signal',
  'atr_14',
];

export const STORED_COLUMNS = [...new Set(STORED_INDICATORS.flatMap((entry) => Object.values(entry.columns)))];

const sameParams = (a: Params, b: Params) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** The stored entry for an indicator request, or undefined when it must be computed. */
export function findStored(indicator: IndicatorName, params: Params): StoredIndicator | undefined {
  return STORED_INDICATORS.find((entry) => entry.indicator === indicator && sameParams(entry.params, params));
}

/**
 * Every stored column for bars `start` on. With no state, `bars` is the
 * whole history (and start is usually 0). With the stored row of bar start − 1,
 * `bars` may begin LOOKBACK bars before start: recursive indicators carry on
 * from the row, windowed ones need no more than those bars.
 */
export function computeStoredColumns(bars: Bars, start = 0, state?: StoredRow): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  for (const entry of STORED_INDICATORS) {
    const outputs = (
      state && entry.resume ? entry.resume(bars, start, state) : INDICATORS[entry.indicator].compute(bars, entry.params)
    ) as Record<string, Float64Array>;
    for (const [output, column] of Object.entries(entry.columns)) columns.set(column, outputs[output] as Float64Array);
  }
  return columns;
}

import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/**
 * Elastic volume-weighted average: starts at the close of bar n − 1, then
 * e_t = ((S − V_t)·e_{t−1} + V_t·C_t) / S with S the volume of the last n bars
 * (a running sum). S = 0 makes it NaN from there on, as in TTR.
 */
export function evwma(bars: Bars, period: number) {
  const { close, volume } = bars;
  const length = close.length;
  const value = nanArray(length);
  if (period > length) return { value };
  let traded = 0;
  for (let t = 0; t < period; t++) traded += volume[t] as number;
  let average = close[period - 1] as number;
  value[period - 1] = average;
  for (let t = period; t < length; t++) {
    const v = volume[t] as number;
    traded = traded + v - (volume[t - period] as number);
    average = ((traded - v) * average + v * (close[t] as number)) / traded;
    value[t] = average;
  }
  return { value };
}

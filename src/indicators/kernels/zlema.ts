import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/**
 * Zero-lag EMA as TTR's C code computes it: the EMA (r = 2/(n+1), seeded with
 * the mean of the first n closes) of 2·C_t − C_{t−lag}, the lagged close
 * interpolated at lag = 1/r. The lag is that floating-point quotient, not
 * (n − 1)/2: n = 97 gives 49.00000000000001, so TTR in effect lags 50 bars.
 */
export function zlema(bars: Bars, period: number) {
  const x = bars.close;
  const value = nanArray(x.length);
  if (period > x.length) return { value };
  const ratio = 2 / (period + 1);
  const lag = 1 / ratio;
  const fraction = lag % 1;
  const whole = 1 - fraction;
  let average = 0;
  for (let t = 0; t < period; t++) average += (x[t] as number) / period;
  value[period - 1] = average;
  for (let t = period; t < x.length; t++) {
    const at = Math.trunc(t - lag);
    const lagged = whole * (x[at] as number) + fraction * (x[at + 1] as number);
    average = ratio * (2 * (x[t] as number) - lagged) + (1 - ratio) * average;
    value[t] = average;
  }
  return { value };
}

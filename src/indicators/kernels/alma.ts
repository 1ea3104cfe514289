import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/**
 * Arnaud Legoux moving average: weights exp(−(k − m)²/(2s²)) over the window
 * (k = 0 the oldest bar), m = floor(offset·(n − 1)), s = n/sigma, normalised,
 * then TTR's WMA (which divides by their sum again). TTR blanks the first
 * n − 1 bars, and the first bar even when n = 1.
 */
export function alma(bars: Bars, period: number, offset: number, sigma: number) {
  const x = bars.close;
  const length = x.length;
  const value = nanArray(length);
  const centre = Math.floor(offset * (period - 1));
  const spread = period / sigma;
  const weights = new Float64Array(period);
  let total = 0;
  for (let k = 0; k < period; k++) {
    const w = Math.exp(-((k - centre) * (k - centre)) / (2 * spread * spread));
    weights[k] = w;
    total += w;
  }
  let sum = 0;
  for (let k = 0; k < period; k++) {
    if (total !== 0) weights[k] = (weights[k] as number) / total;
    sum += weights[k] as number;
  }
  for (let t = Math.max(period - 1, 1); t < length; t++) {
    let weighted = 0;
    for (let k = 0, at = t - period + 1; k < period; k++, at++) weighted += (x[at] as number) * (weights[k] as number);
    value[t] = weighted / sum;
  }
  return { value };
}

import type { Bars } from './series.js';

/** Weights 1..n, the newest heaviest. Running sums keep it O(length) for any n. */
export function wma(bars: Bars, period: number) {
  const x = bars.close;
  const out = new Float64Array(x.length);
  const divisor = (period * (period + 1)) / 2;
  let weighted = 0; // Σ w_i·x_i over the window
  let plain = 0; // Σ x_i over the window
  for (let t = 0; t < x.length; t++) {
    const v = x[t] as number;
    if (t < period) {
      weighted += (t + 1) * v;
      plain += v;
    } else {
      // Every weight drops by one (−plain), the newest enters with weight n.
      weighted += period * v - plain;
      plain += v - (x[t - period] as number);
    }
    out[t] = t >= period - 1 ? weighted / divisor : Number.NaN;
  }
  return { value: out };
}

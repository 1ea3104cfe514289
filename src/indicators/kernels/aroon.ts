import { type Bars, nanArray } from './series.js';

/**
 * Bars since the highest value of sign·x within the window [t − n, t] (only n
 * bars at t = n − 1), ties going to the most recent bar. TTR's C code follows
 * the extreme as bars arrive and rescans, newest first, only when it ages out:
 * O(length) on average.
 */
function barsSinceExtreme(x: Float64Array, n: number, sign: number, out: Float64Array): Float64Array {
  let at = 0;
  for (let t = 0; t < x.length; t++) {
    if (sign * (x[t] as number) >= sign * (x[at] as number)) {
      at = t;
    } else if (at < t - n) {
      at = t;
      for (let k = t - 1; k >= t - n; k--) if (sign * (x[k] as number) > sign * (x[at] as number)) at = k;
    }
    if (t >= n - 1) out[t] = t - at;
  }
  return out;
}

/** Aroon up/down: 100·(n − bars since the n-bar high/low)/n; the oscillator is their difference. First at n − 1. */
export function aroon(bars: Bars, period: number) {
  const length = bars.close.length;
  const up = barsSinceExtreme(bars.high, period, 1, nanArray(length));
  const down = barsSinceExtreme(bars.low, period, -1, nanArray(length));
  const oscillator = nanArray(length);
  for (let t = period - 1; t < length; t++) {
    up[t] = (100 * (period - (up[t] as number))) / period;
    down[t] = (100 * (period - (down[t] as number))) / period;
    oscillator[t] = (up[t] as number) - (down[t] as number);
  }
  return { up, down, oscillator };
}

import type { Bars } from '../../prices/history.js';
import { smaInto } from './primitives.js';

/** SMA(C,n) ± stdDev × the population standard deviation of the last n closes. */
export function bollinger(bars: Bars, period: number, stdDev: number) {
  const x = bars.close;
  const length = x.length;
  // The middle band is the SMA kernel's own output, so it equals sma(period) to the bit.
  const middle = smaInto(x, period, new Float64Array(length));
  const upper = new Float64Array(length).fill(Number.NaN);
  const lower = new Float64Array(length).fill(Number.NaN);

  // The variance from running sums of deviations from an anchor, re-anchored
  // at a recent close every `period` bars (the sums are then rebuilt over the
  // previous window): O(length) for any period, and the
  // deviations stay small, so Σd² − (Σd)²/n loses nothing to cancellation.
  // A window without any change of close (a flat stretch) is exactly 0.
  let anchor = 0;
  let sum = 0;
  let squares = 0;
  let changes = 0; // closes in the window that differ from the one before
  let sinceAnchor = period; // re-anchor on the first bar
  for (let t = 0; t < length; t++) {
    if (sinceAnchor === period) {
      anchor = x[t] as number;
      sum = 0;
      squares = 0;
      for (let i = Math.max(0, t - period); i < t; i++) {
        const d = (x[i] as number) - anchor;
        sum += d;
        squares += d * d;
      }
      sinceAnchor = 0;
    }
    sinceAnchor++;
    const d = (x[t] as number) - anchor;
    sum += d;
    squares += d * d;
    if (t > 0 && x[t] !== x[t - 1]) changes++;
    if (t >= period) {
      const old = (x[t - period] as number) - anchor;
      sum -= old;
      squares -= old * old;
      if (x[t - period + 1] !== x[t - period]) changes--;
    }
    if (t >= period - 1) {
      const variance = changes === 0 ? 0 : Math.max((squares - (sum * sum) / period) / period, 0);
      const band = stdDev * Math.sqrt(variance);
      const mean = middle[t] as number;
      upper[t] = mean + band;
      lower[t] = mean - band;
    }
  }
  return { upper, middle, lower };
}

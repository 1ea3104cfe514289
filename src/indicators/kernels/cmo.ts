import type { Bars } from '../../prices/history.js';
import { runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Chande momentum oscillator: 100·(U − D)/(U + D), U and D the running sums of
 * the rises and falls of the close over n bars. A flat window is 0/0 (null)
 * only where TTR's running sums are exactly 0. First at n.
 */
export function cmo(bars: Bars, period: number) {
  const x = bars.close;
  const length = x.length;
  const rises = scratch(SLOT.sumA, length);
  const falls = scratch(SLOT.sumB, length);
  rises[0] = Number.NaN;
  falls[0] = Number.NaN;
  for (let t = 1; t < length; t++) {
    const d = (x[t] as number) - (x[t - 1] as number);
    rises[t] = Math.max(d, 0);
    falls[t] = Math.max(-d, 0);
  }
  const up = runSumInto(rises, period, scratch(SLOT.sumC, length));
  const down = runSumInto(falls, period, scratch(SLOT.sumD, length));
  const value = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    const u = up[t] as number;
    const d = down[t] as number;
    value[t] = (100 * (u - d)) / (u + d);
  }
  return { value };
}

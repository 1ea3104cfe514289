import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/**
 * Williams accumulation/distribution, the running total from bar 1 of
 * C − true low on an up close, C − true high on a down close, 0 when unchanged.
 */
export function williamsAD(bars: Bars) {
  const { high, low, close } = bars;
  const value = nanArray(close.length);
  let total = 0;
  for (let t = 1; t < close.length; t++) {
    const c = close[t] as number;
    const previous = close[t - 1] as number;
    if (c > previous) total += c - Math.min(low[t] as number, previous);
    else if (c < previous) total += c - Math.max(high[t] as number, previous);
    value[t] = total;
  }
  return { value };
}

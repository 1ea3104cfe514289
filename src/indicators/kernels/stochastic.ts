import type { Bars } from '../../prices/history.js';
import { rollingMaxInto, rollingMinInto, SLOT, scratch, smaInto } from './primitives.js';

/** fastK = 100·(C − LL)/(HH − LL) over kPeriod bars; fastD = SMA(fastK); slowD = SMA(fastD). */
export function stochastic(bars: Bars, kPeriod: number, dPeriod: number, slowDPeriod: number) {
  const length = bars.close.length;
  const fastK = rollingMaxInto(bars.high, kPeriod, new Float64Array(length));
  const lowest = rollingMinInto(bars.low, kPeriod, scratch(SLOT.lowest, length));
  for (let t = 0; t < length; t++) {
    const range = (fastK[t] as number) - (lowest[t] as number);
    // A zero range (a flat window) is 0/0: undefined, not TTR's 0.5.
    fastK[t] = range === 0 ? Number.NaN : (100 * ((bars.close[t] as number) - (lowest[t] as number))) / range;
  }
  const fastD = smaInto(fastK, dPeriod, new Float64Array(length));
  const slowD = smaInto(fastD, slowDPeriod, new Float64Array(length));
  return { fastK, fastD, slowD };
}

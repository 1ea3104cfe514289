import type { Bars } from '../../prices/history.js';
import { emaInto, nanArray, SLOT, scratch } from './primitives.js';

/**
 * 100·(e3_t / e3_{t−1} − 1), e3 the EMA of the EMA of the EMA of the close;
 * the signal is an EMA of TRIX over the same n (TTR's signal ignores nSig).
 * First values at 3n − 2 and 4n − 3.
 */
export function trix(bars: Bars, period: number) {
  const length = bars.close.length;
  const k = 2 / (period + 1);
  const once = emaInto(bars.close, period, k, scratch(SLOT.sumA, length));
  const twice = emaInto(once, period, k, scratch(SLOT.sumB, length));
  const thrice = emaInto(twice, period, k, scratch(SLOT.sumC, length));
  const value = nanArray(length);
  for (let t = 1; t < length; t++) value[t] = 100 * ((thrice[t] as number) / (thrice[t - 1] as number) - 1);
  return { value, signal: emaInto(value, period, k, new Float64Array(length)) };
}

import type { Bars } from '../../prices/history.js';
import { rollingMaxInto, rollingMinInto, SLOT, scratch } from './primitives.js';

/** −100·(HH − C)/(HH − LL) over the last n bars; null on a zero range. */
export function williamsR(bars: Bars, period: number) {
  const length = bars.close.length;
  const value = rollingMaxInto(bars.high, period, new Float64Array(length));
  const lowest = rollingMinInto(bars.low, period, scratch(SLOT.lowest, length));
  for (let t = 0; t < length; t++) {
    const highest = value[t] as number;
    const range = highest - (lowest[t] as number);
    value[t] = range === 0 ? Number.NaN : (-100 * (highest - (bars.close[t] as number))) / range;
  }
  return { value };
}

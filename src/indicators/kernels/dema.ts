import type { Bars } from '../../prices/history.js';
import { emaInto, SLOT, scratch } from './primitives.js';

/** 2·EMA(C,n) − EMA(EMA(C,n),n); the outer EMA is seeded on the first n defined inner values. */
export function dema(bars: Bars, period: number) {
  const length = bars.close.length;
  const k = 2 / (period + 1);
  const inner = emaInto(bars.close, period, k, scratch(SLOT.inner, length));
  const outer = emaInto(inner, period, k, new Float64Array(length));
  for (let t = 0; t < length; t++) outer[t] = 2 * (inner[t] as number) - (outer[t] as number);
  return { value: outer };
}

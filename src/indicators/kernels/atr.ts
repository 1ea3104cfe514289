import type { Bars } from '../../prices/history.js';
import { emaInto, trueRange } from './primitives.js';

/** Wilder's average of the true range, seeded with the mean of TR_1..TR_n; first at t = n. */
export function atr(bars: Bars, period: number) {
  return { value: emaInto(trueRange(bars), period, 1 / period, new Float64Array(bars.close.length)) };
}

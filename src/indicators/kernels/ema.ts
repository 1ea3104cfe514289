import type { Bars } from '../../prices/history.js';
import { emaInto } from './primitives.js';

/** k = 2/(n+1), seeded with the SMA of the first n closes at t = n-1. */
export function ema(bars: Bars, period: number) {
  return { value: emaInto(bars.close, period, 2 / (period + 1), new Float64Array(bars.close.length)) };
}

import type { Bars } from '../../prices/history.js';
import { wmaInto } from './primitives.js';

/** Weights 1..n, the newest heaviest. */
export function wma(bars: Bars, period: number) {
  return { value: wmaInto(bars.close, period, new Float64Array(bars.close.length)) };
}

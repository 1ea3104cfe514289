import type { Bars } from '../../prices/history.js';
import { smaInto } from './primitives.js';

/** Mean of the last n closes. */
export function sma(bars: Bars, period: number) {
  return { value: smaInto(bars.close, period, new Float64Array(bars.close.length)) };
}

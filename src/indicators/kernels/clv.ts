import type { Bars } from '../../prices/history.js';
import { clvInto } from './primitives.js';

/** Close location value ((C − L) − (H − C)) / (H − L), −1 to 1; 0 where H = L. */
export function clv(bars: Bars) {
  return { value: clvInto(bars, new Float64Array(bars.close.length)) };
}

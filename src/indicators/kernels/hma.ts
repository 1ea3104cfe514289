import type { Bars } from '../../prices/history.js';
import { SLOT, scratch, wmaInto } from './primitives.js';

/** Hull moving average: WMA(2·WMA(C, n/2) − WMA(C, n), √n), the lengths truncated. First at n + trunc(√n) − 2. */
export function hma(bars: Bars, period: number) {
  const length = bars.close.length;
  const half = wmaInto(bars.close, Math.trunc(period / 2), scratch(SLOT.sumA, length));
  const full = wmaInto(bars.close, period, scratch(SLOT.sumB, length));
  for (let t = 0; t < length; t++) full[t] = 2 * (half[t] as number) - (full[t] as number);
  return { value: wmaInto(full, Math.trunc(Math.sqrt(period)), new Float64Array(length)) };
}

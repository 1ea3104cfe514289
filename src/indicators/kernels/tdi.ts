import type { Bars } from '../../prices/history.js';
import { runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Trend detection index: di = Σ m over n bars, m_t = C_t − C_{t−n} (0 for the
 * first n bars, as TTR fills them); tdi = |di| − (Σ|m| over trunc(n·multiple)
 * bars − Σ|m| over n bars). First values: di at n − 1, tdi at max(n, q) − 1.
 */
export function tdi(bars: Bars, period: number, multiple: number) {
  const x = bars.close;
  const length = x.length;
  const change = scratch(SLOT.difference, length);
  const size = scratch(SLOT.product, length);
  for (let t = 0; t < length; t++) {
    const m = t < period ? 0 : (x[t] as number) - (x[t - period] as number);
    change[t] = m;
    size[t] = Math.abs(m);
  }
  const long = Math.trunc(period * multiple);
  const di = runSumInto(change, period, new Float64Array(length));
  const longer = runSumInto(size, long, scratch(SLOT.sumA, length));
  const shorter = runSumInto(size, period, scratch(SLOT.sumB, length));
  const value = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    value[t] = Math.abs(di[t] as number) - ((longer[t] as number) - (shorter[t] as number));
  }
  return { tdi: value, di };
}

import type { Bars } from '../../prices/history.js';
import { emaInto, trueRange } from './primitives.js';

/** Signal-to-noise ratio |C_t − C_{t−n}| / ATR(n) (Wilder's). First at n. */
export function snr(bars: Bars, period: number) {
  const x = bars.close;
  const value = emaInto(trueRange(bars), period, 1 / period, new Float64Array(x.length));
  for (let t = 0; t < x.length; t++) {
    value[t] = t < period ? Number.NaN : Math.abs((x[t] as number) - (x[t - period] as number)) / (value[t] as number);
  }
  return { value };
}

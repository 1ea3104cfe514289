import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/** C_t − C_{t−n}. */
export function momentum(bars: Bars, period: number) {
  const x = bars.close;
  const value = nanArray(x.length);
  for (let t = period; t < x.length; t++) value[t] = (x[t] as number) - (x[t - period] as number);
  return { value };
}

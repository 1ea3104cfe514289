import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/** 100·(C_t / C_{t−n} − 1). */
export function roc(bars: Bars, period: number) {
  const x = bars.close;
  const value = nanArray(x.length);
  for (let t = period; t < x.length; t++) value[t] = 100 * ((x[t] as number) / (x[t - period] as number) - 1);
  return { value };
}

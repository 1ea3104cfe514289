import type { Bars } from '../../prices/history.js';
import { emaInto, nanArray, SLOT, scratch } from './primitives.js';

/** 100·(m_t / m_{t−n} − 1) with m = EMA(H − L, n): the change of the average range over n bars, in percent. First at 2n − 1. */
export function chaikinVolatility(bars: Bars, period: number) {
  const { high, low } = bars;
  const length = high.length;
  const range = scratch(SLOT.difference, length);
  for (let t = 0; t < length; t++) range[t] = (high[t] as number) - (low[t] as number);
  const average = emaInto(range, period, 2 / (period + 1), scratch(SLOT.average, length));
  const value = nanArray(length);
  for (let t = 2 * period - 1; t < length; t++) {
    value[t] = 100 * ((average[t] as number) / (average[t - period] as number) - 1);
  }
  return { value };
}

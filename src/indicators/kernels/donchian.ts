import type { Bars } from '../../prices/history.js';
import { rollingMaxInto, rollingMinInto } from './primitives.js';

/** Highest high and lowest low of the last n bars including today, and their mean. */
export function donchian(bars: Bars, period: number) {
  const length = bars.close.length;
  const upper = rollingMaxInto(bars.high, period, new Float64Array(length));
  const lower = rollingMinInto(bars.low, period, new Float64Array(length));
  const middle = new Float64Array(length);
  for (let t = 0; t < length; t++) middle[t] = ((upper[t] as number) + (lower[t] as number)) / 2;
  return { upper, middle, lower };
}

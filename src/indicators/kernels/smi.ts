import type { Bars } from '../../prices/history.js';
import { emaInto, rollingMaxInto, rollingMinInto, SLOT, scratch } from './primitives.js';

/**
 * Stochastic momentum index: 100·num/(den/2), num the double EMA (slow, then
 * fast) of the close's distance from the middle of the n-bar range and den that
 * of the range (the first n − 1 bars use their own high and low); the signal
 * is an EMA of SMI. First values at slow + fast − 2 and slow + fast + signal − 3.
 */
export function smi(bars: Bars, period: number, fast: number, slow: number, signal: number) {
  const { high, low, close } = bars;
  const length = close.length;
  const highest = rollingMaxInto(high, period, scratch(SLOT.sumA, length));
  const lowest = rollingMinInto(low, period, scratch(SLOT.sumB, length));
  const distance = scratch(SLOT.difference, length);
  for (let t = 0; t < length; t++) {
    const h = t < period - 1 ? (high[t] as number) : (highest[t] as number);
    const l = t < period - 1 ? (low[t] as number) : (lowest[t] as number);
    highest[t] = h - l;
    distance[t] = (close[t] as number) - (h + l) / 2;
  }
  const slowK = 2 / (slow + 1);
  const fastK = 2 / (fast + 1);
  const numerator = emaInto(emaInto(distance, slow, slowK, lowest), fast, fastK, scratch(SLOT.sumC, length));
  const denominator = emaInto(emaInto(highest, slow, slowK, distance), fast, fastK, scratch(SLOT.sumD, length));
  const value = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    value[t] = 100 * ((numerator[t] as number) / ((denominator[t] as number) / 2));
  }
  return { value, signal: emaInto(value, signal, 2 / (signal + 1), new Float64Array(length)) };
}

import type { Bars } from '../../prices/history.js';
import { nanArray, SLOT, scratch } from './primitives.js';

/** √annualization × the sample standard deviation of the n−1 log returns inside the last n closes. */
export function volatility(bars: Bars, period: number, annualization = 252) {
  const x = bars.close;
  const value = nanArray(x.length);
  const count = period - 1;
  if (count < 2) return { value }; // a sample deviation needs two returns
  const returns = scratch(SLOT.returns, x.length);
  returns[0] = 0;
  for (let t = 1; t < x.length; t++) returns[t] = Math.log((x[t] as number) / (x[t - 1] as number));
  // Running sums of the window's returns and squared returns: O(length) for
  // any n. A window whose returns are all zero (a flat stretch) is exactly 0,
  // not the rounding residue that values leaving the sums leave behind.
  let sum = 0;
  let squares = 0;
  let nonZero = 0;
  for (let t = 1; t < x.length; t++) {
    const r = returns[t] as number;
    sum += r;
    squares += r * r;
    if (r !== 0) nonZero++;
    if (t > count) {
      const old = returns[t - count] as number;
      sum -= old;
      squares -= old * old;
      if (old !== 0) nonZero--;
    }
    if (t >= count) {
      if (nonZero === 0) {
        sum = 0;
        squares = 0;
      }
      const variance = (squares - (sum * sum) / count) / (count - 1);
      value[t] = Math.sqrt(annualization * Math.max(variance, 0));
    }
  }
  return { value };
}

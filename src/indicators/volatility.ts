import { type Bars, nanArray } from './series.js';

const TRADING_DAYS = 252;

/** √252 × the sample standard deviation of the n−1 log returns inside the last n closes. */
export function volatility(bars: Bars, period: number) {
  const x = bars.close;
  const value = nanArray(x.length);
  const count = period - 1;
  if (count < 2) return { value }; // a sample deviation needs two returns
  const returns = new Float64Array(x.length);
  for (let t = 1; t < x.length; t++) returns[t] = Math.log((x[t] as number) / (x[t - 1] as number));
  for (let t = period - 1; t < x.length; t++) {
    let sum = 0;
    for (let i = t - count + 1; i <= t; i++) sum += returns[i] as number;
    const mean = sum / count;
    let squares = 0;
    for (let i = t - count + 1; i <= t; i++) {
      const d = (returns[i] as number) - mean;
      squares += d * d;
    }
    value[t] = Math.sqrt((TRADING_DAYS * squares) / (count - 1));
  }
  return { value };
}

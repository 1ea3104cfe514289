import { type Bars, smaInto } from './series.js';

/** SMA(C,n) ± stdDev × the population standard deviation of the last n closes. */
export function bollinger(bars: Bars, period: number, stdDev: number) {
  const x = bars.close;
  const middle = smaInto(x, period, new Float64Array(x.length));
  const upper = new Float64Array(x.length);
  const lower = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) {
    const mean = middle[t] as number;
    if (Number.isNaN(mean)) {
      upper[t] = lower[t] = Number.NaN;
      continue;
    }
    // Two passes over the window: exact for flat stretches, where the one-pass
    // E[x²] − mean² formula can go negative.
    let squares = 0;
    for (let i = t - period + 1; i <= t; i++) {
      const d = (x[i] as number) - mean;
      squares += d * d;
    }
    const band = stdDev * Math.sqrt(squares / period);
    upper[t] = mean + band;
    lower[t] = mean - band;
  }
  return { upper, middle, lower };
}

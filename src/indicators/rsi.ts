import { type Bars, nanArray } from './series.js';

/**
 * Wilder's RSI: gains and losses of d_t = C_t − C_{t−1}, each smoothed with
 * k = 1/n from the mean of the first n; first value at t = n. The averages are
 * returned too: they are the state that lets appended bars continue the series.
 */
export function rsi(bars: Bars, period: number) {
  const x = bars.close;
  const value = nanArray(x.length);
  const avgGain = nanArray(x.length);
  const avgLoss = nanArray(x.length);
  if (x.length <= period) return { value, avgGain, avgLoss };
  let gain = 0;
  let loss = 0;
  for (let t = 1; t <= period; t++) {
    const d = (x[t] as number) - (x[t - 1] as number);
    if (d > 0) gain += d;
    else loss -= d;
  }
  gain /= period;
  loss /= period;
  for (let t = period; t < x.length; t++) {
    if (t > period) {
      const d = (x[t] as number) - (x[t - 1] as number);
      gain += (Math.max(d, 0) - gain) / period;
      loss += (Math.max(-d, 0) - loss) / period;
    }
    avgGain[t] = gain;
    avgLoss[t] = loss;
    value[t] = (100 * gain) / (gain + loss); // 0/0 on a flat stretch: NaN, served as null
  }
  return { value, avgGain, avgLoss };
}

import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

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
  return rsiFrom(x, period, period, gain / period, loss / period, { value, avgGain, avgLoss });
}

type RsiOutputs = { value: Float64Array; avgGain: Float64Array; avgLoss: Float64Array };

/**
 * Wilder's recursion from bar `start` on, given the averages at `start` (the
 * seed) or at start − 1 (a stored state, with start > period): the one loop
 * both the full kernel and the incremental maintenance of stored RSI run.
 */
export function rsiFrom(
  x: Float64Array,
  period: number,
  start: number,
  gain: number,
  loss: number,
  out: RsiOutputs,
): RsiOutputs {
  for (let t = start; t < x.length; t++) {
    if (t > period) {
      const d = (x[t] as number) - (x[t - 1] as number);
      gain += (Math.max(d, 0) - gain) / period;
      loss += (Math.max(-d, 0) - loss) / period;
    }
    out.avgGain[t] = gain;
    out.avgLoss[t] = loss;
    out.value[t] = (100 * gain) / (gain + loss); // 0/0 on a flat stretch: NaN, served as null
  }
  return out;
}

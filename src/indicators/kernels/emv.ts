import type { Bars } from '../../prices/history.js';
import { nanArray, runSumInto } from './primitives.js';

/**
 * Ease of movement: the move of the high-low midpoint divided by
 * (V / volumeDivisor) / (H − L), and its SMA over n bars. H = L gives 0; zero
 * volume gives ±Infinity (null), which holds the average at ±Infinity for n
 * bars and NaN after, and a 0/0 one that makes the average NaN from there on:
 * where TTR's SMA refuses the series, the values before the bar are kept.
 * First values at 1 and n.
 */
export function emv(bars: Bars, period: number, volumeDivisor: number) {
  const { high, low, volume } = bars;
  const length = high.length;
  const value = nanArray(length);
  for (let t = 1; t < length; t++) {
    const move =
      ((high[t] as number) + (low[t] as number)) / 2 - ((high[t - 1] as number) + (low[t - 1] as number)) / 2;
    value[t] = move / ((volume[t] as number) / volumeDivisor / ((high[t] as number) - (low[t] as number)));
  }
  const ma = runSumInto(value, period, new Float64Array(length));
  for (let t = 0; t < length; t++) ma[t] = (ma[t] as number) / period;
  return { emv: value, ma };
}

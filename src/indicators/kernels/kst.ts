import type { Bars } from '../../prices/history.js';
import { nanArray, runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Know Sure Thing: 100·Σ w_k·SMA(ROC(C, roc_k), sma_k), with TTR's default
 * continuous ROC (log C_t − log C_{t−roc_k}); the signal is its SMA. First at
 * max_k(roc_k + sma_k) − 1.
 */
export function kst(
  bars: Bars,
  rocPeriods: readonly number[],
  smaPeriods: readonly number[],
  signalPeriod: number,
  weights: readonly number[],
) {
  const x = bars.close;
  const length = x.length;
  const logs = scratch(SLOT.difference, length);
  for (let t = 0; t < length; t++) logs[t] = Math.log(x[t] as number);
  const change = scratch(SLOT.sumA, length);
  const sums = scratch(SLOT.sumB, length);
  const value = new Float64Array(length); // 0, then Σ w_k·SMA_k term by term, left to right
  for (let k = 0; k < rocPeriods.length; k++) {
    const lag = rocPeriods[k] as number;
    const n = smaPeriods[k] as number;
    const weight = weights[k] as number;
    change.fill(Number.NaN, 0, Math.min(lag, length));
    for (let t = lag; t < length; t++) change[t] = (logs[t] as number) - (logs[t - lag] as number);
    runSumInto(change, n, sums);
    for (let t = 0; t < length; t++) value[t] = (value[t] as number) + ((sums[t] as number) / n) * weight;
  }
  for (let t = 0; t < length; t++) value[t] = 100 * (value[t] as number);
  const signal = runSumInto(value, signalPeriod, nanArray(length));
  for (let t = 0; t < length; t++) signal[t] = (signal[t] as number) / signalPeriod;
  return { value, signal };
}

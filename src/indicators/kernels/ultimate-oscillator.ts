import type { Bars } from '../../prices/history.js';
import { nanArray, runSumInto, SLOT, scratch, trueRange } from './primitives.js';

/**
 * 100·Σ w_k·(ΣBP/ΣTR over periods_k) / Σ w_k, BP = C − min(L, previous C).
 * A window without any true range is 0/0 or residue/residue, as TTR's running
 * sums give it. First at the longest period.
 */
export function ultimateOscillator(bars: Bars, periods: readonly number[], weights: readonly number[]) {
  const { low, close } = bars;
  const length = close.length;
  const pressure = scratch(SLOT.product, length);
  pressure[0] = Number.NaN;
  for (let t = 1; t < length; t++) {
    pressure[t] = (close[t] as number) - Math.min(low[t] as number, close[t - 1] as number);
  }
  const range = trueRange(bars);
  const pressures = scratch(SLOT.sumA, length);
  const ranges = scratch(SLOT.sumB, length);
  const value = nanArray(length);
  value.fill(0, 1);
  let totalWeight = 0;
  for (let k = 0; k < periods.length; k++) {
    const weight = weights[k] as number;
    totalWeight += weight;
    runSumInto(pressure, periods[k] as number, pressures);
    runSumInto(range, periods[k] as number, ranges);
    for (let t = 0; t < length; t++) {
      value[t] = (value[t] as number) + weight * ((pressures[t] as number) / (ranges[t] as number));
    }
  }
  for (let t = 0; t < length; t++) value[t] = (100 * (value[t] as number)) / totalWeight;
  return { value };
}

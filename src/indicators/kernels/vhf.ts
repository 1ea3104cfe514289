import type { Bars } from '../../prices/history.js';
import { rollingMaxInto, rollingMinInto, runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Vertical horizontal filter: (highest − lowest close of n bars) / Σ|C_t − C_{t−1}|
 * over n bars (TTR's running sum: a flat window is 0/0 or 0/residue). First at n.
 */
export function vhf(bars: Bars, period: number) {
  const x = bars.close;
  const length = x.length;
  const moves = scratch(SLOT.difference, length);
  moves[0] = Number.NaN;
  for (let t = 1; t < length; t++) moves[t] = Math.abs((x[t] as number) - (x[t - 1] as number));
  const travelled = runSumInto(moves, period, scratch(SLOT.sumA, length));
  const value = rollingMaxInto(x, period, new Float64Array(length));
  const lowest = rollingMinInto(x, period, scratch(SLOT.lowest, length));
  for (let t = 0; t < length; t++) {
    value[t] = ((value[t] as number) - (lowest[t] as number)) / (travelled[t] as number);
  }
  return { value };
}

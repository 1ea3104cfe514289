import type { Bars } from '../../prices/history.js';
import { runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Σ C·V / Σ V over the last n bars, as TTR's running sums (a zero-volume
 * window is 0/0 or residue/residue). TTR blanks the first n − 1 bars, and the
 * first bar even when n = 1; so does this.
 */
export function vwap(bars: Bars, period: number) {
  const { close, volume } = bars;
  const length = close.length;
  const traded = scratch(SLOT.product, length);
  for (let t = 0; t < length; t++) traded[t] = (close[t] as number) * (volume[t] as number);
  const value = runSumInto(traded, period, new Float64Array(length));
  const volumes = runSumInto(volume, period, scratch(SLOT.sumA, length));
  for (let t = 0; t < length; t++) value[t] = (value[t] as number) / (volumes[t] as number);
  value.fill(Number.NaN, 0, Math.min(Math.max(period - 1, 1), length));
  return { value };
}

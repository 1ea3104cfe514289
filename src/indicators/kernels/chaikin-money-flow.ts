import type { Bars } from '../../prices/history.js';
import { clvInto, runSumInto, SLOT, scratch } from './primitives.js';

/**
 * Σ CLV·V / Σ V over the last n bars, both as TTR's running sums: a window of
 * zero volume is 0/0 or residue/residue, as TTR computes it. First at n − 1.
 */
export function chaikinMoneyFlow(bars: Bars, period: number) {
  const { volume } = bars;
  const length = volume.length;
  const flow = clvInto(bars, scratch(SLOT.product, length));
  for (let t = 0; t < length; t++) flow[t] = (flow[t] as number) * (volume[t] as number);
  const value = runSumInto(flow, period, new Float64Array(length));
  const volumes = runSumInto(volume, period, scratch(SLOT.sumA, length));
  for (let t = 0; t < length; t++) value[t] = (value[t] as number) / (volumes[t] as number);
  return { value };
}

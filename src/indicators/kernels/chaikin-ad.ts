import type { Bars } from '../../prices/history.js';
import { clvInto } from './primitives.js';

/** Accumulation/distribution: the running total of CLV·V from the first bar of the history. */
export function chaikinAD(bars: Bars) {
  const { volume } = bars;
  const value = clvInto(bars, new Float64Array(volume.length));
  let total = 0;
  for (let t = 0; t < value.length; t++) {
    total += (value[t] as number) * (volume[t] as number);
    value[t] = total;
  }
  return { value };
}

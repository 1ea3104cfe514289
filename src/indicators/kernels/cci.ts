import type { Bars } from '../../prices/history.js';
import { SLOT, scratch, smaInto } from './primitives.js';

/** (TP − SMA(TP,n)) / (0.015 × mean absolute deviation of the last n TP from that SMA). */
export function cci(bars: Bars, period: number) {
  const { high, low, close } = bars;
  const length = close.length;
  const typical = scratch(SLOT.typical, length);
  for (let t = 0; t < length; t++) typical[t] = ((high[t] as number) + (low[t] as number) + (close[t] as number)) / 3;
  const value = smaInto(typical, period, new Float64Array(length));
  for (let t = period - 1; t < length; t++) {
    const mean = value[t] as number;
    let deviation = 0;
    for (let i = t - period + 1; i <= t; i++) deviation += Math.abs((typical[i] as number) - mean);
    value[t] = ((typical[t] as number) - mean) / ((0.015 * deviation) / period);
  }
  return { value };
}

import type { Bars } from '../../prices/history.js';
import { emaInto, nanArray, SLOT, scratch, trueRange } from './primitives.js';

/** EMA(n) of the typical price ± multiplier × Wilder's ATR(n). First values: middle at n − 1, the bands at n. */
export function keltner(bars: Bars, period: number, multiplier: number) {
  const { high, low, close } = bars;
  const length = close.length;
  const typical = scratch(SLOT.typical, length);
  for (let t = 0; t < length; t++) typical[t] = ((high[t] as number) + (low[t] as number) + (close[t] as number)) / 3;
  const middle = emaInto(typical, period, 2 / (period + 1), new Float64Array(length));
  const range = emaInto(trueRange(bars), period, 1 / period, scratch(SLOT.average, length));
  const upper = nanArray(length);
  const lower = nanArray(length);
  for (let t = 0; t < length; t++) {
    const band = multiplier * (range[t] as number);
    upper[t] = (middle[t] as number) + band;
    lower[t] = (middle[t] as number) - band;
  }
  return { upper, middle, lower };
}

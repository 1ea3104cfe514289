import type { Bars } from '../../prices/history.js';
import { emaInto, SLOT, scratch } from './primitives.js';

/** EMA(C,fast) − EMA(C,slow); signal = EMA of that, seeded on its first `signal` defined values. */
export function macd(bars: Bars, fast: number, slow: number, signal: number) {
  const length = bars.close.length;
  const fastEma = emaInto(bars.close, fast, 2 / (fast + 1), scratch(SLOT.inner, length));
  const line = emaInto(bars.close, slow, 2 / (slow + 1), new Float64Array(length));
  for (let t = 0; t < length; t++) line[t] = (fastEma[t] as number) - (line[t] as number);
  const signalLine = emaInto(line, signal, 2 / (signal + 1), new Float64Array(length));
  const histogram = new Float64Array(length);
  for (let t = 0; t < length; t++) histogram[t] = (line[t] as number) - (signalLine[t] as number);
  return { macd: line, signal: signalLine, histogram };
}

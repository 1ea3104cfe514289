import type { Bars } from '../../prices/history.js';
import { nanArray, SLOT, scratch } from './primitives.js';

/** Typical prices within this relative distance are a tie: no flow either way. */
const TIE = 1e-10;

/** 100 − 100/(1 + ΣPMF/ΣNMF) over the last n bars of money flow TP·V; first at t = n. */
export function mfi(bars: Bars, period: number) {
  const { high, low, close, volume } = bars;
  const length = close.length;
  const value = nanArray(length);
  const positive = scratch(SLOT.flowUp, length).fill(0);
  const negative = scratch(SLOT.flowDown, length).fill(0);
  let previous = ((high[0] as number) + (low[0] as number) + (close[0] as number)) / 3;
  let sumPositive = 0;
  let sumNegative = 0;
  // How many bars of the window carry each kind of flow: running sums leave
  // rounding residue behind when flows leave the window, so an empty side is
  // set to exactly 0 rather than to that residue.
  let countPositive = 0;
  let countNegative = 0;
  for (let t = 1; t < length; t++) {
    const tp = ((high[t] as number) + (low[t] as number) + (close[t] as number)) / 3;
    const flow = tp * (volume[t] as number);
    // Bars quoted in cents tie often; one rounding unit must not flip a flow's sign.
    if (Math.abs(tp - previous) > TIE * Math.max(Math.abs(tp), Math.abs(previous))) {
      if (tp > previous) positive[t] = flow;
      else negative[t] = flow;
    }
    previous = tp;
    sumPositive += positive[t] as number;
    sumNegative += negative[t] as number;
    if ((positive[t] as number) > 0) countPositive++;
    if ((negative[t] as number) > 0) countNegative++;
    if (t > period) {
      const leaving = t - period;
      sumPositive -= positive[leaving] as number;
      sumNegative -= negative[leaving] as number;
      if ((positive[leaving] as number) > 0) countPositive--;
      if ((negative[leaving] as number) > 0) countNegative--;
    }
    if (countPositive === 0) sumPositive = 0;
    if (countNegative === 0) sumNegative = 0;
    if (t >= period) value[t] = 100 - 100 / (1 + sumPositive / sumNegative);
  }
  return { value };
}

import type { Bars } from '../../prices/history.js';
import { emaInto, nanArray, trueRange } from './primitives.js';

/**
 * Wilder's directional movement. +DM/−DM from t = 1 (0 when the moves tie or
 * neither is a positive excess); +DM, −DM and TR summed with Wilder's running
 * sum S_t = S_{t−1}·(n−1)/n + x_t, started at t = n−1 with the plain sum of
 * x_1..x_{n−1}; DI first at t = n; ADX = Wilder's average of DX, first at 2n−1.
 */
export function adx(bars: Bars, period: number) {
  const { high, low } = bars;
  const length = high.length;
  const plusDI = nanArray(length);
  const minusDI = nanArray(length);
  const dx = nanArray(length);
  const tr = trueRange(bars);
  if (length > period && period >= 1) {
    let sumTr = 0;
    let sumPlus = 0;
    let sumMinus = 0;
    const decay = (period - 1) / period;
    for (let t = 1; t < length; t++) {
      const up = (high[t] as number) - (high[t - 1] as number);
      const down = (low[t - 1] as number) - (low[t] as number);
      const plus = up > down && up > 0 ? up : 0;
      const minus = down > up && down > 0 ? down : 0;
      if (t < period) {
        sumTr += tr[t] as number;
        sumPlus += plus;
        sumMinus += minus;
        continue;
      }
      sumTr = sumTr * decay + (tr[t] as number);
      sumPlus = sumPlus * decay + plus;
      sumMinus = sumMinus * decay + minus;
      const p = (100 * sumPlus) / sumTr;
      const m = (100 * sumMinus) / sumTr;
      plusDI[t] = p;
      minusDI[t] = m;
      dx[t] = (100 * Math.abs(p - m)) / (p + m);
    }
  }
  const value = emaInto(dx, period, 1 / period, new Float64Array(length));
  return { adx: value, plusDI, minusDI };
}

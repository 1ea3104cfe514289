import type { Bars } from '../../prices/history.js';

/** OBV_0 = V_0; then + V_t when the close rose, − V_t when it fell. */
export function obv(bars: Bars) {
  const { close, volume } = bars;
  const value = new Float64Array(close.length);
  if (close.length === 0) return { value };
  let total = volume[0] as number;
  value[0] = total;
  for (let t = 1; t < close.length; t++) {
    const c = close[t] as number;
    const p = close[t - 1] as number;
    if (c > p) total += volume[t] as number;
    else if (c < p) total -= volume[t] as number;
    value[t] = total;
  }
  return { value };
}

import { type Bars, nanArray, SLOT, scratch } from './series.js';

/**
 * Correlation trend indicator: the Spearman correlation of the last n closes
 * with time, −1 to 1 (ties share their average rank); null where the window is
 * flat. Each value's rank is kept as twice the number of smaller values plus
 * the number of equal ones, updated as values enter and leave the window: O(n)
 * a bar rather than a sort. Ranks are half-integers, so the sums are exact.
 */
export function cti(bars: Bars, period: number) {
  const x = bars.close;
  const length = x.length;
  const value = nanArray(length);
  const window = scratch(SLOT.sumA, period); // oldest first
  const counts = scratch(SLOT.sumB, period);
  const middle = (period + 1) / 2;
  const timeSquares = (period * (period * period - 1)) / 12; // Σ (i − middle)², i = 1..n
  let size = 0;
  for (let t = 0; t < length; t++) {
    if (size === period) {
      const leaving = window[0] as number;
      for (let j = 1; j < period; j++) {
        const v = window[j] as number;
        if (v > leaving) counts[j] = (counts[j] as number) - 2;
        else if (v === leaving) counts[j] = (counts[j] as number) - 1;
      }
      window.copyWithin(0, 1);
      counts.copyWithin(0, 1);
      size--;
    }
    const entering = x[t] as number;
    let count = 0;
    for (let j = 0; j < size; j++) {
      const v = window[j] as number;
      if (v < entering) count += 2;
      else if (v > entering) counts[j] = (counts[j] as number) + 2;
      else {
        count += 1;
        counts[j] = (counts[j] as number) + 1;
      }
    }
    window[size] = entering;
    counts[size] = count;
    size++;
    if (size === period) {
      let cross = 0;
      let squares = 0;
      for (let j = 0; j < period; j++) {
        const rank = 1 + (counts[j] as number) / 2 - middle;
        cross += rank * (j + 1 - middle);
        squares += rank * rank;
      }
      value[t] = cross / Math.sqrt(squares * timeSquares);
    }
  }
  return { value };
}

import type { Bars } from '../../prices/history.js';
import { nanArray, SLOT, scratch } from './primitives.js';

/**
 * Correlation trend indicator: the Spearman correlation of the last n closes
 * with time, −1 to 1 (ties share their average rank); null where the window is
 * flat. Each value's rank is kept as twice the number of smaller values plus
 * the number of equal ones, updated as values leave and enter the window (a
 * ring of n slots): O(n) a bar rather than a sort. Ranks are half-integers, so
 * the sums are exact.
 */
export function cti(bars: Bars, period: number) {
  const x = bars.close;
  const length = x.length;
  const value = nanArray(length);
  const window = scratch(SLOT.sumA, period);
  const counts = scratch(SLOT.sumB, period);
  const middle = (period + 1) / 2;
  const timeSquares = (period * (period * period - 1)) / 12; // Σ (i − middle)², i = 1..n
  let oldest = 0; // the slot of the oldest value once the ring is full
  for (let t = 0; t < length; t++) {
    const full = t >= period;
    if (full) {
      // The oldest leaves: values above it lose a rank, values equal to it half of one.
      const leaving = window[oldest] as number;
      for (let j = 0; j < period; j++) {
        const v = window[j] as number;
        if (v > leaving) counts[j] = (counts[j] as number) - 2;
        else if (v === leaving) counts[j] = (counts[j] as number) - 1;
      }
    }
    // The newest enters the slot the oldest left; the others, oldest first,
    // take its rank into theirs, and their terms of the correlation are summed.
    const entering = x[t] as number;
    const slot = full ? oldest : t;
    const others = full ? period - 1 : t;
    let j = full ? (oldest + 1) % period : 0;
    let count = 0;
    let cross = 0;
    let squares = 0;
    for (let k = 0; k < others; k++) {
      const v = window[j] as number;
      let c = counts[j] as number;
      if (v < entering) count += 2;
      else if (v > entering) c += 2;
      else {
        count += 1;
        c += 1;
      }
      counts[j] = c;
      const rank = 1 + c / 2 - middle;
      cross += rank * (k + 1 - middle);
      squares += rank * rank;
      j = j + 1 === period ? 0 : j + 1;
    }
    window[slot] = entering;
    counts[slot] = count;
    if (full) oldest = oldest + 1 === period ? 0 : oldest + 1;
    if (t >= period - 1) {
      const rank = 1 + count / 2 - middle;
      cross += rank * (period - middle);
      squares += rank * rank;
      value[t] = cross / Math.sqrt(squares * timeSquares);
    }
  }
  return { value };
}

// Shared building blocks of the kernels. Series are Float64Arrays indexed by bar
// (t = 0 is the oldest); NaN marks "not defined" (warm-up, or 0/0) and becomes
// null in responses. Every helper writes into a caller-provided array so that a
// kernel allocates its outputs and little else.
import type { Bars } from '../../prices/history.js';

/**
 * Reusable temporaries. Kernels are synchronous, so a temporary lives only
 * inside one call; reusing them spares the allocator and the garbage collector
 * (large typed arrays are external memory, which makes V8 collect early).
 * Each caller takes its own slot so that one kernel's temporaries never alias.
 */
const scratchSlots: Float64Array[] = [];

export function scratch(slot: number, length: number): Float64Array {
  let buffer = scratchSlots[slot];
  if (!buffer || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, 1024));
    scratchSlots[slot] = buffer;
  }
  return buffer.subarray(0, length);
}

/** Scratch slots by user, so that no two live temporaries share one. */
export const SLOT = {
  rollingLeft: 0,
  rollingRight: 1,
  trueRange: 2,
  typical: 3,
  returns: 4,
  inner: 5,
  flowUp: 6,
  flowDown: 7,
  lowest: 8,
  // The kernels of the second set (TTR's primitives below).
  product: 9,
  sumA: 10,
  sumB: 11,
  sumC: 12,
  sumD: 13,
  difference: 14,
  average: 15,
  covariance: 16,
  varianceX: 17,
  varianceY: 18,
  joinedAt: 19,
  joinedAsset: 20,
  joinedBenchmark: 21,
  scaledX: 22,
  scaledY: 23,
} as const;

export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** Index of the first non-NaN value, or x.length. */
export function firstDefined(x: Float64Array): number {
  let i = 0;
  while (i < x.length && Number.isNaN(x[i] as number)) i++;
  return i;
}

/**
 * Simple moving average. A window that holds a NaN is NaN, so leading warm-ups
 * and 0/0 points inside a series both propagate as TTR's SMA does.
 */
export function smaInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  let sum = 0;
  let nans = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t] as number;
    if (Number.isNaN(v)) nans++;
    else sum += v;
    if (t >= n) {
      const old = x[t - n] as number;
      if (Number.isNaN(old)) nans--;
      else sum -= old;
    }
    out[t] = t >= n - 1 && nans === 0 ? sum / n : Number.NaN;
  }
  return out;
}

/**
 * Exponential average with smoothing k, seeded with the mean of the first n
 * defined values (TTR's EMA): the first value sits at (first defined) + n - 1.
 * k = 2/(n+1) is the usual EMA, k = 1/n Wilder's.
 */
export function emaInto(x: Float64Array, n: number, k: number, out: Float64Array): Float64Array {
  out.fill(Number.NaN);
  const start = firstDefined(x);
  const seedAt = start + n - 1;
  if (seedAt >= x.length) return out;
  let sum = 0;
  for (let t = start; t <= seedAt; t++) sum += x[t] as number;
  out[seedAt] = sum / n;
  return emaFrom(x, k, seedAt + 1, sum / n, out);
}

/**
 * Carries an exponential average on from `start`, given its value at start − 1:
 * the recursion of emaInto, so a series continued from a stored value equals
 * the one computed over the whole history to the bit.
 */
export function emaFrom(x: Float64Array, k: number, start: number, previous: number, out: Float64Array): Float64Array {
  let e = previous;
  for (let t = start; t < x.length; t++) {
    e += k * ((x[t] as number) - e);
    out[t] = e;
  }
  return out;
}

/**
 * Highest value over the last n entries including t, by van Herk/Gil-Werman:
 * within blocks of n, a running max from the left and one from the right; a
 * window always spans the end of one block and the start of the next, so its
 * max is max(fromRight[t − n + 1], fromLeft[t]). Three comparisons per value,
 * for any n, and no branches that depend on the data.
 */
export function rollingMaxInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  const length = x.length;
  const fromLeft = scratch(SLOT.rollingLeft, length);
  const fromRight = scratch(SLOT.rollingRight, length);
  // Block boundaries are counted, not computed with %, which costs more than the rest.
  for (let blockStart = 0; blockStart < length; blockStart += n) {
    const blockEnd = Math.min(blockStart + n, length) - 1;
    let running = x[blockStart] as number;
    fromLeft[blockStart] = running;
    for (let t = blockStart + 1; t <= blockEnd; t++) {
      running = Math.max(running, x[t] as number);
      fromLeft[t] = running;
    }
    running = x[blockEnd] as number;
    fromRight[blockEnd] = running;
    for (let t = blockEnd - 1; t >= blockStart; t--) {
      running = Math.max(running, x[t] as number);
      fromRight[t] = running;
    }
  }
  for (let t = 0; t < length; t++) {
    out[t] = t >= n - 1 ? Math.max(fromRight[t - n + 1] as number, fromLeft[t] as number) : Number.NaN;
  }
  return out;
}

/**
 * rollingMaxInto's twin for the lowest value. Written out twice on purpose: one
 * function taking Math.max or Math.min as a parameter made the minimum 1.75×
 * slower (28 → 51 µs over 5,000 bars), as the call site turns polymorphic.
 */
export function rollingMinInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  const length = x.length;
  const fromLeft = scratch(SLOT.rollingLeft, length);
  const fromRight = scratch(SLOT.rollingRight, length);
  // Block boundaries are counted, not computed with %, which costs more than the rest.
  for (let blockStart = 0; blockStart < length; blockStart += n) {
    const blockEnd = Math.min(blockStart + n, length) - 1;
    let running = x[blockStart] as number;
    fromLeft[blockStart] = running;
    for (let t = blockStart + 1; t <= blockEnd; t++) {
      running = Math.min(running, x[t] as number);
      fromLeft[t] = running;
    }
    running = x[blockEnd] as number;
    fromRight[blockEnd] = running;
    for (let t = blockEnd - 1; t >= blockStart; t--) {
      running = Math.min(running, x[t] as number);
      fromRight[t] = running;
    }
  }
  for (let t = 0; t < length; t++) {
    out[t] = t >= n - 1 ? Math.min(fromRight[t - n + 1] as number, fromLeft[t] as number) : Number.NaN;
  }
  return out;
}

/** True range from t = 1: max(H_t, C_{t-1}) - min(L_t, C_{t-1}); NaN at t = 0. A scratch array. */
export function trueRange(bars: Bars): Float64Array {
  const { high, low, close } = bars;
  const tr = scratch(SLOT.trueRange, close.length);
  tr[0] = Number.NaN;
  for (let t = 1; t < close.length; t++) {
    const previous = close[t - 1] as number;
    tr[t] = Math.max(high[t] as number, previous) - Math.min(low[t] as number, previous);
  }
  return tr;
}

/**
 * TTR's runSum: from the first defined value f, out[f+n−1] is x[f] + … + x[f+n−1]
 * added in order, then each bar adds the newest value and takes away the oldest,
 * (out[t−1] + x[t]) − x[t−n]. Incremental on purpose, like TTR's C code: a window
 * of zeros after larger values keeps a few ulps of residue rather than 0, and
 * whether a later ratio is 0/0 (null) or residue/residue (a number) depends on it.
 * A NaN or ±Infinity after f carries on as IEEE arithmetic does: NaN from there on.
 */
export function runSumInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  const length = x.length;
  const start = firstDefined(x);
  const seedAt = start + n - 1;
  out.fill(Number.NaN, 0, Math.min(seedAt, length));
  if (seedAt >= length) return out;
  let sum = 0;
  for (let t = start; t <= seedAt; t++) sum += x[t] as number;
  out[seedAt] = sum;
  for (let t = seedAt + 1; t < length; t++) {
    sum = sum + (x[t] as number) - (x[t - n] as number);
    out[t] = sum;
  }
  return out;
}

/**
 * Weighted average with weights 1..n (the newest heaviest) from the first
 * defined value on; running sums keep it O(length) for any n.
 */
export function wmaInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  const length = x.length;
  const start = firstDefined(x);
  out.fill(Number.NaN, 0, Math.min(start + n - 1, length));
  const divisor = (n * (n + 1)) / 2;
  let weighted = 0; // Σ w_i·x_i over the window
  let plain = 0; // Σ x_i over the window
  for (let t = start; t < length; t++) {
    const v = x[t] as number;
    if (t < start + n) {
      weighted += (t - start + 1) * v;
      plain += v;
    } else {
      // Every weight drops by one (−plain), the newest enters with weight n.
      weighted += n * v - plain;
      plain += v - (x[t - n] as number);
    }
    if (t >= start + n - 1) out[t] = weighted / divisor;
  }
  return out;
}

/**
 * Close location value ((C − L) − (H − C)) / (H − L), −1 to 1; 0 where H = L
 * (TTR sets the 0/0 and ±Infinity of such bars to 0).
 */
export function clvInto(bars: Bars, out: Float64Array): Float64Array {
  const { high, low, close } = bars;
  for (let t = 0; t < close.length; t++) {
    const c = close[t] as number;
    const h = high[t] as number;
    const l = low[t] as number;
    const v = (c - l - (h - c)) / (h - l);
    out[t] = Number.isFinite(v) ? v : 0;
  }
  return out;
}

/**
 * TTR's runCov of the last n values (sample, n − 1): each window's means are
 * computed afresh (Σ x/n, each term divided first), then the products of the
 * deviations newest first. Per window, not running sums, so a window of equal
 * values is exactly 0. Writes the covariance of x and y and the variances of
 * both, for the windows from `start` (the first index where both are defined)
 * + n − 1 on; NaN before.
 */
export function runCovarianceInto(
  x: Float64Array,
  y: Float64Array,
  n: number,
  out: { covariance: Float64Array; varianceX: Float64Array; varianceY: Float64Array },
): void {
  const length = x.length;
  const first = Math.max(firstDefined(x), firstDefined(y)) + n - 1;
  const { covariance, varianceX, varianceY } = out;
  covariance.fill(Number.NaN, 0, Math.min(first, length));
  varianceX.fill(Number.NaN, 0, Math.min(first, length));
  varianceY.fill(Number.NaN, 0, Math.min(first, length));
  // Each term of the means divided once, not once per window it is in: the
  // same quotients summed in the same order.
  const scaledX = scratch(SLOT.scaledX, length);
  const scaledY = scratch(SLOT.scaledY, length);
  for (let k = 0; k < length; k++) {
    scaledX[k] = (x[k] as number) / n;
    scaledY[k] = (y[k] as number) / n;
  }
  for (let t = first; t < length; t++) {
    let meanX = 0;
    let meanY = 0;
    for (let k = t - n + 1; k <= t; k++) {
      meanX += scaledX[k] as number;
      meanY += scaledY[k] as number;
    }
    let xy = 0;
    let xx = 0;
    let yy = 0;
    for (let k = t; k > t - n; k--) {
      const dx = (x[k] as number) - meanX;
      const dy = (y[k] as number) - meanY;
      xy += dx * dy;
      xx += dx * dx;
      yy += dy * dy;
    }
    covariance[t] = xy / (n - 1);
    varianceX[t] = xx / (n - 1);
    varianceY[t] = yy / (n - 1);
  }
}

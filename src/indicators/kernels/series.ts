// Shared building blocks of the kernels. Series are Float64Arrays indexed by bar
// (t = 0 is the oldest); NaN marks "not defined" (warm-up, or 0/0) and becomes
// null in responses. Every helper writes into a caller-provided array so that a
// kernel allocates its outputs and little else.

export type Bars = {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
};

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
} as const;

export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** Index of the first non-NaN value, or x.length. */
function firstDefined(x: Float64Array): number {
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

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
  let e = sum / n;
  out[seedAt] = e;
  for (let t = seedAt + 1; t < x.length; t++) {
    e += k * ((x[t] as number) - e);
    out[t] = e;
  }
  return out;
}

/** Highest value over the last n entries including t (a monotonic deque: O(length)). */
export function rollingMaxInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  return rollingExtremeInto(x, n, out, (a, b) => a >= b);
}

export function rollingMinInto(x: Float64Array, n: number, out: Float64Array): Float64Array {
  return rollingExtremeInto(x, n, out, (a, b) => a <= b);
}

function rollingExtremeInto(
  x: Float64Array,
  n: number,
  out: Float64Array,
  dominates: (a: number, b: number) => boolean,
): Float64Array {
  const deque = new Int32Array(Math.min(n, x.length) + 1);
  let head = 0;
  let tail = 0; // deque holds indices, their values in dominance order
  const capacity = deque.length;
  for (let t = 0; t < x.length; t++) {
    const v = x[t] as number;
    while (tail !== head) {
      const last = deque[(tail - 1 + capacity) % capacity] as number;
      if (dominates(v, x[last] as number)) tail = (tail - 1 + capacity) % capacity;
      else break;
    }
    deque[tail] = t;
    tail = (tail + 1) % capacity;
    if ((deque[head] as number) <= t - n) head = (head + 1) % capacity;
    out[t] = t >= n - 1 ? (x[deque[head] as number] as number) : Number.NaN;
  }
  return out;
}

/** True range from t = 1: max(H_t, C_{t-1}) - min(L_t, C_{t-1}); NaN at t = 0. */
export function trueRange(bars: Bars): Float64Array {
  const { high, low, close } = bars;
  const tr = new Float64Array(close.length);
  tr[0] = Number.NaN;
  for (let t = 1; t < close.length; t++) {
    const previous = close[t - 1] as number;
    tr[t] = Math.max(high[t] as number, previous) - Math.min(low[t] as number, previous);
  }
  return tr;
}

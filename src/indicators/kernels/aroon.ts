import type { Bars } from '../../prices/history.js';
import { nanArray } from './primitives.js';

/**
 * Bars since the highest value of sign·x within the window [t − n, t] (only n
 * bars at t = n − 1), ties going to the most recent bar, as TTR's C code
 * defines it. A monotonic queue of candidate indices (values strictly falling
 * from the front): a new value drops every older one it equals or beats, so
 * the front is the newest extreme, and leaves once it is older than t − n.
 * O(length) for any n, with the same answers as rescanning the window.
 */
function barsSinceExtreme(x: Float64Array, n: number, sign: number, queue: Int32Array, out: Float64Array) {
  let head = 0;
  let tail = 0; // queue[head..tail) holds indices
  for (let t = 0; t < x.length; t++) {
    const v = sign * (x[t] as number);
    while (tail > head && sign * (x[queue[tail - 1] as number] as number) <= v) tail--;
    queue[tail++] = t;
    if ((queue[head] as number) < t - n) head++;
    if (t >= n - 1) out[t] = t - (queue[head] as number);
  }
  return out;
}

/** Aroon up/down: 100·(n − bars since the n-bar high/low)/n; the oscillator is their difference. First at n − 1. */
export function aroon(bars: Bars, period: number) {
  const length = bars.close.length;
  const queue = new Int32Array(length);
  const up = barsSinceExtreme(bars.high, period, 1, queue, nanArray(length));
  const down = barsSinceExtreme(bars.low, period, -1, queue, nanArray(length));
  const oscillator = nanArray(length);
  for (let t = period - 1; t < length; t++) {
    up[t] = (100 * (period - (up[t] as number))) / period;
    down[t] = (100 * (period - (down[t] as number))) / period;
    oscillator[t] = (up[t] as number) - (down[t] as number);
  }
  return { up, down, oscillator };
}

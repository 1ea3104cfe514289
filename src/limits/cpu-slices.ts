// Work on the main thread in slices. Indicator kernels run synchronously, and
// one request may ask for a thousand of them (48 aliases × 21 ETFs): run back
// to back they held the event loop for seconds, so /health and every other
// request waited. Such work goes through `inSlices`: within the current slice
// (SLICE_MS) it runs at once; past it, it joins a queue that is worked off one
// slice per turn of the event loop (setImmediate runs after pending I/O), so a
// slice never runs more than one piece of work past SLICE_MS, however many
// requests are waiting.
const SLICE_MS = 20;

let sliceStarted = performance.now();
const queue: (() => void)[] = [];
let draining = false;

const sliceIsOver = () => performance.now() - sliceStarted >= SLICE_MS;

function drain() {
  sliceStarted = performance.now();
  while (queue.length > 0 && !sliceIsOver()) (queue.shift() as () => void)();
  if (queue.length > 0) setImmediate(drain);
  else draining = false;
}

/** `work`'s result: at once within a slice, else once its turn in a later slice has come. */
export function inSlices<T>(work: () => T): T | Promise<T> {
  if (!draining && !sliceIsOver()) return work();
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

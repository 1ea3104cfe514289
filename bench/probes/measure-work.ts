// How the probes measure one piece of work in their own process: wall time,
// the worst event-loop delay while it ran, and the memory it added (peak RSS,
// sampled, as the process's own high-water mark cannot be reset; and the live
// heap after a full collection).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;

export type Figures = { seconds: number; worstDelayMs: number; peakRssMb: number; heapAfterGcMb: number; note: string };

export async function measure(work: () => Promise<string>): Promise<Figures> {
  gc();
  const rssBefore = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const note = await work();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  gc();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    seconds: Number(seconds.toFixed(2)),
    worstDelayMs: Math.round(delay.max / 1e6),
    peakRssMb: mb(peakRss - rssBefore),
    heapAfterGcMb: mb(process.memoryUsage().heapUsed - heapBefore),
    note,
  };
}

export const printFigures = (name: string, f: Figures) =>
  process.stdout.write(
    `${name}\n  wall ${f.seconds} s, worst event-loop delay ${f.worstDelayMs} ms, peak RSS +${f.peakRssMb} MB, heap after GC +${f.heapAfterGcMb} MB\n  ${f.note}\n`,
  );

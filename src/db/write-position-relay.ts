// Read-your-writes across API workers (WEB_CONCURRENCY > 1): a caller's next
// request may reach another worker, which must know of the caller's write
// before that request can arrive. So the writing worker sends the position to
// the primary process, which hands it to every other worker and tells the
// writer once all of them have applied it; only then does the mutation
// answer. Bounded: a worker that does not answer in RELAY_TIMEOUT_MS (dying,
// about to be replaced) holds no mutation longer, and its replacement starts
// with the primary's position as its floor (write-positions.ts).
import cluster, { type Worker } from 'node:cluster';

const JOIN = 'etfql:positions-join';
const NOTE = 'etfql:positions-note';
const APPLIED = 'etfql:positions-applied';
const DONE = 'etfql:positions-done';
const RELAY_TIMEOUT_MS = 1_000;

type Message = { type?: string; id?: number; callers?: string[]; position?: string };

/** In the primary process: relays each worker's writes to the others. */
export function relayWritePositions(): void {
  const joined = new Set<Worker>();
  const pending = new Map<number, { remaining: number; writer: Worker; id: number | undefined }>();
  let nextRelay = 0;
  cluster.on('exit', (worker) => joined.delete(worker));
  cluster.on('message', (worker: Worker, message: Message) => {
    if (message?.type === JOIN) {
      joined.add(worker);
    } else if (message?.type === NOTE) {
      const others = [...joined].filter((other) => other !== worker && other.isConnected());
      if (others.length === 0) {
        worker.send({ type: DONE, id: message.id });
        return;
      }
      const relay = nextRelay++;
      pending.set(relay, { remaining: others.length, writer: worker, id: message.id });
      setTimeout(() => pending.delete(relay), RELAY_TIMEOUT_MS).unref();
      for (const other of others) {
        other.send({ type: NOTE, id: relay, callers: message.callers, position: message.position });
      }
    } else if (message?.type === APPLIED && message.id !== undefined) {
      const entry = pending.get(message.id);
      if (!entry || --entry.remaining > 0) return;
      pending.delete(message.id);
      if (entry.writer.isConnected()) entry.writer.send({ type: DONE, id: entry.id });
    }
  });
}

const waiting = new Map<number, () => void>();
let nextNote = 0;
let joinedRelay = false;

/** In a worker: applies the other workers' writes with `apply`, from now on. */
export function joinWritePositionRelay(apply: (callers: string[], position: bigint) => void): void {
  if (!cluster.isWorker || joinedRelay) return;
  joinedRelay = true;
  process.on('message', (message: Message) => {
    if (message?.type === NOTE && message.id !== undefined) {
      apply(message.callers ?? [], BigInt(message.position ?? '0'));
      process.send?.({ type: APPLIED, id: message.id });
    } else if (message?.type === DONE && message.id !== undefined) {
      waiting.get(message.id)?.();
    }
  });
  process.send?.({ type: JOIN });
}

/** In a worker: resolves once every other worker knows of this write (1 s at most); at once elsewhere. */
export function shareWritePosition(callers: readonly string[], position: bigint): Promise<void> {
  if (!joinedRelay || !process.send) return Promise.resolve();
  const id = nextNote++;
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve();
    };
    const timer = setTimeout(done, RELAY_TIMEOUT_MS);
    waiting.set(id, done);
    process.send?.({ type: NOTE, id, callers, position: position.toString() });
  });
}

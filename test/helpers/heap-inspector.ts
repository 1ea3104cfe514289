// The live memory of a server process, read through its inspector (started with
// --inspect=127.0.0.1:0): a full collection, then the JavaScript heap in use plus
// the memory outside it that objects hold (typed arrays' buffers). Unlike RSS,
// which saws by a hundred MB with GC timing, this moves only with what the
// process really keeps, so a test can bound it tightly.
import WebSocket from 'ws';

export type HeapInspector = { liveHeapMb(): Promise<number>; close(): void };

/** The inspector's address, from the "Debugger listening on ws://…" line of the process's stderr. */
export function inspectorUrl(stderr: readonly string[]): string {
  const url = stderr.join('\n').match(/Debugger listening on (ws:\/\/\S+)/)?.[1];
  if (!url) throw new Error('the process was not started with --inspect');
  return url;
}

export async function connectInspector(url: string): Promise<HeapInspector> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async liveHeapMb() {
      await send('HeapProfiler.collectGarbage');
      const { result } = (await send('Runtime.evaluate', {
        expression: '(({ heapUsed, external }) => heapUsed + external)(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: number } };
      return result.value / 2 ** 20;
    },
    close: () => socket.close(),
  };
}

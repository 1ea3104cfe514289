// A subscriber over a real socket, as a browser's EventSource or a hostile
// client holds one: node:http's client from a chosen loopback address (the
// server counts callers by address), reading the server-sent events as they
// come, or never reading at all, so that the server's writes back up.
import http from 'node:http';
import type { ExecutionResult } from 'graphql';

export type SseClient = {
  /** The `next` events so far, parsed, in order. */
  events: ExecutionResult[];
  /** Each event's `id:` line, when it had one (null otherwise), in the same order. */
  ids: (string | null)[];
  /** The HTTP status and content type of the answer, once its head came. */
  head: Promise<{ status: number; contentType: string }>;
  /** Resolves when the server ended the stream or closed the socket. */
  ended: Promise<void>;
  /** Starts reading a client opened with `read: false`. */
  read(): void;
  /** Closes the socket abruptly, as a closed tab does. */
  destroy(): void;
};

export function openSse(
  port: number,
  query: string,
  options: { localAddress?: string; read?: boolean; headers?: Record<string, string> } = {},
): SseClient {
  const events: ExecutionResult[] = [];
  const ids: (string | null)[] = [];
  let reading = false;
  let buffer = '';
  const request = http.get({
    host: '127.0.0.1',
    port,
    path: `/graphql?${new URLSearchParams({ query })}`,
    localAddress: options.localAddress,
    agent: false,
    headers: { accept: 'text/event-stream', ...options.headers },
  });
  let startReading = () => {};
  const head = new Promise<{ status: number; contentType: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      startReading = () => {
        if (reading) return;
        reading = true;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const data = lines.find((line) => line.startsWith('data: '));
            if (lines.includes('event: next') && data) {
              events.push(JSON.parse(data.slice(6)) as ExecutionResult);
              ids.push(lines.find((line) => line.startsWith('id: '))?.slice(4) ?? null);
            }
          }
        });
      };
      if (options.read !== false) startReading();
      resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']) });
    });
  });
  head.catch(() => {});
  const ended = new Promise<void>((resolve) => {
    request.once('close', () => resolve());
    request.once('error', () => resolve());
  });
  return {
    events,
    ids,
    head,
    ended,
    read: () => startReading(),
    destroy: () => request.destroy(),
  };
}

/** The `n`th loopback address after 127.0.0.1 (all of 127/8 is this machine): a caller of its own. */
export const loopbackAddress = (n: number) => `127.0.${Math.floor(n / 250)}.${(n % 250) + 2}`;

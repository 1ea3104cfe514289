// A subscription over server-sent events (Yoga's default transport), through
// the app's real HTTP handling in-process: a reader of its `next` events' data.
import { expect } from 'vitest';
import type { App } from '../src/yoga.js';

/** `app` is the in-process app, or anything with its `fetch` (e.g. one that forwards to a server process). */
export async function subscribe(app: Pick<App, 'fetch'>, query: string) {
  const controller = new AbortController();
  const response = await app.fetch('http://etfql.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<unknown> {
      for (;;) {
        const match = buffer.match(/event: next\ndata: (.*)\n\n/);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1] as string);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

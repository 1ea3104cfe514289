// Server-sent events with ids, for subscriptions whose events have one
// (alertTriggered): each such event goes out with `id: <its id>`, so a client
// that loses its connection (EventSource does this by itself) reconnects with
// `Last-Event-ID` and its subscription replays what it missed. Yoga's event
// stream writes no ids; its stream is kept as it is (pings, completion,
// errors), and only the blocks of those events gain their id line.
import type { Plugin } from 'graphql-yoga';

/** Root subscription fields whose events carry an `id`. */
const EVENT_ID_FIELDS = ['alertTriggered'] as const;

/** The id of an SSE block's event, when it is one of those fields' and has one. */
function eventIdOf(block: string): string | null {
  if (!block.startsWith('event: next\n') || !EVENT_ID_FIELDS.some((field) => block.includes(`"${field}"`))) return null;
  const data = /\ndata: (.*)$/s.exec(block)?.[1];
  if (!data) return null;
  try {
    const parsed = JSON.parse(data) as { data?: Record<string, { id?: unknown } | null> | null };
    for (const field of EVENT_ID_FIELDS) {
      const id = parsed.data?.[field]?.id;
      if (typeof id === 'string' && /^\d+$/.test(id)) return id;
    }
  } catch {
    // not an event of ours
  }
  return null;
}

/** Rewrites an event stream block by block (blocks end with a blank line), adding id lines. */
function addIds(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending += decoder.decode(chunk, { stream: true });
        let end = pending.indexOf('\n\n');
        while (end !== -1) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const id = eventIdOf(block);
          controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ''}${block}\n\n`));
          end = pending.indexOf('\n\n');
        }
      },
      flush(controller) {
        if (pending) controller.enqueue(encoder.encode(pending));
      },
    }),
  );
}

export function useEventIds(): Plugin {
  const subscriptions = new WeakSet<Request>();
  return {
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) subscriptions.add(request);
    },
    onResultProcess({ request, resultProcessor, setResultProcessor }) {
      type ResultProcessor = NonNullable<typeof resultProcessor>;
      // Only a subscription's event stream: Yoga chose its SSE processor for it.
      if (!resultProcessor || !subscriptions.has(request)) return;
      if (!request.headers.get('accept')?.includes('text/event-stream')) return;
      const withIds: ResultProcessor = async (result, fetchAPI, acceptedMediaType) => {
        const response = await resultProcessor(result, fetchAPI, acceptedMediaType);
        if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) return response;
        return new fetchAPI.Response(addIds(response.body), {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      };
      setResultProcessor(withIds, 'text/event-stream');
    },
  };
}

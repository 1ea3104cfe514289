// The signed-in user's alert events, live: alertTriggered over server-sent
// events, read with fetch since the stream needs the user's Authorization
// header, which EventSource cannot send. Each event has an id; whenever the
// stream ends (the server completed it, dropped it for falling behind, or the
// connection broke) the page subscribes again with `after:` the last id it
// saw, and the server first replays what fired in between, so no event is
// missed. Refusals (TOO_MANY_SUBSCRIPTIONS) and broken connections are retried
// later, waiting longer each time, as live-updates.ts does.
import type { ErrorCode } from '../error-catalogue.js';
import { session } from './api.js';
import { AlertTriggeredDocument } from './documents.js';
import type { AlertTriggeredSubscription } from './gql/graphql.js';

export type AlertFired = AlertTriggeredSubscription['alertTriggered'];

const RETRY_MIN_MS = 2_000;
const REFUSED_RETRY_MIN_MS = 10_000;
const RETRY_MAX_MS = 300_000;

type Block = { event: string; id: string | null; data: string };

/** One server-sent event block ("event: next\nid: 7\ndata: {…}"); comments (pings) have no event. */
function parseBlock(block: string): Block {
  const parsed: Block = { event: 'message', id: null, data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') parsed.event = value;
    else if (field === 'id') parsed.id = value;
    else if (field === 'data') parsed.data += parsed.data ? `\n${value}` : value;
  }
  return parsed;
}

type Result = { data?: { alertTriggered?: AlertFired } | null; errors?: { extensions?: { code?: ErrorCode } }[] };

export type AlertStream = {
  /** Subscribes (again) for the signed-in user, replaying the events after the event `after` first. */
  start(after: string): void;
  stop(): void;
};

export function createAlertStream(handlers: {
  onEvent(event: AlertFired): void;
  onLive(live: boolean): void;
}): AlertStream {
  let controller: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let wait = RETRY_MIN_MS;
  let lastId: string | null = null;

  const later = (minimum: number) => {
    wait = Math.max(wait, minimum);
    retry = setTimeout(connect, wait);
    wait = Math.min(wait * 2, RETRY_MAX_MS);
  };

  /** Handles one block: whether to read on, or how to come back after this stream. */
  const handle = (block: Block): 'go on' | 'again now' | 'again later' | 'refused' | 'stop' => {
    if (block.event === 'complete') return 'again now';
    if (block.event !== 'next' || !block.data) return 'go on';
    let result: Result;
    try {
      result = JSON.parse(block.data) as Result;
    } catch {
      return 'go on';
    }
    const code = result.errors?.[0]?.extensions?.code;
    if (code === 'TOO_MANY_SUBSCRIPTIONS') return 'refused';
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return 'stop';
    // SUBSCRIBER_TOO_SLOW: the stream ends next; the replay after lastId catches up.
    if (code) return 'go on';
    const event = result.data?.alertTriggered;
    if (!event) return 'go on';
    const id = block.id ?? event.id;
    if (lastId !== null && BigInt(id) <= BigInt(lastId)) return 'go on';
    lastId = id;
    handlers.onEvent(event);
    return 'go on';
  };

  async function connect(): Promise<void> {
    controller?.abort();
    clearTimeout(retry);
    const token = session.token;
    if (!token) return;
    const current = new AbortController();
    controller = current;
    const params = new URLSearchParams({
      query: AlertTriggeredDocument.toString(),
      variables: JSON.stringify({ after: lastId }),
    });
    let outcome: ReturnType<typeof handle> = 'again later';
    const startedAt = Date.now();
    try {
      const response = await fetch(`/graphql?${params}`, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal: current.signal,
      });
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      handlers.onLive(true);
      wait = RETRY_MIN_MS;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      reading: for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pending += value.replace(/\r\n?/g, '\n');
        for (let end = pending.indexOf('\n\n'); end !== -1; end = pending.indexOf('\n\n')) {
          const step = handle(parseBlock(pending.slice(0, end)));
          pending = pending.slice(end + 2);
          if (step !== 'go on') {
            outcome = step;
            void reader.cancel();
            break reading;
          }
        }
      }
    } catch {
      // Aborted (stop, or a new start), or the connection broke: decided below.
    }
    if (controller !== current || current.signal.aborted) return;
    handlers.onLive(false);
    controller = null;
    // A stream the server ends at once (an error each time) must not become a busy loop.
    if (outcome === 'again now' && Date.now() - startedAt > 1_000) void connect();
    else if (outcome === 'refused') later(REFUSED_RETRY_MIN_MS);
    else if (outcome !== 'stop') later(RETRY_MIN_MS);
  }

  return {
    start(after) {
      if (lastId === null || BigInt(after) > BigInt(lastId)) lastId = after;
      wait = RETRY_MIN_MS;
      void connect();
    },
    stop() {
      clearTimeout(retry);
      controller?.abort();
      controller = null;
      lastId = null;
      handlers.onLive(false);
    },
  };
}

// Live updates: listens to pricesUpdated for the tickers on screen (server-sent
// events) and refetches the view when one of them changes; a burst of loads is
// one refetch. When the server ends the stream (it dropped this page for
// falling behind: SUBSCRIBER_TOO_SLOW), the page refetches, since updates may
// have been missed, and subscribes again at once. When it refuses the
// subscription (TOO_MANY_SUBSCRIPTIONS: other tabs of this address hold them),
// it tries again later, waiting longer each time, rather than at the
// EventSource's own pace of a few seconds.
import type { ErrorCode } from '../error-catalogue.js';
import { PricesUpdatedDocument } from './documents.js';

const REFUSED_RETRY_MIN_MS = 10_000;
const REFUSED_RETRY_MAX_MS = 300_000;

/** The code of the first error of an event's data, if any. */
function errorCode(data: unknown): ErrorCode | undefined {
  try {
    const result = JSON.parse(String(data)) as { errors?: { extensions?: { code?: ErrorCode } }[] };
    return result.errors?.[0]?.extensions?.code;
  } catch {
    return undefined;
  }
}

export function createLiveUpdates(refetch: () => void): { follow(tickers: string[]): void } {
  let source: EventSource | null = null;
  let following: string[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let refusedWait = REFUSED_RETRY_MIN_MS;

  const refetchSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refetch, 250);
  };

  const subscribe = (tickers: string[]) => {
    source?.close();
    clearTimeout(retry);
    const params = new URLSearchParams({
      query: PricesUpdatedDocument.toString(),
      variables: JSON.stringify({ tickers }),
    });
    const current = new EventSource(`/graphql?${params}`);
    source = current;
    current.onopen = () => {
      if (window.__etfql) window.__etfql.live = true;
    };
    current.addEventListener('next', (event) => {
      if (errorCode((event as MessageEvent).data) === 'TOO_MANY_SUBSCRIPTIONS') {
        current.close();
        if (window.__etfql) window.__etfql.live = false;
        retry = setTimeout(() => subscribe(tickers), refusedWait);
        refusedWait = Math.min(refusedWait * 2, REFUSED_RETRY_MAX_MS);
        return;
      }
      refusedWait = REFUSED_RETRY_MIN_MS;
      // An update, or SUBSCRIBER_TOO_SLOW: either way, what is shown may be stale.
      refetchSoon();
    });
    // The server ended the stream: subscribe again now, not at the EventSource's pace.
    current.addEventListener('complete', () => {
      if (source === current) subscribe(tickers);
    });
  };

  return {
    follow(tickers) {
      if (following && following.join(',') === tickers.join(',') && source) return;
      following = tickers;
      subscribe(tickers);
    },
  };
}

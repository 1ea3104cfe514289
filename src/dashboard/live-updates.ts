// Live updates: listens to pricesUpdated for the tickers on screen (server-sent
// events) and refetches the view when one of them changes; a burst of loads is
// one refetch.
import { PricesUpdatedDocument } from './documents.js';

export function createLiveUpdates(refetch: () => void): { follow(tickers: string[]): void } {
  let source: EventSource | null = null;
  let following = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    follow(tickers) {
      const key = tickers.join(',');
      if (key === following && source) return;
      source?.close();
      following = key;
      const params = new URLSearchParams({
        query: PricesUpdatedDocument.toString(),
        variables: JSON.stringify({ tickers }),
      });
      source = new EventSource(`/graphql?${params}`);
      source.onopen = () => {
        if (window.__etfql) window.__etfql.live = true;
      };
      source.addEventListener('next', () => {
        clearTimeout(timer);
        timer = setTimeout(refetch, 250);
      });
    },
  };
}

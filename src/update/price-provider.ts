// What `npm run update` asks of a market-data provider, whichever it is: one
// ETF's bars after its last stored one, with the splits and dividends the
// provider states on those days and, where it states one, its own adjusted
// close (for the cross-check). PRICE_SOURCE picks the adapter
// (configured-provider.ts).
import type { ActionKind } from '../corporate-actions/record-action.js';
import type { IsoDate } from '../dates.js';
import type { BarInput } from '../prices/validate-bars.js';
import { fetchNewBars } from './fetch-bars.js';

export type ProviderAction = { kind: ActionKind; date: IsoDate; value: number };

export type ProviderAnswer = {
  /** Dated after the last stored bar, oldest first. */
  bars: BarInput[];
  /** On the dates of `bars`. */
  actions: ProviderAction[];
  /** The provider's adjusted close, on the dates of `bars` and possibly the last stored one. */
  adjustedCloses: { date: IsoDate; close: number }[];
};

export type PriceProvider = {
  fetch(ticker: string, symbol: string, after: IsoDate | null, timeoutMs: number): Promise<ProviderAnswer>;
};

/** A CSV per ticker at PRICE_SOURCE_URL: prices only. */
export function genericProvider(urlTemplate: string): PriceProvider {
  return {
    fetch: async (ticker, symbol, after, timeoutMs) => ({
      bars: await fetchNewBars(urlTemplate, ticker, after, timeoutMs, symbol),
      actions: [],
      adjustedCloses: [],
    }),
  };
}

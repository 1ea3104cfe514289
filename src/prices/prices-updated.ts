// Word that prices changed, published after a load commits, so that a
// dashboard showing those tickers can refetch. In memory: one process.
import { createPubSub } from 'graphql-yoga';
import type { IsoDate } from '../dates.js';

export type PricesUpdate = { ticker: string; from: IsoDate; to: IsoDate };

export type PricesPubSub = ReturnType<typeof createPricesPubSub>;

export function createPricesPubSub() {
  return createPubSub<{ pricesUpdated: [PricesUpdate] }>();
}

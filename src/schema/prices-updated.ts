// The pricesUpdated subscription: a dashboard's cue to refetch.
import { filter, pipe } from 'graphql-yoga';
import { builder } from '../builder.js';
import { normalizeTicker } from '../etfs/ticker.js';
import type { PricesUpdate as PricesUpdateShape } from '../prices/prices-updated.js';

const PricesUpdate = builder.objectRef<PricesUpdateShape>('PricesUpdate').implement({
  description: 'Prices of one ETF changed between two dates (inclusive): refetch what shows them.',
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    from: t.field({ type: 'Date', resolve: (update) => update.from }),
    to: t.field({ type: 'Date', resolve: (update) => update.to }),
  }),
});

builder.subscriptionFields((t) => ({
  pricesUpdated: t.field({
    type: PricesUpdate,
    description:
      'Fires after a load or deletion of prices commits (through the API, `npm run ingest` or `npm run update`, in any process), for the given tickers (all when omitted). Over server-sent events: GET or POST /graphql with Accept: text/event-stream.',
    authScopes: { reader: true },
    args: { tickers: t.arg.stringList() },
    subscribe: async (_root, args, ctx) => {
      const wanted = args.tickers ? new Set(args.tickers.map((ticker) => normalizeTicker(ticker, 'tickers'))) : null;
      await ctx.pricesFeed.ready;
      return pipe(
        ctx.pricesFeed.pubsub.subscribe('pricesUpdated'),
        filter((update: PricesUpdateShape) => wanted === null || wanted.has(update.ticker)),
      );
    },
    resolve: (update) => update,
  }),
}));

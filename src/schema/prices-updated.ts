// The pricesUpdated subscription: a dashboard's cue to refetch.
import { filter, pipe } from 'graphql-yoga';
import { builder } from '../builder.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import { countedWhileOpen } from '../metrics/metrics.js';
import type { PricesUpdate as PricesUpdateShape } from '../prices/prices-updated.js';

const PricesUpdate = builder.objectRef<PricesUpdateShape>('PricesUpdate').implement({
  description: 'Prices of one ETF changed between two dates (inclusive): refetch what shows them.',
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    from: t.field({ type: 'Date', resolve: (update) => update.from }),
    to: t.field({ type: 'Date', resolve: (update) => update.to }),
    missed: t.boolean({
      description:
        "True when this server's change feed was down (a database restart) and updates may have been lost: then ticker is '*', and every subscriber should refetch what it shows.",
      resolve: (update) => update.missed === true,
    }),
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
      const max = ctx.config.limits.maxTickers;
      const wanted = args.tickers ? new Set(parseTickerList(args.tickers, { max })) : null;
      await ctx.pricesFeed.ready;
      return countedWhileOpen(
        pipe(
          ctx.pricesFeed.pubsub.subscribe('pricesUpdated'),
          filter((update: PricesUpdateShape) => update.missed === true || wanted === null || wanted.has(update.ticker)),
        ),
      );
    },
    resolve: (update) => update,
  }),
}));

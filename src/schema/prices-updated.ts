// The pricesUpdated subscription: a dashboard's cue to refetch.
import { builder } from '../builder.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import type { PricesUpdate as PricesUpdateShape } from '../prices/prices-updated.js';
import { takeFeedSlot } from './feed-slot.js';

const PricesUpdate = builder.objectRef<PricesUpdateShape>('PricesUpdate').implement({
  description: 'Prices of one ETF changed between two dates (inclusive): refetch what shows them.',
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    from: t.field({ type: 'Date', cacheScope: 'parent', resolve: (update) => update.from }),
    to: t.field({ type: 'Date', cacheScope: 'parent', resolve: (update) => update.to }),
    missed: t.boolean({
      description:
        "True when this server's change feed was down (a database restart) and updates may have been lost: then ticker is '*', and every subscriber should refetch what it shows.",
      cacheScope: 'parent',
      resolve: (update) => update.missed === true,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  pricesUpdated: t.field({
    type: PricesUpdate,
    description:
      'Fires after a load or deletion of prices commits (through the API, `npm run ingest` or `npm run update`, in any process), for the given tickers (all when omitted). Over server-sent events: GET or POST /graphql with Accept: text/event-stream. A caller may hold `SUBSCRIPTIONS_PER_CALLER` at once (`SUBSCRIPTIONS_PER_ADDRESS` without credentials: TOO_MANY_SUBSCRIPTIONS); one that stops reading is dropped (SUBSCRIBER_TOO_SLOW, its last event) and should subscribe again and refetch.',
    authScopes: { reader: true },
    // Every reader gets the same events: each notice is executed once for all
    // the subscribers of one document (src/graphql/use-shared-subscriptions.ts).
    cacheScope: 'public',
    args: { tickers: t.arg.stringList() },
    subscribe: async (_root, args, ctx) => {
      const max = ctx.config.limits.maxTickers;
      const wanted = args.tickers ? new Set(parseTickerList(args.tickers, { max })) : null;
      const release = await takeFeedSlot(ctx, ctx.pricesFeed);
      return ctx.pricesFeed.updates.subscribe({
        wants: (update) => update.missed === true || wanted === null || wanted.has(update.ticker),
        onEnd: release,
      });
    },
    // A Dropped notice never reaches execution: src/graphql/use-shared-subscriptions.ts
    // makes it the stream's last event.
    resolve: (update) => update as PricesUpdateShape,
  }),
}));

// The holdingsUpdated subscription: a dashboard's cue to refetch holdings.
import { builder } from '../builder.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import type { HoldingsUpdate as HoldingsUpdateShape } from '../holdings/holdings-updated.js';
import { takeFeedSlot } from './feed-slot.js';

const HoldingsUpdate = builder.objectRef<HoldingsUpdateShape>('HoldingsUpdate').implement({
  description: "An ETF's holdings snapshot of a date was written (imported or replaced): refetch what shows them.",
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    asOf: t.field({ type: 'Date', cacheScope: 'parent', resolve: (update) => update.asOf }),
    missed: t.boolean({
      description:
        "True when this server's change feed was down and updates may have been lost: then ticker is '*', and every subscriber should refetch.",
      cacheScope: 'parent',
      resolve: (update) => update.missed === true,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  holdingsUpdated: t.field({
    type: HoldingsUpdate,
    description:
      'Fires after a holdings snapshot is written and committed (`npm run ingest -- --holdings`, in any process), for the given tickers (all when omitted). Over server-sent events, with the same limits as pricesUpdated (the two count together).',
    authScopes: { reader: true },
    cacheScope: 'public',
    args: { tickers: t.arg.stringList() },
    subscribe: async (_root, args, ctx) => {
      const max = ctx.config.limits.maxTickers;
      const wanted = args.tickers ? new Set(parseTickerList(args.tickers, { max })) : null;
      const feed = ctx.holdingsFeed;
      const release = await takeFeedSlot(ctx, feed);
      return feed.updates.subscribe({
        wants: (update) => update.missed === true || wanted === null || wanted.has(update.ticker),
        onEnd: release,
      });
    },
    resolve: (update) => update as HoldingsUpdateShape,
  }),
}));

// Price bars on Etf: `prices` over a window and `latestPrice`, both batched
// across ETFs through the per-request loaders.
import { builder } from '../builder.js';
import { selectedBarFields } from '../prices/bar-fields.js';
import { MAX_LAST, parseBarWindow } from '../prices/bar-window.js';
import { toPriceBars } from '../prices/history.js';
import type { PriceBar as PriceBarShape } from '../prices/read-bars.js';
import { ADJUSTED_DESCRIPTION, barWindowArgs, windowBars } from './bar-window-args.js';

export const PriceBar = builder.objectRef<PriceBarShape>('PriceBar').implement({
  description: 'One bar: a trading day, or a week or month aggregated from them.',
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (bar) => bar.date }),
    open: t.exposeFloat('open'),
    high: t.exposeFloat('high'),
    low: t.exposeFloat('low'),
    close: t.exposeFloat('close'),
    volume: t.exposeFloat('volume', { description: 'Shares traded (a Float: volumes pass 2^31).' }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  prices: t.field({
    type: [PriceBar],
    description: `Bars in ascending date order. \`from\` and \`to\` are inclusive; \`last: N\` keeps the N most recent bars up to \`to\` (at most ${MAX_LAST}). ${ADJUSTED_DESCRIPTION}`,
    args: barWindowArgs(),
    resolve: async (etf, args, ctx, info) => toPriceBars(await windowBars(ctx, etf.id, args, info)),
  }),
  latestPrice: t.field({
    type: PriceBar,
    nullable: true,
    description: 'The most recent daily bar, or null when the ETF has none.',
    resolve: async (etf, _args, ctx, info) => {
      const history = await ctx.loaders.priceBars(LATEST, selectedBarFields(info)).load(etf.id);
      return toPriceBars(history)[0] ?? null;
    },
  }),
}));

const LATEST = parseBarWindow({ last: 1 });

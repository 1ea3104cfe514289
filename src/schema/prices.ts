// Price bars on Etf: `prices` over a window and `latestPrice`, both batched
// across ETFs through the per-request loaders.
import { builder } from '../builder.js';
import { barsCost } from '../limits/query-cost.js';
import { selectedBarFields } from '../prices/bar-fields.js';
import { MAX_LAST, parseBarWindow } from '../prices/bar-window.js';
import { type PriceBar as PriceBarShape, toPriceBars } from '../prices/history.js';
import { parseDecimals, roundTo } from '../prices/rounding.js';
import { ADJUSTED_DESCRIPTION, barWindowArgs, DECIMALS_DESCRIPTION, windowBars } from './bar-window-args.js';

export const PriceBar = builder.objectRef<PriceBarShape>('PriceBar').implement({
  description: 'One bar: a trading day, or a week or month aggregated from them.',
  fields: (t) => ({
    date: t.field({ type: 'Date', cacheScope: 'parent', resolve: (bar) => bar.date }),
    // `prices` has no `decimals` argument (its arguments are fixed: the schema
    // file test holds them), so its values are rounded field by field:
    // `close(decimals: 2)`; `series(decimals:)` rounds them all at once.
    ...Object.fromEntries(
      (['open', 'high', 'low', 'close'] as const).map((field) => [
        field,
        t.float({
          args: { decimals: t.arg.int({ description: DECIMALS_DESCRIPTION }) },
          cacheScope: 'parent',
          // The hot path (no decimals) reads the value and nothing else.
          resolve: (bar, args) =>
            args.decimals == null ? bar[field] : roundTo(bar[field], parseDecimals(args.decimals) as number),
        }),
      ]),
    ),
    volume: t.exposeFloat('volume', { description: 'Shares traded (a Float: volumes pass 2^31).' }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  prices: t.field({
    type: [PriceBar],
    description: `Bars in ascending date order. \`from\` and \`to\` are inclusive; \`last: N\` keeps the N most recent bars up to \`to\` (at most ${MAX_LAST}). ${ADJUSTED_DESCRIPTION}`,
    args: barWindowArgs(),
    complexity: barsCost,
    cacheScope: 'public',
    resolve: async (etf, args, ctx, info) => toPriceBars(await windowBars(ctx, etf.id, args, info)),
  }),
  latestPrice: t.field({
    type: PriceBar,
    nullable: true,
    description: 'The most recent daily bar, or null when the ETF has none.',
    // No arguments: `latestPrice: PriceBar` is fixed (test/architecture/schema-file.test.ts);
    // its fields round themselves (`close(decimals: 2)`).
    cacheScope: 'public',
    resolve: async (etf, _args, ctx, info) => {
      const history = await ctx.loaders.priceBars(LATEST, selectedBarFields(info)).load(etf.id);
      return toPriceBars(history)[0] ?? null;
    },
  }),
}));

const LATEST = parseBarWindow({ last: 1 });

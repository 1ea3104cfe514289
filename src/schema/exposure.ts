// Etf.exposure: a fund's weights grouped by sector, country, asset class or
// currency, optionally seen through the ETFs it holds (src/holdings/look-through.ts).
import { builder } from '../builder.js';
import { toIsoDate } from '../dates.js';
import { exposureLabel } from '../holdings/exposure-labels.js';
import { lookThrough, MAX_DEPTH } from '../holdings/look-through.js';
import type { ExposureKey as ExposureKeyName } from '../holdings/read-holdings.js';
import { computeCost } from '../limits/query-cost.js';

/** How many snapshots' worth a look-through is costed at: the fund and the funds inside it. */
export const LOOK_THROUGH_COST_FACTOR = 2;

export const ExposureKey = builder.enumType('ExposureKey', {
  description: 'What exposure is grouped by: a column of each holding.',
  values: {
    SECTOR: { description: "The issuer's sector (N-PORT filings have none: Unknown)." },
    COUNTRY: { description: 'ISO 3166-1 alpha-2 country of the holding.' },
    ASSET_CLASS: { description: 'The broad class (HoldingAssetClass).' },
    CURRENCY: { description: 'ISO 4217 currency of the holding.' },
  } as const,
});

export type SliceShape = { by: ExposureKeyName; key: string | null; weight: number; holdings: number };

export const ExposureSlice = builder.objectRef<SliceShape>('ExposureSlice').implement({
  description: 'The weight of one value of the grouping key, in percent: the slices of a fund sum to its total weight.',
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description: 'The value (US, Information Technology, EQUITY, USD); null for holdings that do not say.',
    }),
    label: t.string({
      description: 'The value in words (United States, Equity, US Dollar; Unknown for null).',
      cacheScope: 'parent',
      resolve: (slice) => exposureLabel(slice.by, slice.key),
    }),
    weight: t.exposeFloat('weight', { description: 'Percent of net assets (or of the portfolio).' }),
    holdings: t.exposeInt('holdings', { description: 'Positions counted in it (underneath, when seen through).' }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  exposure: t.field({
    type: [ExposureSlice],
    description: `The weights of the ETF's holdings (snapshot on or before \`asOf\`, default the latest) grouped by \`by\`, largest first; empty when it has none. With \`lookThrough: true\`, holdings that are ETFs of this database with holdings of their own are replaced by those, scaled by their weight, down to ${MAX_DEPTH} levels; an ETF met again on its own path stays a holding.`,
    args: {
      by: t.arg({ type: ExposureKey, required: true }),
      asOf: t.arg({ type: 'Date' }),
      lookThrough: t.arg.boolean({ defaultValue: false }),
    },
    cacheScope: 'public',
    extensions: computeCost((args: { lookThrough?: boolean | null }, extent) =>
      args.lookThrough ? extent.largestSnapshot * LOOK_THROUGH_COST_FACTOR : extent.largestSnapshot,
    ),
    resolve: async (etf, args, ctx) => {
      const by = args.by as ExposureKeyName;
      const seen = await lookThrough(ctx.loaders.holdings, [{ etfId: etf.id, weight: 100 }], {
        asOf: args.asOf ? toIsoDate(args.asOf) : null,
        key: by,
        depth: args.lookThrough ? MAX_DEPTH : 0,
        maxPositions: ctx.costLimit,
      });
      if (seen.withoutHoldings.length > 0) return [];
      ctx.budget.take(seen.slices.length * 4);
      return seen.slices.map((slice) => ({ by, ...slice }));
    },
  }),
}));

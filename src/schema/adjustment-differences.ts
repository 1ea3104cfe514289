// For admins: where a provider's own adjusted close disagrees with etfql's, as
// the nightly update found it (src/corporate-actions/adjustment-report.ts).
import { builder } from '../builder.js';
import { type AdjustmentDifferenceRow, adjustmentDifferences } from '../corporate-actions/adjustment-report.js';
import { badInput } from '../errors.js';

const MAX_DIFFERENCES = 1000;

const AdjustmentDifference = builder.objectRef<AdjustmentDifferenceRow>('AdjustmentDifference').implement({
  description:
    "A date where the provider's adjusted close and etfql's differ by more than 0.5 %: a split or dividend missing, wrong or misdated on one side.",
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    date: t.field({ type: 'Date', cacheScope: 'parent', resolve: (row) => new Date(`${row.date}T00:00:00Z`) }),
    provider: t.exposeString('provider', { description: 'The PRICE_SOURCE of the update that found it.' }),
    providerClose: t.exposeFloat('providerClose', { description: "The provider's adjusted close." }),
    adjustedClose: t.exposeFloat('adjustedClose', { description: "etfql's adjusted close of the same date." }),
    checkedAt: t.expose('checkedAt', { type: 'DateTime', description: 'When an update last found it.' }),
  }),
});

builder.queryFields((t) => ({
  adjustmentDifferences: t.field({
    type: [AdjustmentDifference],
    authScopes: { admin: true },
    cacheScope: 'caller',
    description: `Dates where a provider's adjusted close (PRICE_SOURCE=tiingo, alphavantage or eodhd) disagrees with etfql's, as the nightly update last found them, most recent first; a date that agrees again on a later check is gone. ADMIN only.`,
    args: { first: t.arg.int({ defaultValue: 100, description: `1 to ${MAX_DIFFERENCES}.` }) },
    resolve: (_root, args, ctx) => {
      const first = args.first ?? 100;
      if (first < 1 || first > MAX_DIFFERENCES) {
        throw badInput([{ path: 'first', message: `must be 1 to ${MAX_DIFFERENCES}, got ${first}` }]);
      }
      return adjustmentDifferences(ctx.db.pool, first);
    },
  }),
}));

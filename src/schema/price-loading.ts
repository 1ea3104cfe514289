import { builder } from '../builder.js';
import { deletePrices } from '../prices/delete-prices.js';
import { type LoadPricesResult, loadPrices } from '../prices/load-prices.js';
import { MAX_BARS_PER_CALL } from '../prices/validate-bars.js';

const PriceBarInput = builder.inputType('PriceBarInput', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    open: t.float({ required: true }),
    high: t.float({ required: true }),
    low: t.float({ required: true }),
    close: t.float({ required: true }),
    volume: t.float({ required: true }),
  }),
});

const LoadPricesPayload = builder.objectRef<LoadPricesResult>('LoadPricesPayload').implement({
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    inserted: t.exposeInt('inserted', { description: 'Bars for dates that had none.' }),
    updated: t.exposeInt('updated', { description: 'Bars whose values changed.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Bars identical to the stored ones.' }),
  }),
});

builder.mutationFields((t) => ({
  loadPrices: t.field({
    type: LoadPricesPayload,
    description: `Inserts or replaces daily bars of one ETF by date, all or none, at most ${MAX_BARS_PER_CALL} per call. A rejected call lists every bad bar with its index and writes nothing. Needs an EDITOR key.`,
    authScopes: { editor: true },
    args: {
      ticker: t.arg.string({ required: true }),
      bars: t.arg({ type: [PriceBarInput], required: true }),
    },
    resolve: (_root, args, ctx) => loadPrices(ctx.db, args.ticker, args.bars),
  }),

  deletePrices: t.field({
    type: DeletePricesPayload,
    description:
      'Deletes the daily bars of one ETF from `from` to `to` (inclusive), with their indicators. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: {
      ticker: t.arg.string({ required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) => deletePrices(ctx.db, args.ticker, args.from, args.to),
  }),
}));

const DeletePricesPayload = builder.objectRef<{ ticker: string; deleted: number }>('DeletePricesPayload').implement({
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    deleted: t.exposeInt('deleted', { description: 'Daily bars deleted.' }),
  }),
});

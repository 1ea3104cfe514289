import { builder } from '../builder.js';
import { deleteEtf } from '../etfs/delete-etf.js';
import { MAX_ETFS_PER_CALL, upsertEtf, upsertEtfs } from '../etfs/upsert-etfs.js';
import { listCost } from '../limits/query-cost.js';
import { AssetClass } from './enums.js';

const EtfInput = builder.inputType('EtfInput', {
  description:
    'An ETF to create, or to update when its ticker exists. On update, an omitted field keeps its value; null (or empty text) clears it, and resets currency to USD.',
  fields: (t) => ({
    ticker: t.string({ required: true }),
    name: t.string({ required: true }),
    issuer: t.string(),
    assetClass: t.field({ type: AssetClass }),
    expenseRatio: t.float({ description: 'A fraction: 0.0009 means 0.09 %.' }),
    inceptionDate: t.field({ type: 'Date' }),
    currency: t.string({ description: 'ISO 4217 code; USD when omitted.' }),
    exchange: t.string(),
    description: t.string(),
    secSeriesId: t.string({
      description:
        "The SEC's id of the fund series (S000002736): N-PORT filings name the series, not the ticker, so holdings imports find the ETF by it.",
    }),
  }),
});

const DeleteEtfPayload = builder.objectRef<{ ticker: string; deletedPrices: number }>('DeleteEtfPayload').implement({
  fields: (t) => ({
    ticker: t.exposeString('ticker'),
    deletedPrices: t.exposeInt('deletedPrices', { description: 'Daily bars deleted with the ETF.' }),
  }),
});

builder.mutationFields((t) => ({
  upsertEtf: t.prismaField({
    type: 'Etf',
    description: 'Creates or updates an ETF by ticker. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: EtfInput, required: true }) },
    resolve: (query, _root, args, ctx) => upsertEtf(ctx.db.prisma, args.input, query),
  }),

  upsertEtfs: t.prismaField({
    type: ['Etf'],
    description: `Creates or updates up to ${MAX_ETFS_PER_CALL} ETFs by ticker, all or none, in input order. Needs an EDITOR key.`,
    authScopes: { editor: true },
    args: { inputs: t.arg({ type: [EtfInput], required: true }) },
    complexity: (args) => listCost(args.inputs.length),
    resolve: (query, _root, args, ctx) => upsertEtfs(ctx.db.prisma, args.inputs, query),
  }),

  deleteEtf: t.field({
    type: DeleteEtfPayload,
    description: 'Deletes an ETF with its prices, indicators and watchlist entries. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { ticker: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => deleteEtf(ctx.db, args.ticker),
  }),
}));

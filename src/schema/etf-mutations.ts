import { builder } from '../builder.js';
import { validateEtfInput } from '../etfs/etf-input.js';
import { AssetClass } from './enums.js';

const EtfInput = builder.inputType('EtfInput', {
  description: 'An ETF to create, or to update when its ticker exists. Omitted optional fields are cleared.',
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
  }),
});

builder.mutationFields((t) => ({
  upsertEtf: t.prismaField({
    type: 'Etf',
    description: 'Creates or updates an ETF by ticker. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: EtfInput, required: true }) },
    resolve: (query, _root, args, ctx) => {
      const data = validateEtfInput(args.input);
      return ctx.db.prisma.etf.upsert({ ...query, where: { ticker: data.ticker }, create: data, update: data });
    },
  }),
}));

import { builder } from '../builder.js';
import { badInput, type InputProblem, problemsOf } from '../errors.js';
import { deleteEtf } from '../etfs/delete-etf.js';
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

const MAX_ETFS_PER_CALL = 1000;

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
    resolve: (query, _root, args, ctx) => {
      const data = validateEtfInput(args.input);
      return ctx.db.prisma.etf.upsert({ ...query, where: { ticker: data.ticker }, create: data, update: data });
    },
  }),

  upsertEtfs: t.prismaField({
    type: ['Etf'],
    description: `Creates or updates up to ${MAX_ETFS_PER_CALL} ETFs by ticker, all or none, in input order. Needs an EDITOR key.`,
    authScopes: { editor: true },
    args: { inputs: t.arg({ type: [EtfInput], required: true }) },
    resolve: async (query, _root, { inputs }, ctx) => {
      if (inputs.length > MAX_ETFS_PER_CALL) {
        throw badInput([
          { path: 'inputs', message: `at most ${MAX_ETFS_PER_CALL} ETFs per call, got ${inputs.length}` },
        ]);
      }
      const problems: InputProblem[] = [];
      const seen = new Map<string, number>();
      const rows = inputs.map((input, index) => {
        try {
          const data = validateEtfInput(input, `inputs[${index}]`);
          const first = seen.get(data.ticker);
          if (first !== undefined)
            problems.push({ path: `inputs[${index}].ticker`, message: `duplicates inputs[${first}] (${data.ticker})` });
          seen.set(data.ticker, index);
          return data;
        } catch (error) {
          const found = problemsOf(error);
          if (found.length === 0) throw error;
          problems.push(...found);
          return null;
        }
      });
      if (problems.length > 0) throw badInput(problems);
      const valid = rows.filter((row) => row !== null);
      await ctx.db.prisma.$transaction(
        valid.map((data) => ctx.db.prisma.etf.upsert({ where: { ticker: data.ticker }, create: data, update: data })),
      );
      const etfs = await ctx.db.prisma.etf.findMany({
        ...query,
        where: { ticker: { in: valid.map((d) => d.ticker) } },
      });
      const byTicker = new Map(etfs.map((etf) => [etf.ticker, etf]));
      return valid.map((data) => byTicker.get(data.ticker) as (typeof etfs)[number]);
    },
  }),

  deleteEtf: t.field({
    type: DeleteEtfPayload,
    description: 'Deletes an ETF with its prices, indicators and watchlist entries. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { ticker: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => deleteEtf(ctx.db, args.ticker),
  }),
}));

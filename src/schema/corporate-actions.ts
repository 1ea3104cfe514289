// Splits and dividends: the lists on Etf, and the mutations that record,
// replace and delete them. Each change rewrites the adjustment factors and the
// stored adjusted indicators in the same transaction.
import { builder } from '../builder.js';
import { type ActionKind, deleteCorporateAction, recordCorporateAction } from '../corporate-actions/record-action.js';
import { CorporateActionKind } from './enums.js';

builder.prismaObject('CorporateAction', {
  description: 'A split or a cash dividend, with the factors it applies to earlier bars of adjusted prices.',
  fields: (t) => ({
    kind: t.expose('kind', { type: CorporateActionKind }),
    date: t.expose('date', { type: 'Date', description: "The split date or the dividend's ex-date." }),
    value: t.exposeFloat('value', { description: 'The split ratio (2-for-1 is 2) or the dividend per share.' }),
    priceFactor: t.exposeFloat('priceFactor', {
      description: 'Multiplies adjusted prices before `date`: 1/ratio, or 1 − amount / the close before the ex-date.',
    }),
    volumeFactor: t.exposeFloat('volumeFactor', { description: 'Multiplies adjusted volumes before `date`.' }),
  }),
});

const Split = builder.prismaObject('CorporateAction', {
  variant: 'Split',
  description: 'A stock split.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    ratio: t.exposeFloat('value', {
      description: 'New shares per old share: 2-for-1 is 2, a 1-for-10 reverse split 0.1.',
    }),
  }),
});

const Dividend = builder.prismaObject('CorporateAction', {
  variant: 'Dividend',
  description: 'A cash dividend.',
  fields: (t) => ({
    exDate: t.expose('date', { type: 'Date' }),
    amount: t.exposeFloat('value', { description: 'Per share, in the currency of the prices.' }),
    factor: t.exposeFloat('priceFactor', {
      description: 'Multiplies adjusted prices before the ex-date: 1 − amount / the close before it.',
    }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  corporateActions: t.relation('corporateActions', {
    description: 'Splits and dividends, oldest first.',
    cacheScope: 'public',
    query: { orderBy: [{ date: 'asc' }, { kind: 'asc' }] },
  }),
  splits: t.relation('corporateActions', {
    type: Split,
    description: 'Stock splits, oldest first.',
    cacheScope: 'public',
    query: { where: { kind: 'SPLIT' }, orderBy: { date: 'asc' } },
  }),
  dividends: t.relation('corporateActions', {
    type: Dividend,
    description: 'Cash dividends by ex-date, oldest first.',
    cacheScope: 'public',
    query: { where: { kind: 'DIVIDEND' }, orderBy: { date: 'asc' } },
  }),
}));

const recorded =
  (kind: ActionKind) =>
  ({ etfId, date }: { etfId: number; date: Date }) => ({
    where: { etfId_date_kind: { etfId, date, kind } },
  });

builder.mutationFields((t) => ({
  recordSplit: t.prismaField({
    type: Split,
    description:
      'Records a split (or replaces the ratio of the one on that date): 2-for-1 is ratio 2, a 1-for-10 reverse split 0.1. Adjusted prices and indicators before `date` change with it. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: {
      ticker: t.arg.string({ required: true }),
      date: t.arg({ type: 'Date', required: true }),
      ratio: t.arg.float({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const key = await recordCorporateAction(ctx.db, 'SPLIT', args.ticker, args.date, args.ratio);
      return ctx.db.prisma.corporateAction.findUniqueOrThrow({ ...query, ...recorded('SPLIT')(key) });
    },
  }),

  recordDividend: t.prismaField({
    type: Dividend,
    description:
      'Records a cash dividend per share (or replaces the amount of the one on that ex-date). It must be below the close before the ex-date. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: {
      ticker: t.arg.string({ required: true }),
      exDate: t.arg({ type: 'Date', required: true }),
      amount: t.arg.float({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const key = await recordCorporateAction(ctx.db, 'DIVIDEND', args.ticker, args.exDate, args.amount);
      return ctx.db.prisma.corporateAction.findUniqueOrThrow({ ...query, ...recorded('DIVIDEND')(key) });
    },
  }),

  deleteSplit: t.boolean({
    description: 'Deletes the split on `date`; false when there is none. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { ticker: t.arg.string({ required: true }), date: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, args, ctx) => deleteCorporateAction(ctx.db, 'SPLIT', args.ticker, args.date),
  }),

  deleteDividend: t.boolean({
    description: 'Deletes the dividend with that ex-date; false when there is none. Needs an EDITOR key.',
    authScopes: { editor: true },
    args: { ticker: t.arg.string({ required: true }), exDate: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, args, ctx) => deleteCorporateAction(ctx.db, 'DIVIDEND', args.ticker, args.exDate),
  }),
}));

// The Etf type and the queries that find ETFs.
import { builder } from '../builder.js';
import { badInput } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { normalizeTicker, tickerProblem } from '../etfs/ticker.js';
import { AssetClass } from './enums.js';

export const Etf = builder.prismaNode('Etf', {
  id: { field: 'id' },
  // node(id:) of an unknown ETF, or of an id that is no number, is null.
  nullable: true,
  findUnique: (id) => ({ id: /^\d{1,9}$/.test(String(id)) ? Number(id) : -1 }),
  description: 'An exchange-traded fund.',
  fields: (t) => ({
    ticker: t.exposeString('ticker', { description: 'Upper-case ticker symbol, e.g. SPY.' }),
    name: t.exposeString('name'),
    issuer: t.exposeString('issuer', { nullable: true }),
    assetClass: t.expose('assetClass', { type: AssetClass, nullable: true }),
    expenseRatio: t.exposeFloat('expenseRatio', {
      nullable: true,
      description: 'Annual expense ratio as a fraction: 0.0009 means 0.09 %.',
    }),
    inceptionDate: t.expose('inceptionDate', { type: 'Date', nullable: true }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code of the trading currency.' }),
    exchange: t.exposeString('exchange', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  etf: t.prismaField({
    authScopes: { reader: true },
    type: 'Etf',
    nullable: true,
    description: 'One ETF by ticker (case-insensitive); null when unknown.',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.etf.findUnique({ ...query, where: { ticker: normalizeTicker(args.ticker) } }),
  }),

  etfs: t.prismaConnection(
    {
      authScopes: { reader: true },
      type: 'Etf',
      cursor: 'ticker',
      description: 'All ETFs in ticker order, optionally filtered. A Relay connection.',
      defaultSize: 20,
      maxSize: 100,
      args: {
        search: t.arg.string({ description: 'Matches anywhere in the ticker, name or issuer, ignoring case.' }),
        assetClass: t.arg({ type: AssetClass }),
      },
      resolve: (query, _root, args, ctx) => {
        // Prisma's `contains` passes % and _ through as LIKE wildcards.
        const search = args.search?.trim().replace(/[\\%_]/g, (char) => `\\${char}`);
        return ctx.db.prisma.etf.findMany({
          ...query,
          orderBy: { ticker: 'asc' },
          where: {
            ...(args.assetClass ? { assetClass: args.assetClass } : {}),
            ...(search
              ? {
                  OR: [
                    { ticker: { contains: search, mode: 'insensitive' } },
                    { name: { contains: search, mode: 'insensitive' } },
                    { issuer: { contains: search, mode: 'insensitive' } },
                  ],
                }
              : {}),
          },
        });
      },
    },
    { name: 'EtfConnection' },
    { name: 'EtfEdge' },
  ),

  etfsByTicker: t.prismaField({
    authScopes: { reader: true },
    type: ['Etf'],
    nullable: { list: false, items: true },
    description:
      'ETFs in the order of `tickers` (case-insensitive), null for each unknown one. What multi-ticker charts use: their prices are fetched together.',
    args: { tickers: t.arg.stringList({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      // Also refused before execution (src/limits); kept here for callers that bypass that plugin.
      const max = ctx.config.limits.maxTickers;
      if (args.tickers.length > max) {
        throw badInput([{ path: 'tickers', message: `at most ${max} tickers, got ${args.tickers.length}` }]);
      }
      const problems = args.tickers.flatMap((ticker, index) => {
        const problem = tickerProblem(ticker);
        return problem ? [{ path: `tickers[${index}]`, message: problem }] : [];
      });
      if (problems.length > 0) throw badInput(problems);
      const tickers = args.tickers.map((ticker) => ticker.trim().toUpperCase());
      const unique = [...new Set(tickers)];
      const found =
        Object.keys(query).length === 0
          ? await findEtfsByTicker(ctx.db.pool, unique)
          : await ctx.db.prisma.etf.findMany({ ...query, where: { ticker: { in: unique } } });
      const byTicker = new Map(found.map((etf) => [etf.ticker, etf]));
      return tickers.map((ticker) => byTicker.get(ticker) ?? null);
    },
  }),
}));

// The Etf type and the queries that find ETFs.
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { searchEtfIds } from '../etfs/search-etfs.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { AssetClass as AssetClassValue } from '../generated/prisma/enums.js';
import { listCost } from '../limits/query-cost.js';
import { AssetClass } from './enums.js';
import { DEFAULT_PAGE, MAX_PAGE, pageSizeProblems } from './page-size.js';

export const Etf = builder.prismaNode('Etf', {
  id: { field: 'id', cacheScope: 'parent' },
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
    secSeriesId: t.exposeString('secSeriesId', {
      nullable: true,
      description: "The SEC's id of the fund series, which N-PORT filings name it by.",
    }),
  }),
});

/** Searches of this request by text: `totalCount` and the page ask for the same one. */
const searches = new WeakMap<Context, Map<string, Promise<number[]>>>();

/** The Prisma filter of `etfs`: the ETFs a search finds, of one asset class. */
async function etfFilter(
  ctx: Context,
  args: { search?: string | null; assetClass?: AssetClassValue | null },
): Promise<Prisma.EtfWhereInput> {
  const search = args.search?.trim();
  if (!search) return args.assetClass ? { assetClass: args.assetClass } : {};
  const byText = searches.get(ctx) ?? new Map<string, Promise<number[]>>();
  searches.set(ctx, byText);
  const ids = byText.get(search) ?? searchEtfIds(ctx.db.pool, search);
  byText.set(search, ids);
  return { ...(args.assetClass ? { assetClass: args.assetClass } : {}), id: { in: await ids } };
}

/**
 * The ETFs a root field returns, noted as read: what their fields select in
 * the same statement (splits, dividends) changes with them (the response cache).
 */
function noted<T extends { id: number }>(ctx: Context, etfs: T[]): T[];
function noted<T extends { id: number }>(ctx: Context, etf: T | null): T | null;
function noted<T extends { id: number }>(ctx: Context, etfs: T | T[] | null): T | T[] | null {
  if (Array.isArray(etfs)) ctx.noteEtfsRead(etfs.map((etf) => etf.id));
  else if (etfs) ctx.noteEtfsRead([etfs.id]);
  return etfs;
}

builder.queryFields((t) => ({
  etf: t.prismaField({
    cacheScope: 'public',
    authScopes: { reader: true },
    type: 'Etf',
    nullable: true,
    description: 'One ETF by ticker (case-insensitive); null when unknown.',
    args: { ticker: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      noted(ctx, await ctx.db.prisma.etf.findUnique({ ...query, where: { ticker: normalizeTicker(args.ticker) } })),
  }),

  etfs: t.prismaConnection(
    {
      authScopes: { reader: true },
      cacheScope: 'public',
      type: 'Etf',
      cursor: 'ticker',
      description: `All ETFs in ticker order, optionally filtered. A Relay connection of at most ${MAX_PAGE} a page (${DEFAULT_PAGE} by default).`,
      defaultSize: DEFAULT_PAGE,
      complexity: (args) => listCost(args.first ?? args.last ?? DEFAULT_PAGE),
      maxSize: MAX_PAGE,
      args: {
        search: t.arg.string({
          description:
            'Finds the text anywhere in the ticker, name or issuer (ignoring case), or its words and their stems in the name, issuer, asset class or description ("bonds" finds bond ETFs).',
        }),
        assetClass: t.arg({ type: AssetClass }),
      },
      totalCount: async (_connection, args, ctx) => ctx.db.prisma.etf.count({ where: await etfFilter(ctx, args) }),
      resolve: async (query, _root, args, ctx) => {
        // first: 0 is a page of none, for totalCount alone.
        const problems = pageSizeProblems({ first: args.first, last: args.last }, 0);
        if (problems.length > 0) throw badInput(problems);
        return noted(
          ctx,
          await ctx.db.prisma.etf.findMany({ ...query, orderBy: { ticker: 'asc' }, where: await etfFilter(ctx, args) }),
        );
      },
    },
    { name: 'EtfConnection' },
    { name: 'EtfEdge' },
  ),

  etfsByTicker: t.prismaField({
    cacheScope: 'public',
    authScopes: { reader: true },
    type: ['Etf'],
    nullable: { list: false, items: true },
    description:
      'ETFs in the order of `tickers` (case-insensitive), null for each unknown one. What multi-ticker charts use: their prices are fetched together.',
    args: { tickers: t.arg.stringList({ required: true }) },
    complexity: (args) => listCost(args.tickers.length),
    resolve: async (query, _root, args, ctx) => {
      const tickers = parseTickerList(args.tickers, { max: ctx.config.limits.maxTickers });
      const unique = [...new Set(tickers)];
      const found =
        Object.keys(query).length === 0
          ? await findEtfsByTicker(ctx.db.pool, unique)
          : await ctx.db.prisma.etf.findMany({ ...query, where: { ticker: { in: unique } } });
      const byTicker = new Map(noted(ctx, found).map((etf) => [etf.ticker, etf]));
      return tickers.map((ticker) => byTicker.get(ticker) ?? null);
    },
  }),
}));

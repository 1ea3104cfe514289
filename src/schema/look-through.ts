// Query.lookThrough: a portfolio of ETFs (or the caller's watchlist, equally
// weighted) seen through to the securities underneath and their exposure.
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { toIsoDate } from '../dates.js';
import { badInput, type InputProblem } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { parseTicker } from '../etfs/ticker.js';
import { lookThrough, MAX_DEPTH } from '../holdings/look-through.js';
import { type ExposureKey as ExposureKeyName, readWatchlistEtfIds } from '../holdings/read-holdings.js';
import { computeCost } from '../limits/query-cost.js';
import { Etf } from './etf.js';
import { ExposureKey, ExposureSlice, LOOK_THROUGH_COST_FACTOR, type SliceShape } from './exposure.js';
import { Security, type SecurityShape } from './holdings.js';

const MAX_LOOK_THROUGH_HOLDINGS = 1000;
/** Weights are percent and must add up to 100, within this. */
const WEIGHT_TOLERANCE = 0.5;

type LookThroughHoldingShape = { securityId: number; weight: number };
type LookThroughShape = {
  asOf: string | null;
  holdings: LookThroughHoldingShape[];
  exposure: SliceShape[];
  withoutHoldings: number[];
};

const PortfolioWeight = builder.inputType('PortfolioWeight', {
  description: 'An ETF of a portfolio and its weight in percent.',
  fields: (t) => ({
    ticker: t.string({ required: true }),
    weight: t.float({ required: true, description: 'Percent: the weights of a portfolio add up to 100.' }),
  }),
});

const LookThroughHolding = builder.objectRef<LookThroughHoldingShape>('LookThroughHolding').implement({
  description:
    'A security underneath the portfolio and its weight in it (percent), summed over every fund that holds it.',
  fields: (t) => ({
    security: t.field({
      type: Security,
      cacheScope: 'parent',
      resolve: async (holding, _args, ctx): Promise<SecurityShape> => {
        const security = await ctx.loaders.holdings.securities.load(holding.securityId);
        if (!security) throw new Error(`security ${holding.securityId} vanished`);
        return security;
      },
    }),
    weight: t.exposeFloat('weight'),
  }),
});

const LookThrough = builder.objectRef<LookThroughShape>('LookThrough').implement({
  description: 'A portfolio seen through its funds.',
  fields: (t) => ({
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The latest date among the snapshots read.',
      cacheScope: 'parent',
      resolve: (result) => result.asOf,
    }),
    holdings: t.field({
      type: [LookThroughHolding],
      description: 'The securities underneath, largest weight first (as many as `first` asked).',
      cacheScope: 'parent',
      resolve: (result) => result.holdings,
    }),
    exposure: t.field({
      type: [ExposureSlice],
      description: 'Weights grouped by `by`; the weight of ETFs without holdings is in the Unknown slice.',
      cacheScope: 'parent',
      resolve: (result) => result.exposure,
    }),
    withoutHoldings: t.field({
      type: [Etf],
      description: 'ETFs of the portfolio with no holdings on or before the date.',
      cacheScope: 'parent',
      resolve: async (result, _args, ctx) =>
        (await ctx.loaders.holdings.etfs.loadMany(result.withoutHoldings)).flatMap((etf) =>
          etf && !(etf instanceof Error) ? [etf] : [],
        ),
    }),
  }),
});

/** The portfolio's ETF ids and weights, or every problem with it. */
async function portfolioOf(
  ctx: Context,
  portfolio: readonly { ticker: string; weight: number }[] | null | undefined,
): Promise<{ etfId: number; weight: number }[]> {
  const max = ctx.config.limits.maxTickers;
  if (portfolio == null) {
    const principal = await ctx.caller.principal();
    if (principal?.kind !== 'user') {
      throw badInput([
        { path: 'portfolio', message: 'is needed without a signed-in user (whose watchlist it defaults to)' },
      ]);
    }
    const ids = await readWatchlistEtfIds(ctx.db.pool, principal.userId, max);
    if (ids.length === 0) throw badInput([{ path: 'portfolio', message: 'the watchlist is empty: give a portfolio' }]);
    return ids.map((etfId) => ({ etfId, weight: 100 / ids.length }));
  }
  const problems: InputProblem[] = [];
  if (portfolio.length === 0 || portfolio.length > max) {
    problems.push({ path: 'portfolio', message: `must hold 1 to ${max} ETFs, got ${portfolio.length}` });
  }
  const tickers: string[] = [];
  let sum = 0;
  portfolio.slice(0, max).forEach((entry, i) => {
    const parsed = parseTicker(entry.ticker);
    if ('problem' in parsed) problems.push({ path: `portfolio[${i}].ticker`, message: parsed.problem });
    else if (tickers.includes(parsed.ticker)) {
      problems.push({ path: `portfolio[${i}].ticker`, message: `${parsed.ticker} appears twice` });
    } else tickers.push(parsed.ticker);
    if (!Number.isFinite(entry.weight) || entry.weight <= 0 || entry.weight > 100) {
      problems.push({
        path: `portfolio[${i}].weight`,
        message: `must be above 0 and at most 100 (percent), got ${entry.weight}`,
      });
    }
    sum += entry.weight;
  });
  if (problems.length === 0 && Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
    problems.push({ path: 'portfolio', message: `weights are percent and must add up to 100, got ${sum}` });
  }
  if (problems.length > 0) throw badInput(problems);
  const found = new Map((await findEtfsByTicker(ctx.db.pool, tickers)).map((etf) => [etf.ticker, etf.id]));
  const unknown = tickers.flatMap((ticker, i) =>
    found.has(ticker) ? [] : [{ path: `portfolio[${i}].ticker`, message: `no ETF has the ticker ${ticker}` }],
  );
  if (unknown.length > 0) throw badInput(unknown);
  return portfolio.map((entry, i) => ({ etfId: found.get(tickers[i] as string) as number, weight: entry.weight }));
}

builder.queryFields((t) => ({
  lookThrough: t.field({
    type: LookThrough,
    authScopes: { reader: true },
    description: `A portfolio of ETFs seen through to the securities underneath: each ETF replaced by its holdings (snapshot on or before \`asOf\`, default the latest) scaled by its weight, and ETFs among those by theirs, down to ${MAX_DEPTH} levels. Without \`portfolio\`, the signed-in user's watchlist, equally weighted.`,
    args: {
      portfolio: t.arg({ type: [PortfolioWeight] }),
      by: t.arg({ type: ExposureKey, defaultValue: 'SECTOR', description: 'What `exposure` is grouped by.' }),
      asOf: t.arg({ type: 'Date' }),
      first: t.arg.int({ defaultValue: 50, description: `Securities listed: 0 to ${MAX_LOOK_THROUGH_HOLDINGS}.` }),
    },
    // The watchlist default makes the answer the caller's own.
    cacheScope: 'caller',
    extensions: computeCost(
      (args: { portfolio?: readonly unknown[] | null }, extent) =>
        (args.portfolio?.length ?? 20) * extent.largestSnapshot * LOOK_THROUGH_COST_FACTOR,
    ),
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 0 || first > MAX_LOOK_THROUGH_HOLDINGS) {
        throw badInput([{ path: 'first', message: `must be from 0 to ${MAX_LOOK_THROUGH_HOLDINGS}, got ${first}` }]);
      }
      const roots = await portfolioOf(ctx, args.portfolio);
      ctx.noteEtfsRead(roots.map((root) => root.etfId));
      const by = (args.by ?? 'SECTOR') as ExposureKeyName;
      const seen = await lookThrough(ctx.loaders.holdings, roots, {
        asOf: args.asOf ? toIsoDate(args.asOf) : null,
        key: by,
        depth: MAX_DEPTH,
        maxPositions: ctx.costLimit,
      });
      ctx.budget.take(first * 4 + seen.slices.length * 4);
      return {
        asOf: seen.asOf,
        holdings: seen.securities.slice(0, first),
        exposure: seen.slices.map((slice) => ({ by, ...slice })),
        withoutHoldings: seen.withoutHoldings,
      };
    },
  }),
}));

// Query.correlation: how the returns of a set of ETFs move together.
import { builder } from '../builder.js';
import { checkCorrelationLast, correlate } from '../correlation/correlation.js';
import { badInput } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import { windowBarsBound } from '../limits/query-cost.js';
import { parseBarWindow } from '../prices/bar-window.js';
import { ADJUSTED_DESCRIPTION } from './bar-window-args.js';
import { Interval } from './enums.js';

type CorrelationValue = Awaited<ReturnType<typeof correlate>> & { tickers: string[] };

const CorrelationMatrix = builder.objectRef<CorrelationValue>('CorrelationMatrix').implement({
  description:
    "Pearson's correlation of the ETFs' log returns ln(close / previous close), over the periods (days, ISO weeks or months) in which every one of them has a bar: the closes are joined on those periods first, then each return runs from one common period to the next.",
  fields: (t) => ({
    tickers: t.exposeStringList('tickers', {
      description: 'The tickers, upper-case, in the order asked: the rows and columns of `matrix`.',
    }),
    observations: t.exposeInt('observations', { description: 'The returns each coefficient is computed over.' }),
    matrix: t.field({
      type: t.listRef(t.listRef('Float', { nullable: true })),
      description:
        '`matrix[i][j]` is the correlation of `tickers[i]` and `tickers[j]`, from -1 to 1; the diagonal is 1. Null in the row and column of a series whose returns are constant (a flat price), and everywhere under 2 observations.',
      resolve: (value) => value.matrix,
    }),
    from: t.field({
      type: 'Date',
      nullable: true,
      description: 'The first common period (the closes the first returns start from); null when there is none.',
      resolve: (value) => value.from,
    }),
    to: t.field({
      type: 'Date',
      nullable: true,
      description: 'The last common period; for weekly and monthly bars, the latest bar date among the ETFs in it.',
      resolve: (value) => value.to,
    }),
  }),
});

builder.queryFields((t) => ({
  correlation: t.field({
    authScopes: { reader: true },
    type: CorrelationMatrix,
    description:
      'The correlation matrix of two or more ETFs. `from` and `to` bound the bars (inclusive); `last: N` keeps the N most recent returns (N + 1 common periods).',
    args: {
      tickers: t.arg.stringList({ required: true, description: 'Two or more distinct tickers (case-insensitive).' }),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
      last: t.arg.int({ description: 'The most recent returns to use, from 2.' }),
      interval: t.arg({ type: Interval, defaultValue: 'DAILY' }),
      adjusted: t.arg.boolean({ defaultValue: true, description: ADJUSTED_DESCRIPTION }),
    },
    complexity: (args) => ({
      field: args.tickers.length * windowBarsBound({ ...args, last: args.last == null ? null : args.last + 1 }),
      multiplier: 0,
    }),
    resolve: async (_root, args, ctx) => {
      const tickers = parseTickerList(args.tickers, { max: ctx.config.limits.maxTickers, min: 2, distinct: true });
      checkCorrelationLast(args.last ?? null);
      const window = parseBarWindow({ ...args, last: null });
      const found = new Map((await findEtfsByTicker(ctx.db.pool, tickers)).map((etf) => [etf.ticker, etf.id]));
      const unknown = tickers.flatMap((ticker, i) =>
        found.has(ticker) ? [] : [{ path: `tickers[${i}]`, message: `no ETF has the ticker ${ticker}` }],
      );
      if (unknown.length > 0) throw badInput(unknown);
      const ids = tickers.map((ticker) => found.get(ticker) as number);
      const result = await correlate(ctx.db.pool, ctx.reads, ids, { ...window, last: args.last ?? null });
      ctx.budget.take(tickers.length * tickers.length + tickers.length);
      return { ...result, tickers };
    },
  }),
}));

// Etf.performance: trailing returns and one-year risk as of a date, batched
// across ETFs (one statement for any number of them: performance/read-performance.ts).
import { builder } from '../builder.js';
import { toIsoDate } from '../dates.js';
import { sharpe1y } from '../performance/performance.js';
import type { Metrics } from '../performance/read-performance.js';

/** The bars one ETF's figures may read when computed: a year of daily bars, at most one a calendar day. */
export const PERFORMANCE_COST = 366;

const trailing = (period: string) =>
  `close(asOf) / close(b) − 1, where b is the last bar on or before ${period}; null when the history does not reach that date.`;

const RETURNS = [
  ['return1D', 'return_1d', trailing('the day before asOf (the previous bar)')],
  ['return1W', 'return_1w', trailing('7 days before asOf')],
  [
    'return1M',
    'return_1m',
    trailing('the same date 1 month earlier, clamped to the month end (31 March → 28/29 February)'),
  ],
  ['return3M', 'return_3m', trailing('the same date 3 months earlier, clamped to the month end')],
  ['return6M', 'return_6m', trailing('the same date 6 months earlier, clamped to the month end')],
  ['returnYTD', 'return_ytd', trailing('31 December of the previous year (its last bar)')],
  ['return1Y', 'return_1y', trailing('the same date a year earlier (29 February → 28 February)')],
  ['return3Y', 'return_3y', `Annualized: (1 + r)^(1/3) − 1 of r = ${trailing('the same date 3 years earlier')}`],
  ['return5Y', 'return_5y', `Annualized: (1 + r)^(1/5) − 1 of r = ${trailing('the same date 5 years earlier')}`],
] as const;

const Performance = builder.objectRef<Metrics>('Performance').implement({
  description:
    'Trailing returns and one-year risk of an ETF as of its last bar on or before a date, from daily closes (back-adjusted for splits and dividends with `adjusted: true`: total return). Returns are fractions: 0.012 is +1.2 %.',
  fields: (t) => ({
    asOf: t.field({
      type: 'Date',
      description: 'The last bar on or before the asked date: every figure is as of it.',
      cacheScope: 'parent',
      resolve: (metrics) => metrics.date,
    }),
    ...Object.fromEntries(
      RETURNS.map(([name, column, description]) => [
        name,
        t.float({ nullable: true, description, cacheScope: 'parent', resolve: (metrics) => metrics[column] }),
      ]),
    ),
    volatility1Y: t.float({
      nullable: true,
      description:
        'The sample standard deviation of the daily log returns ln(close / previous close) of the last 252 bars, × √252; null under 253 bars.',
      cacheScope: 'parent',
      resolve: (metrics) => metrics.volatility_1y,
    }),
    maxDrawdown1Y: t.float({
      nullable: true,
      description:
        'The largest fall of a close from the highest close before it, within the last 252 bars, as a positive fraction (0 when none fell); null under 252 bars.',
      cacheScope: 'parent',
      resolve: (metrics) => metrics.max_drawdown_1y,
    }),
    sharpe1Y: t.float({
      nullable: true,
      description:
        '(mean daily log return of the last 252 bars × 252 − riskFreeRate) / volatility1Y; null when volatility1Y is null or 0.',
      args: {
        riskFreeRate: t.arg.float({
          defaultValue: 0,
          description: 'A yearly rate as a fraction (0.05 for 5 %), from -1 to 1.',
        }),
      },
      cacheScope: 'parent',
      resolve: (metrics, args) => sharpe1y(metrics, args.riskFreeRate ?? 0),
    }),
    high52W: t.float({
      nullable: true,
      description: 'The highest high of the bars after the same date a year earlier, up to asOf.',
      cacheScope: 'parent',
      resolve: (metrics) => metrics.high_52w,
    }),
    low52W: t.float({
      nullable: true,
      description: 'The lowest low of the bars after the same date a year earlier, up to asOf.',
      cacheScope: 'parent',
      resolve: (metrics) => metrics.low_52w,
    }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  performance: t.field({
    type: Performance,
    nullable: true,
    description:
      'Returns and risk as of the last bar on or before `asOf` (default: the latest bar); null when there is none.',
    args: {
      asOf: t.arg({ type: 'Date' }),
      adjusted: t.arg.boolean({
        defaultValue: true,
        description: 'Back-adjusted closes (total return); false: the prices as traded.',
      }),
    },
    complexity: { field: PERFORMANCE_COST, multiplier: 0 },
    cacheScope: 'public',
    resolve: (etf, args, ctx) =>
      ctx.loaders.performance(args.asOf ? toIsoDate(args.asOf) : null, args.adjusted ?? true).load(etf.id),
  }),
}));

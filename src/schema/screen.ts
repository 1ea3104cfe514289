// Query.screen: the ETFs whose metrics pass a filter, ordered by any metric,
// a Relay page at a time, each page one SQL statement (src/screen/).
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { toIsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { computeCost, listCost } from '../limits/query-cost.js';
import { runScreen, type ScreenEdge as ScreenEdgeValue, type ScreenPage } from '../screen/run-screen.js';
import {
  MAX_CONDITIONS,
  MAX_FILTER_DEPTH,
  MAX_FILTER_NODES,
  MAX_LIST,
  MAX_ORDER_KEYS,
  parseScreen,
  type ScreenFilterInput,
  type ScreenOrderInput,
} from '../screen/screen-filter.js';
import { SCREEN_METRIC_NAMES, SCREEN_METRICS, type ScreenMetricName } from '../screen/screen-metrics.js';
import { AssetClass } from './enums.js';
import { Etf } from './etf.js';
import { DEFAULT_PAGE, MAX_PAGE, pageSizeProblems } from './page-size.js';
import { PERFORMANCE_COST } from './performance.js';

const ScreenMetric = builder.enumType('ScreenMetric', {
  description:
    "What a screen compares and orders by, as of each ETF's judged bar. Indicators are the stored default set; returns and risk are defined as on `Performance`.",
  values: Object.fromEntries(
    SCREEN_METRIC_NAMES.map((name) => [name, { description: SCREEN_METRICS[name].description }]),
  ) as Record<ScreenMetricName, { description: string }>,
});

const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

const FloatRange = builder.inputType('FloatRange', {
  description: 'An inclusive range: min ≤ value ≤ max.',
  fields: (t) => ({ min: t.float({ required: true }), max: t.float({ required: true }) }),
});

export const ScreenFilter = builder.inputRef<ScreenFilterInput>('ScreenFilter').implement({
  // Counted before coercion (src/limits/input-size.ts), and again by parseScreen.
  extensions: { maxNodes: MAX_FILTER_NODES },
  description: `A condition on an ETF. Each key set is one condition, and all of them must hold: \`{ metric: RSI_14, lt: 30, assetClass: [FIXED_INCOME] }\`. A comparison with a null value (a history too short for it) is false, and \`not\` makes it true. An empty filter matches every ETF. At most ${MAX_FILTER_DEPTH} levels of and, or and not, ${MAX_CONDITIONS} conditions, ${MAX_LIST} items a list, ${MAX_FILTER_NODES} filters in all.`,
  fields: (t) => ({
    and: t.field({ type: [ScreenFilter], description: 'Every one of these holds (not empty).' }),
    or: t.field({ type: [ScreenFilter], description: 'At least one of these holds (not empty).' }),
    not: t.field({ type: ScreenFilter, description: 'This does not hold.' }),
    metric: t.field({ type: ScreenMetric, description: 'The metric the comparisons of this filter apply to.' }),
    lt: t.float({ description: 'metric < this number.' }),
    lte: t.float({ description: 'metric ≤ this number.' }),
    gt: t.float({ description: 'metric > this number.' }),
    gte: t.float({ description: 'metric ≥ this number.' }),
    eq: t.float({ description: 'metric = this number, exactly.' }),
    between: t.field({ type: FloatRange, description: 'min ≤ metric ≤ max.' }),
    ltMetric: t.field({ type: ScreenMetric, description: 'metric < this other metric of the same ETF.' }),
    lteMetric: t.field({ type: ScreenMetric, description: 'metric ≤ this other metric.' }),
    gtMetric: t.field({ type: ScreenMetric, description: 'metric > this other metric (CLOSE above SMA_200).' }),
    gteMetric: t.field({ type: ScreenMetric, description: 'metric ≥ this other metric.' }),
    assetClass: t.field({ type: [AssetClass], description: 'The asset class is one of these.' }),
    issuer: t.stringList({ description: 'The issuer is one of these (ignoring case).' }),
    currency: t.stringList({ description: 'The trading currency is one of these ISO codes.' }),
  }),
});

const ScreenOrder = builder.inputType('ScreenOrder', {
  description: 'A sort key. Nulls come last in either direction; the ticker breaks ties.',
  fields: (t) => ({
    metric: t.field({ type: ScreenMetric, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});

export const ScreenValue = builder
  .objectRef<{ metric: ScreenMetricName; value: number | null }>('ScreenValue')
  .implement({
    description: "A metric's value for one ETF on its judged bar.",
    fields: (t) => ({
      metric: t.field({ type: ScreenMetric, resolve: (value) => value.metric }),
      value: t.float({ nullable: true, resolve: (value) => value.value }),
    }),
  });

const ScreenEdge = builder.objectRef<ScreenEdgeValue>('ScreenEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Etf, resolve: (edge) => edge.node }),
    date: t.field({
      type: 'Date',
      description: "The ETF's judged bar (its last on or before asOf): every value is as of it.",
      resolve: (edge) => edge.date,
    }),
    values: t.field({
      type: [ScreenValue],
      description: 'The metrics the filter and the order use, in order of first use.',
      resolve: (edge) => edge.values,
    }),
  }),
});

const ScreenConnection = builder.objectRef<ScreenPage>('ScreenConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [ScreenEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (page) => page.pageInfo }),
    totalCount: t.exposeInt('totalCount', { description: 'The ETFs that pass the filter, on every page.' }),
  }),
});

const histories = (ctx: Context, asOf: string | null, adjusted: boolean) => async (ids: readonly number[]) =>
  ctx.loaders.indicators
    .history('DAILY', asOf, adjusted)
    .loadMany(ids)
    .then((loaded) =>
      loaded.map((history) => {
        if (history instanceof Error) throw history;
        return history;
      }),
    );

builder.queryFields((t) => ({
  screen: t.field({
    authScopes: { reader: true },
    type: ScreenConnection,
    description: `The ETFs that pass \`where\`, each judged on its last bar on or before \`asOf\` (default: its latest bar; ETFs without one are left out), ordered by \`orderBy\` (default: ticker). A Relay page of at most ${MAX_PAGE} ETFs; one SQL statement a page, whatever the number of ETFs.`,
    args: {
      where: t.arg({ type: ScreenFilter, required: true }),
      orderBy: t.arg({ type: [ScreenOrder], description: `At most ${MAX_ORDER_KEYS} keys.` }),
      first: t.arg.int({ defaultValue: DEFAULT_PAGE, description: `1 to ${MAX_PAGE}.` }),
      after: t.arg.string({ description: "An edge's cursor: the page starts after it." }),
      asOf: t.arg({ type: 'Date' }),
      adjusted: t.arg.boolean({
        defaultValue: false,
        description: 'Judge back-adjusted prices (total return) instead of the prices as traded.',
      }),
    },
    complexity: (args) => listCost(args.first ?? DEFAULT_PAGE),
    // Every ETF is judged: on its stored latest figures, or as of a date on a year of its bars.
    extensions: computeCost((args: { asOf?: Date | null }, extent) =>
      args.asOf ? extent.etfs * PERFORMANCE_COST : extent.etfs,
    ),
    resolve: async (_root, args, ctx) => {
      const screen = parseScreen(args.where, args.orderBy as ScreenOrderInput[] | null | undefined);
      const first = args.first ?? DEFAULT_PAGE;
      screen.problems.push(...pageSizeProblems({ first }));
      if (screen.problems.length > 0) throw badInput(screen.problems);
      const asOf = args.asOf ? toIsoDate(args.asOf) : null;
      const adjusted = args.adjusted ?? false;
      return runScreen(ctx.db.pool, histories(ctx, asOf, adjusted), screen, {
        asOf,
        adjusted,
        first,
        after: args.after ?? null,
      });
    },
  }),
}));

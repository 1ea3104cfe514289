// Etf.indicators: every indicator of the catalog as a field of `Indicators`,
// with the arguments and defaults the catalog states, one point per bar of the
// window (the same dates as `prices` with the same arguments); and the same
// fields in columns under `Indicators.columns`, for charting libraries.
import { builder } from '../builder.js';
import {
  INDICATOR_NAMES,
  INDICATORS,
  type IndicatorName,
  MAX_PERIOD,
  type ParamSpec,
  type Params,
  POINTS,
  type PointShape,
} from '../indicators/catalog.js';
import { indicatorComputeCost } from '../indicators/compute-cost.js';
import {
  type IndicatorColumns as ColumnsValue,
  type IndicatorsHandle,
  indicatorColumns,
  indicatorPoints,
  type Point,
} from '../indicators/indicator-points.js';
import { computeCost, ONE_PER_BAR, PER_BAR, perBarCost } from '../limits/query-cost.js';
import { parseBarWindow } from '../prices/bar-window.js';
import { parseDecimals } from '../prices/rounding.js';
import { ADJUSTED_DESCRIPTION, roundedWindowArgs } from './bar-window-args.js';
import { PARAM_ENUM_TYPES } from './enums.js';

const SHAPES: readonly PointShape[] = Object.values(POINTS);
type PointRef = ReturnType<typeof builder.objectRef<Point>>;
type ColumnsRef = ReturnType<typeof builder.objectRef<ColumnsValue>>;

/** The point type of each shape of the catalog: `date` and the shape's fields. */
const pointTypes = new Map(
  SHAPES.map((shape) => [
    shape,
    builder.objectRef<Point>(shape.name).implement({
      description: shape.description,
      fields: (t) => ({
        date: t.field({ type: 'Date', cacheScope: 'parent', resolve: (point) => point.date }),
        ...Object.fromEntries(
          shape.fields.map((field) => [
            field,
            t.float({ nullable: true, cacheScope: 'parent', resolve: (point) => point[field] as number | null }),
          ]),
        ),
      }),
    }),
  ]),
);

// The columnar twin of each point type (IndicatorPoint → IndicatorColumn, MacdPoint
// → MacdColumns, …): one list per field; the dates are IndicatorColumns.dates.
const columnTypes = new Map(
  SHAPES.map((shape) => [
    shape,
    builder
      .objectRef<ColumnsValue>(
        shape.name === 'IndicatorPoint' ? 'IndicatorColumn' : shape.name.replace(/Point$/, 'Columns'),
      )
      .implement({
        description: `${shape.description} In columns: item i of each list is on \`IndicatorColumns.dates[i]\`.`,
        fields: (t) =>
          Object.fromEntries(
            shape.fields.map((field, f) => [
              field,
              t.field({
                type: ['Float'],
                nullable: { list: false, items: true },
                cacheScope: 'parent',
                resolve: (value) => value.columns[f] ?? [],
              }),
            ]),
          ),
      }),
  ]),
);

/** The catalog's arguments of one indicator, with its defaults: a fresh set of refs per field. */
const indicatorArgs = (name: IndicatorName) =>
  builder.args((t) => {
    const argument = (param: ParamSpec) => {
      const required = param.default === undefined;
      switch (param.kind) {
        case 'int':
          return t.int({ defaultValue: param.default, required });
        case 'float':
          return t.float({ defaultValue: param.default, required });
        case 'ints':
          return t.intList({ defaultValue: param.default && [...param.default], required });
        case 'floats':
          return t.floatList({ defaultValue: param.default && [...param.default], required });
        case 'enum':
          return t.field({ type: PARAM_ENUM_TYPES[param.enumName], defaultValue: param.default, required });
        default:
          return t.string({ defaultValue: param.default, required });
      }
    };
    return Object.fromEntries(INDICATORS[name].params.map((param) => [param.name, argument(param)]));
  });

/**
 * What an indicator's field states, as points on `Indicators` and as columns on
 * `IndicatorColumns` alike: its description, its arguments, its cost, and that
 * its answer is the same for every caller (a `beta` reads its benchmark too,
 * and the cache is evicted for it: src/cache/response-cache.ts).
 */
const indicatorField = (name: IndicatorName) => ({
  description: INDICATORS[name].description,
  args: indicatorArgs(name),
  complexity: ONE_PER_BAR,
  extensions: computeCost((params: Params, extent) => indicatorComputeCost(name, params, extent)),
  cacheScope: 'public' as const,
});

// Every indicator's shape is one of POINTS, so each has its two types.
const pointTypeOf = (name: IndicatorName) => pointTypes.get(INDICATORS[name].point) as PointRef;
const columnsTypeOf = (name: IndicatorName) => columnTypes.get(INDICATORS[name].point) as ColumnsRef;

const IndicatorColumns = builder.objectRef<IndicatorsHandle>('IndicatorColumns').implement({
  description:
    'The indicators of `Indicators` in columns: parallel lists, item i of each on `dates[i]`. About half the size of the point lists, and what uPlot, ECharts datasets and pandas take.',
  fields: (t) => ({
    dates: t.field({
      type: ['Date'],
      complexity: ONE_PER_BAR,
      cacheScope: 'public',
      description: 'The dates of the window: the same as `Etf.series(...).dates` with the same arguments.',
      resolve: async (handle, _args, ctx) => {
        const { dates } = await ctx.loaders.priceBars(handle.window, []).load(handle.etfId);
        ctx.budget.take(dates.length);
        return dates;
      },
    }),
    ...Object.fromEntries(
      INDICATOR_NAMES.map((name) => [
        name,
        t.field({
          ...indicatorField(name),
          type: columnsTypeOf(name),
          resolve: (handle, params, ctx) => indicatorColumns(ctx, handle, name, params as Params),
        }),
      ]),
    ),
  }),
});

const Indicators = builder.objectRef<IndicatorsHandle>('Indicators').implement({
  description: `Technical indicators over the bars of the window. A value on a date is computed over the whole history up to that date, whatever the window. Periods are whole numbers from 1 (2 for \`hma\`, \`cti\` and \`beta\`) to ${MAX_PERIOD}; a bad argument is a BAD_USER_INPUT error naming it.`,
  fields: (t) => ({
    ...Object.fromEntries(
      INDICATOR_NAMES.map((name) => [
        name,
        t.field({
          ...indicatorField(name),
          type: [pointTypeOf(name)],
          resolve: (handle, params, ctx) => indicatorPoints(ctx, handle, name, params as Params),
        }),
      ]),
    ),
    columns: t.field({
      type: IndicatorColumns,
      description: 'The same indicators in columns, with their dates listed once.',
      cacheScope: 'parent',
      resolve: (handle) => handle,
    }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  indicators: t.field({
    type: Indicators,
    description: `Indicators over the same bars as \`prices\` with the same arguments. ${ADJUSTED_DESCRIPTION}`,
    args: roundedWindowArgs(),
    complexity: perBarCost,
    extensions: PER_BAR,
    cacheScope: 'public',
    resolve: (etf, args) => ({ etfId: etf.id, window: parseBarWindow(args), decimals: parseDecimals(args.decimals) }),
  }),
}));

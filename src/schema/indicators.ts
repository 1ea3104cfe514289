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
} from '../indicators/catalog.js';
import {
  type IndicatorColumns as ColumnsValue,
  type IndicatorsHandle,
  indicatorColumns,
  indicatorPoints,
  POINT_FIELDS,
  type Point,
} from '../indicators/indicator-points.js';
import { ONE_PER_BAR, perBarCost } from '../limits/query-cost.js';
import { parseBarWindow } from '../prices/bar-window.js';
import { parseDecimals } from '../prices/rounding.js';
import { ADJUSTED_DESCRIPTION, roundedWindowArgs } from './bar-window-args.js';
import { PARAM_ENUM_TYPES } from './enums.js';

type PointTypeName = keyof typeof POINT_FIELDS;
const POINT_TYPE_NAMES = Object.keys(POINT_FIELDS) as PointTypeName[];

const POINT_DESCRIPTIONS: Record<PointTypeName, string> = {
  IndicatorPoint: 'One value of an indicator; null during its warm-up or where it is 0/0.',
  MacdPoint: 'MACD line, signal line and histogram (macd − signal).',
  BandPoint: 'A channel: upper, middle and lower band.',
  StochasticPoint: 'Stochastic oscillator: fast %K, fast %D and slow %D, 0 to 100.',
  AdxPoint: 'Average directional index with the +DI and −DI it comes from.',
  AroonPoint: 'Aroon up and down (0 to 100) and their difference, the oscillator (−100 to 100).',
  SignalPoint: 'An indicator value and its signal line.',
  TdiPoint: 'Trend detection index (tdi) and the directional index (di) it comes from.',
  EmvPoint: 'Ease of movement (emv) and its moving average (ma).',
  BetaPoint: 'A rolling regression on a benchmark: alpha, beta and R².',
};

const pointTypes = Object.fromEntries(
  POINT_TYPE_NAMES.map((name) => [
    name,
    builder.objectRef<Point>(name).implement({
      description: POINT_DESCRIPTIONS[name],
      fields: (t) => ({
        date: t.field({ type: 'Date', resolve: (point) => point.date }),
        ...Object.fromEntries(
          POINT_FIELDS[name].map((field) => [
            field,
            t.float({ nullable: true, resolve: (point) => point[field] as number | null }),
          ]),
        ),
      }),
    }),
  ]),
) as Record<PointTypeName, ReturnType<typeof builder.objectRef<Point>>>;

// The columnar twin of each point type (IndicatorPoint → IndicatorColumn, MacdPoint
// → MacdColumns, …): one list per field; the dates are IndicatorColumns.dates.
const columnTypes = Object.fromEntries(
  POINT_TYPE_NAMES.map((name) => [
    name,
    builder
      .objectRef<ColumnsValue>(name === 'IndicatorPoint' ? 'IndicatorColumn' : name.replace(/Point$/, 'Columns'))
      .implement({
        description: `${POINT_DESCRIPTIONS[name]} In columns: item i of each list is on \`IndicatorColumns.dates[i]\`.`,
        fields: (t) =>
          Object.fromEntries(
            POINT_FIELDS[name].map((field, f) => [
              field,
              t.field({
                type: ['Float'],
                nullable: { list: false, items: true },
                resolve: (value) => value.columns[f] ?? [],
              }),
            ]),
          ),
      }),
  ]),
) as Record<PointTypeName, ReturnType<typeof builder.objectRef<ColumnsValue>>>;

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
    return Object.fromEntries(INDICATORS[name].params.map((param: ParamSpec) => [param.name, argument(param)]));
  });

const IndicatorColumns = builder.objectRef<IndicatorsHandle>('IndicatorColumns').implement({
  description:
    'The indicators of `Indicators` in columns: parallel lists, item i of each on `dates[i]`. About half the size of the point lists, and what uPlot, ECharts datasets and pandas take.',
  fields: (t) => ({
    dates: t.field({
      type: ['Date'],
      complexity: ONE_PER_BAR,
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
          type: columnTypes[INDICATORS[name].point],
          description: INDICATORS[name].description,
          args: indicatorArgs(name),
          complexity: ONE_PER_BAR,
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
          type: [pointTypes[INDICATORS[name].point]],
          description: INDICATORS[name].description,
          args: indicatorArgs(name),
          complexity: ONE_PER_BAR,
          resolve: (handle, params, ctx) => indicatorPoints(ctx, handle, name, params as Params),
        }),
      ]),
    ),
    columns: t.field({
      type: IndicatorColumns,
      description: 'The same indicators in columns, with their dates listed once.',
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
    resolve: (etf, args) => ({ etfId: etf.id, window: parseBarWindow(args), decimals: parseDecimals(args.decimals) }),
  }),
}));

// Etf.indicators: every indicator of the catalog as a field of `Indicators`,
// with the arguments and defaults the catalog states, one point per bar of the
// window (the same dates as `prices` with the same arguments).
import { builder } from '../builder.js';
import {
  type IndicatorsHandle,
  indicatorPoints,
  POINT_FIELDS,
  type Point,
} from '../indicator-queries/indicator-points.js';
import { INDICATOR_NAMES, INDICATORS, MAX_PERIOD, type ParamSpec, type Params } from '../indicators/catalog.js';
import { parseBarWindow } from '../prices/bar-window.js';
import { ADJUSTED_DESCRIPTION, barWindowArgs } from './bar-window-args.js';

const POINT_DESCRIPTIONS: Record<keyof typeof POINT_FIELDS, string> = {
  IndicatorPoint: 'One value of an indicator; null during its warm-up or where it is 0/0.',
  MacdPoint: 'MACD line, signal line and histogram (macd − signal).',
  BandPoint: 'A channel: upper, middle and lower band.',
  StochasticPoint: 'Stochastic oscillator: fast %K, fast %D and slow %D, 0 to 100.',
  AdxPoint: 'Average directional index with the +DI and −DI it comes from.',
};

const pointTypes = Object.fromEntries(
  (Object.keys(POINT_FIELDS) as (keyof typeof POINT_FIELDS)[]).map((name) => [
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
) as Record<keyof typeof POINT_FIELDS, ReturnType<typeof builder.objectRef<Point>>>;

const Indicators = builder.objectRef<IndicatorsHandle>('Indicators').implement({
  description: `Technical indicators over the bars of the window. A value on a date is computed over the whole history up to that date, whatever the window. Periods are whole numbers from 1 to ${MAX_PERIOD}.`,
  fields: (t) =>
    Object.fromEntries(
      INDICATOR_NAMES.map((name) => {
        const spec = INDICATORS[name];
        const args = Object.fromEntries(
          (spec.params as ParamSpec[]).map((param) => [
            param.name,
            param.kind === 'multiplier'
              ? t.arg.float({ defaultValue: param.default, required: param.default === undefined })
              : t.arg.int({ defaultValue: param.default, required: param.default === undefined }),
          ]),
        );
        return [
          name,
          t.field({
            type: [pointTypes[spec.point]],
            description: spec.description,
            args,
            resolve: (handle, params, ctx) => indicatorPoints(ctx, handle, name, params as Params),
          }),
        ];
      }),
    ),
});

builder.prismaObjectFields('Etf', (t) => ({
  indicators: t.field({
    type: Indicators,
    description: `Indicators over the same bars as \`prices\` with the same arguments. ${ADJUSTED_DESCRIPTION}`,
    args: barWindowArgs(),
    resolve: (etf, args) => ({ etfId: etf.id, window: parseBarWindow(args) }),
  }),
}));

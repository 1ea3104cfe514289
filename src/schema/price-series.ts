// Etf.series: the bars of `prices` in columns (one list per field), as uPlot,
// ECharts datasets and pandas take them. Same window arguments and the same
// batched loader as `prices`; only the lists asked for are read and built, and
// the response is about half the size of the object form.
import { builder } from '../builder.js';
import { barsCost } from '../limits/query-cost.js';
import { MAX_LAST } from '../prices/bar-window.js';
import type { History } from '../prices/history.js';
import { ADJUSTED_DESCRIPTION, roundedWindowArgs, windowBars } from './bar-window-args.js';

const column = (history: History, field: keyof History['bars']) => Array.from(history.bars[field]);

export const PriceSeries = builder.objectRef<History>('PriceSeries').implement({
  description:
    'Bars as parallel lists in ascending date order: `close[i]` is the close on `dates[i]`. The same bars as `prices` with the same arguments.',
  fields: (t) => ({
    dates: t.field({ type: ['Date'], cacheScope: 'parent', resolve: (history) => history.dates }),
    open: t.floatList({ cacheScope: 'parent', resolve: (history) => column(history, 'open') }),
    high: t.floatList({ cacheScope: 'parent', resolve: (history) => column(history, 'high') }),
    low: t.floatList({ cacheScope: 'parent', resolve: (history) => column(history, 'low') }),
    close: t.floatList({ cacheScope: 'parent', resolve: (history) => column(history, 'close') }),
    volume: t.floatList({
      cacheScope: 'parent',
      description: 'Shares traded (Floats: volumes pass 2^31).',
      resolve: (history) => column(history, 'volume'),
    }),
  }),
});

builder.prismaObjectFields('Etf', (t) => ({
  series: t.field({
    type: PriceSeries,
    description: `The bars of \`prices\` in columns, for charting libraries and data frames. \`from\` and \`to\` are inclusive; \`last: N\` keeps the N most recent bars up to \`to\` (at most ${MAX_LAST}). ${ADJUSTED_DESCRIPTION}`,
    args: roundedWindowArgs(),
    complexity: barsCost,
    cacheScope: 'public',
    resolve: (etf, args, ctx, info) => windowBars(ctx, etf.id, args, info),
  }),
}));

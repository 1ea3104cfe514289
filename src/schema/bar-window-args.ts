// The arguments that choose a window of bars, shared by `prices` and
// `indicators` so that the same arguments always mean the same bars.
import { builder } from '../builder.js';
import { Interval } from './enums.js';

export const ADJUSTED_DESCRIPTION =
  '`adjusted: true` back-adjusts for splits and dividends (multiplicatively): bars before a split date are divided by its ratio (volumes multiplied), bars before an ex-date multiplied by 1 − amount / the close before it.';

/** A fresh set of argument refs per field, as Pothos recommends for reused arguments. */
export const barWindowArgs = () =>
  builder.args((t) => ({
    from: t.field({ type: 'Date' }),
    to: t.field({ type: 'Date' }),
    last: t.int(),
    interval: t.field({ type: Interval, defaultValue: 'DAILY' }),
    adjusted: t.boolean({ defaultValue: false }),
  }));

// The arguments that choose a window of bars, shared by `prices` and
// `indicators` so that the same arguments always mean the same bars.
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { selectedBarFields } from '../prices/bar-fields.js';
import { type BarWindowArgs, parseBarWindow } from '../prices/bar-window.js';
import type { History } from '../prices/history.js';
import { MAX_DECIMALS, parseDecimals, roundHistory } from '../prices/rounding.js';
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

/** The window's arguments and `decimals`, for the fields whose arguments are not fixed (`series`, indicators; not `prices`). */
export const roundedWindowArgs = () => ({
  ...barWindowArgs(),
  ...builder.args((t) => ({ decimals: t.int({ description: DECIMALS_DESCRIPTION }) })),
});

export const DECIMALS_DESCRIPTION = `Rounds every value to this many decimal places (0 to ${MAX_DECIMALS}, half away from zero); full precision when omitted.`;

/**
 * The bars a `prices` or `series` field shows: its window, only the columns it
 * selects, batched with the same fields of other ETFs, and taken from the
 * response's budget before anything is built from them.
 */
export async function windowBars(
  ctx: Context,
  etfId: number,
  args: BarWindowArgs,
  info: GraphQLResolveInfo,
): Promise<History> {
  const fields = selectedBarFields(info);
  const decimals = parseDecimals(args.decimals);
  const history = await ctx.loaders.priceBars(parseBarWindow(args), fields).load(etfId);
  ctx.budget.take(history.dates.length * (fields.length + 1));
  return roundHistory(history, decimals);
}

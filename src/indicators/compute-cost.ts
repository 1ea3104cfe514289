// What computing an indicator on demand costs, for the estimate made before a
// query runs (src/limits/query-cost.ts): its kernel runs over the ETF's whole
// history up to the window's end, whatever bars the window shows, so its cost
// is that history times the kernel's work a bar. Indicators of the stored set
// are read, not computed: their bars are their cost.
import type { DataExtent } from '../limits/data-extent.js';
import { WORK_PER_COST_UNIT } from '../limits/query-cost.js';
import { INDICATORS, type IndicatorName, type Params } from './catalog.js';
import { MAX_PERIOD } from './params.js';
import { findStored } from './stored/default-set.js';

export function indicatorComputeCost(name: IndicatorName, params: Params, extent: DataExtent): number {
  if (findStored(name, params)) return 0;
  const work = INDICATORS[name].work(params);
  // Arguments are checked when the field runs; an out-of-range one costs as the largest valid one.
  const perBar = Number.isFinite(work) ? Math.min(Math.max(work, 1), MAX_PERIOD) : MAX_PERIOD;
  return Math.ceil((extent.historyBars * perBar) / WORK_PER_COST_UNIT);
}

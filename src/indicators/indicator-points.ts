// Resolves one indicator field for one ETF and window: validated arguments,
// then either the stored default set (one range scan) or the kernel over the
// whole history up to `to`, so a date's value never depends on the window.
import { badInput } from '../errors.js';
import { normalizeTicker } from '../etfs/ticker.js';
import { inSlices } from '../limits/cpu-slices.js';
import type { BarWindow } from '../prices/bar-window.js';
import type { History } from '../prices/history.js';
import { roundList } from '../prices/rounding.js';
import {
  type Companions,
  INDICATORS,
  type Indicator,
  type IndicatorName,
  type Params,
  paramProblems,
} from './catalog.js';
import type { IndicatorLoaders } from './loaders.js';
import { findStored, type StoredIndicator } from './stored/default-set.js';
import type { StoredColumns } from './stored/read-stored.js';

/** `decimals`: how the values are rounded, null for full precision (src/prices/rounding.ts). */
export type IndicatorsHandle = { etfId: number; window: BarWindow; decimals: number | null };
export type Point = { date: string } & Record<string, number | null | string>;

type IndicatorContext = {
  loaders: { indicators: IndicatorLoaders };
  /** The response's ceiling: a series takes its values before it is built. */
  budget: { take(values: number): void };
  /** Kernel results of this request, by ETF, series and parameters. */
  computed: Map<string, Record<string, Float64Array>>;
};

/** One indicator over a window in columns: `columns[f][t]` is field f on `dates[t]`. */
export type IndicatorColumns = { dates: readonly string[]; columns: (number | null)[][] };

/** An indicator's values over the window, in columns (the fields of its point type, in order), rounded as asked. */
export async function indicatorColumns(
  ctx: IndicatorContext,
  handle: IndicatorsHandle,
  name: IndicatorName,
  params: Params,
): Promise<IndicatorColumns> {
  const exact = await exactColumns(ctx, handle, name, params);
  if (handle.decimals === null) return exact;
  return { dates: exact.dates, columns: exact.columns.map((column) => roundList(column, handle.decimals)) };
}

async function exactColumns(
  ctx: IndicatorContext,
  handle: IndicatorsHandle,
  name: IndicatorName,
  params: Params,
): Promise<IndicatorColumns> {
  const problems = paramProblems(name, params);
  if (problems.length > 0) throw badInput(problems);
  const indicator: Indicator = INDICATORS[name];
  const { fields } = indicator.point;
  const { window } = handle;

  const storedSpec = window.interval === 'DAILY' ? findStored(name, params) : undefined;
  if (storedSpec) {
    const reads = [...Object.values(storedSpec.columns), ...(storedSpec.derivedFrom ?? [])];
    const stored = await ctx.loaders.indicators.stored(window).load(handle.etfId, reads);
    // Past the stored set (a large load whose job has not run yet): computed below, to the same values.
    if (stored.current) return storedColumns(ctx, stored, storedSpec, fields, reads);
  }

  const benchmark = benchmarkOf(indicator, params);
  const loadHistory = ctx.loaders.indicators.history(window.interval, window.to, window.adjusted);
  let history: History;
  let companions: Companions | undefined;
  if (benchmark === undefined) {
    history = await loadHistory.load(handle.etfId);
  } else {
    // The benchmark's bars come through the same batched loader as the ETFs'
    // own, up to the same `to`: after one lookup of the benchmarks' ids, one
    // more read at most, whatever the number of ETFs.
    const benchmarkId = await ctx.loaders.indicators.etfIdByTicker.load(benchmark.ticker);
    if (benchmarkId === null) {
      throw badInput([{ path: benchmark.argument, message: `no ETF has the ticker ${benchmark.ticker}` }]);
    }
    const [own, other] = await Promise.all([loadHistory.load(handle.etfId), loadHistory.load(benchmarkId)]);
    history = own;
    companions = { dates: own.dates, benchmark: other };
  }
  const key = `${handle.etfId}|${window.interval}|${window.to ?? ''}|${window.adjusted}|${name}|${JSON.stringify(params)}|${benchmark?.ticker ?? ''}`;
  let outputs = ctx.computed.get(key);
  if (!outputs) {
    // Another field of this request may have computed it while this one waited its turn.
    outputs = await inSlices(() => ctx.computed.get(key) ?? indicator.compute(history.bars, params, companions));
    ctx.computed.set(key, outputs);
  }
  const [start, end] = windowRange(history, window);
  ctx.budget.take((end - start) * (fields.length + 1));
  return {
    dates: history.dates.slice(start, end),
    columns: fields.map((field) => {
      const values = outputs[field] as Float64Array;
      const column: (number | null)[] = new Array(end - start);
      for (let t = start; t < end; t++) {
        const value = values[t] as number;
        // NaN (warm-up, 0/0) and ±Infinity never reach a response.
        column[t - start] = Number.isFinite(value) ? value : null;
      }
      return column;
    }),
  };
}

/** The ETF an indicator's ticker argument names (beta's benchmark), upper-cased; undefined when it has none. */
function benchmarkOf(indicator: Indicator, params: Params): { argument: string; ticker: string } | undefined {
  const spec = indicator.params.find((param) => param.kind === 'ticker');
  return spec && { argument: spec.name, ticker: normalizeTicker(params[spec.name] as string, spec.name) };
}

/** The stored values of a window, with the fields that are derived from stored columns (e.g. a histogram). */
function storedColumns(
  ctx: IndicatorContext,
  stored: StoredColumns,
  storedSpec: StoredIndicator,
  fields: readonly string[],
  reads: readonly string[],
): IndicatorColumns {
  ctx.budget.take(stored.dates.length * (fields.length + 1));
  return {
    dates: stored.dates,
    columns: fields.map((field) => {
      const column = storedSpec.columns[field];
      if (column) return stored.values[column] as (number | null)[];
      const derive = storedSpec.derived?.[field];
      const inputs = reads.map((name) => [name, stored.values[name] ?? []] as const);
      return stored.dates.map((_, t) =>
        derive ? derive(Object.fromEntries(inputs.map(([name, values]) => [name, values[t] ?? null]))) : null,
      );
    }),
  };
}

/** An indicator's values over the window, one point per bar. */
export async function indicatorPoints(
  ctx: IndicatorContext,
  handle: IndicatorsHandle,
  name: IndicatorName,
  params: Params,
): Promise<Point[]> {
  const { dates, columns } = await indicatorColumns(ctx, handle, name, params);
  const { fields } = INDICATORS[name].point;
  const points: Point[] = new Array(dates.length);
  for (let t = 0; t < dates.length; t++) {
    const point: Point = { date: dates[t] as string };
    for (let f = 0; f < fields.length; f++) point[fields[f] as string] = (columns[f] as (number | null)[])[t] ?? null;
    points[t] = point;
  }
  return points;
}

/** The bars of a history that a window shows: date ≥ from, then the last N. */
function windowRange(history: History, window: BarWindow): [number, number] {
  const end = history.dates.length;
  let start = 0;
  if (window.from) {
    const from = window.from;
    while (start < end && (history.dates[start] as string) < from) start++;
  }
  if (window.last !== null) start = Math.max(start, end - window.last);
  return [start, end];
}

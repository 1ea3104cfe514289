// The form of an entry of the indicator catalog: its arguments by name and
// kind, the shape of its values, and a kernel call that receives the arguments
// typed by their kinds (a period as a number, weights as a list of numbers, an
// estimator as one of its names) and must return every field of the shape.
import type { Bars, History } from '../prices/history.js';
import type { ParamKind, ParamSpec, Params, ParamValueOf } from './params.js';

/** What an indicator may read besides the ETF's bars: their dates, and the history of the benchmark it names. */
export type Companions = { dates: readonly string[]; benchmark?: History };

/**
 * The values of an indicator on one date: a GraphQL point type (and its
 * columnar twin), whose fields besides `date` are the kernel's outputs, in order.
 */
export type PointShape<F extends string = string> = { name: string; fields: readonly F[]; description: string };

type Problem = { path: string; message: string };

type ParamKinds = Record<string, ParamKind>;
type ParamValues<P extends ParamKinds> = { readonly [N in keyof P]: ParamValueOf<P[N]> };

type Declaration<P extends ParamKinds, F extends string> = {
  /** The arguments by name, in the order the schema lists them. */
  params: P;
  point: PointShape<F>;
  compute(bars: Bars, params: ParamValues<P>, companions?: Companions): Record<NoInfer<F>, Float64Array>;
  /** Problems that involve more than one argument, once each argument is valid on its own. */
  check?(params: ParamValues<P>): Problem[];
  /**
   * The kernel's work a bar, relative to one pass over the history: its window
   * where it recomputes each window afresh (TTR's exact runCov, ranks, a mean
   * deviation); 1 (the default) for kernels that carry running sums.
   */
  work?(params: ParamValues<P>): number;
  description: string;
};

/** A catalog entry as the schema, the read path and the tests use it. */
export type Indicator<F extends string = string> = {
  /** The arguments in the order declared, each with its name. */
  params: readonly ParamSpec[];
  point: PointShape<F>;
  /** `params` must have passed the catalog's paramProblems. */
  compute(bars: Bars, params: Params, companions?: Companions): Record<F, Float64Array>;
  check?(params: Params): Problem[];
  /** Work a bar, for the cost estimate (src/indicators/compute-cost.ts); `params` may be unchecked. */
  work(params: Params): number;
  description: string;
};

export function defineIndicator<P extends ParamKinds, F extends string>(declaration: Declaration<P, F>): Indicator<F> {
  const { params, point, compute, check, work, description } = declaration;
  // Every value has been checked against its kind before a kernel or a check
  // sees it (paramProblems), so it has the type its kind gives.
  const typed = (values: Params) => values as ParamValues<P>;
  return {
    params: Object.entries(params).map(([name, kind]) => ({ ...kind, name })),
    point,
    compute: (bars, values, companions) => compute(bars, typed(values), companions),
    check: check && ((values) => check(typed(values))),
    work: (values) => (work ? work(typed(values)) : 1),
    description,
  };
}

// What a query would read, declared on the fields that read it, so the cost of
// a field cannot drift from its arguments: cost = Σ over every list of bars (a
// `prices` or `series` field, or one indicator field) of the ETFs it is asked
// for × the bars per ETF. A 10-ticker, 5-year daily chart with five indicators
// costs 10 × 1,260 × 6 = 75,600.
//
// Fields declare their cost with Pothos's complexity plugin (`complexity:` in
// the field's options, typed by its arguments) in its model: a field costs its
// own `field` plus `multiplier` × the cost of its selection. Every field without
// a declaration costs nothing and multiplies by one, lists included, since only
// bars cost. The declarations used:
// - `barsCost`: a list of bars or points over a window (`prices`, `series`);
// - `perBarCost`: its children are one list per bar of a window (`indicators`);
// - `ONE_PER_BAR`: one such child;
// - `listCost(n)`: it returns n ETFs (or other parents of bars).
//
// Work that is not reading bars is declared apart, as `computeCost` in the
// field's extensions, from its arguments and the data's extent: a kernel over
// whole histories (indicators not in the stored set, `beta`), a screen as of a
// date. It is multiplied by the ETFs above it but not by the bars of a
// `perBarCost` parent: a kernel runs once per ETF, however many bars it shows.
//
// The sum is ours (`estimateCost`), not the plugin's limit: that one checks
// when the first root field resolves (execution begun, one error per root
// field) and charges meta fields a unit, times the multiplier above them, so
// the `__typename` the response cache adds to every selection set would cost
// as much as one more indicator.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { type DomainError, queryTooCostly } from '../errors.js';
import { EARLIEST_DATE } from '../prices/validate-bars.js';
import type { DataExtent } from './data-extent.js';

const DAY_MS = 86_400_000;
/** Calendar days per bar at most: a week holds one weekly bar, 28 days at most one monthly bar. */
const DAYS_PER_BAR = { DAILY: 1, WEEKLY: 7, MONTHLY: 28 } as const;

/**
 * The most bars a history can hold: one a calendar day since the earliest date
 * a bar may have (bars are not limited to weekdays). A window without `last`
 * or `from` is costed at that, not at a typical history, since a history back
 * to 1900 is accepted.
 */
export function fullHistoryBars(now = Date.now()): number {
  return Math.ceil((now - Date.parse(EARLIEST_DATE)) / DAY_MS) + 1;
}

type WindowArgs = { from?: Date | null; to?: Date | null; last?: number | null; interval?: string | null };

const timeOf = (date: Date | null | undefined) => {
  const time = date?.getTime();
  return time !== undefined && Number.isFinite(time) ? time : undefined;
};

/** The bars per ETF a window can hold at most. */
export function windowBarsBound(args: WindowArgs): number {
  const days = DAYS_PER_BAR[(args.interval ?? 'DAILY') as keyof typeof DAYS_PER_BAR] ?? 1;
  const from = timeOf(args.from);
  const to = timeOf(args.to) ?? Date.now();
  let bars = fullHistoryBars() / days;
  if (from !== undefined) bars = Math.min(bars, Math.max(0, (to - from) / DAY_MS) / days + 1);
  if (typeof args.last === 'number') bars = Math.min(bars, Math.max(args.last, 0));
  return Math.ceil(bars);
}

/** A field whose value is the bars of a window: costs them, whatever it selects. */
export const barsCost = (args: WindowArgs) => ({ field: windowBarsBound(args), multiplier: 0 });

/** A field whose children are each one list per bar of its window (their computeCost is not multiplied by it). */
export const perBarCost = (args: WindowArgs) => ({ field: 0, multiplier: windowBarsBound(args) });

/**
 * Work units (a bar of history × the kernel's work a bar) per unit of cost. A
 * unit of cost is about 10 µs of serving; cti(950), the slowest kernel a bar,
 * takes 2.7 ns a unit (7 ms over 2,600 bars on the reference machine).
 */
export const WORK_PER_COST_UNIT = 2_500;

/** Declares what a field computes, besides what it reads: `extensions: computeCost(...)`. */
export const computeCost = <Args>(cost: (args: Args, extent: DataExtent) => number) => ({ computeCost: cost });

/** Declares that a field's multiplier counts bars, which its children's computeCost does not scale with. */
export const PER_BAR = { perBar: true };

/** A field that returns `count` parents of bars (ETFs, watchlist entries). */
export const listCost = (count: number) => ({ field: 0, multiplier: Math.max(count, 0) });

/** One list per bar, under a `perBarCost` field. */
export const ONE_PER_BAR = { field: 1, multiplier: 0 };

/** The builder's options for the complexity plugin: declarations only; `estimateCost` sums them. */
export const complexityOptions = { defaultComplexity: 0, defaultListMultiplier: 1, disabled: true };

type Weight = number | { field?: number; multiplier?: number };
type Declared = Weight | ((args: Record<string, unknown>) => Weight);

type Compute = (args: Record<string, unknown>, extent: DataExtent) => number;

/** Thrown by estimateCost, given no extent, for a query that computes: read it, and estimate again. */
export const NEEDS_EXTENT = Symbol('the query computes: its cost needs the data extent');

/** A field's declared cost with the arguments of one selection of it. */
function declaredCost(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Variables,
  extent: DataExtent | undefined,
) {
  const declaration = field.extensions.complexity as Declared | undefined;
  const compute = field.extensions.computeCost as Compute | undefined;
  const args =
    typeof declaration === 'function' || compute ? getArgumentValues(field, node, variables) : ({} as Variables);
  const declared = typeof declaration === 'function' ? declaration(args) : declaration;
  if (compute && !extent) throw NEEDS_EXTENT;
  const computed = compute && extent ? Math.max(0, compute(args, extent)) : 0;
  const computeMultiplier = field.extensions.perBar === true ? 1 : undefined;
  if (typeof declared === 'number') return { own: declared, multiplier: 1, computed, computeMultiplier };
  return { own: declared?.field ?? 0, multiplier: declared?.multiplier ?? 1, computed, computeMultiplier };
}

type Variables = Record<string, unknown>;

/**
 * The cost of the operation that will execute, with its coerced variables.
 * Throws the GraphQL error of an argument that does not coerce (execution
 * would refuse it too), and NEEDS_EXTENT when it computes and `extent` is not
 * given (most queries only read: they never wait for the extent).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  extent?: DataExtent,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment spread many times over is costed once per type it lands on, so
  // nested spreads cost linear time, not exponential (validation has refused cycles).
  // Reading and computing are summed apart: a perBar multiplier scales the one, not the other.
  type Cost = { read: number; compute: number };
  const memo = new Map<SelectionSetNode, Map<GraphQLNamedType, Cost>>();
  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType): Cost => {
    const known = memo.get(selectionSet)?.get(type);
    if (known !== undefined) return known;
    const cost = { read: 0, compute: 0 };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue; // __typename and the other meta fields read nothing
        const declared = declaredCost(field, selection, variables, extent);
        cost.read += declared.own;
        cost.compute += declared.computed;
        if (selection.selectionSet && declared.multiplier > 0) {
          const children = costOf(selection.selectionSet, getNamedType(field.type));
          cost.read += declared.multiplier * children.read;
          cost.compute += (declared.computeMultiplier ?? declared.multiplier) * children.compute;
        }
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (fragment && condition) {
          const inner = costOf(fragment.selectionSet, condition);
          cost.read += inner.read;
          cost.compute += inner.compute;
        }
      }
    }
    memo.set(selectionSet, (memo.get(selectionSet) ?? new Map()).set(type, cost));
    return cost;
  };
  const { read, compute } = costOf(operation.selectionSet, root);
  return Math.ceil(read + compute);
}

/** The refusal of a query that costs more than `limit`; `keyedLimit` when a credential would allow more. */
export function costRefusal(cost: number, limit: number, keyedLimit = limit): DomainError {
  const withKey =
    keyedLimit > limit ? ` for requests without credentials (${keyedLimit} with an API key or a session)` : '';
  return queryTooCostly(
    `The query's estimated cost is ${cost} (ETFs × bars for every series), above the limit of ${limit}${withKey}: ask for fewer tickers, fewer series or a shorter window (last, from/to).`,
    { cost, limit },
  );
}

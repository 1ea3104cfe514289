// What a query would read, estimated from its text and variables before it runs:
// cost = Σ over every list of bars (a `prices` or `series` field, or one indicator field) of
// the ETFs it is asked for × the bars per ETF. A 10-ticker, 5-year daily chart
// with five indicators costs 10 × 1,260 × 6 = 75,600.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { EARLIEST_DATE } from '../prices/validate-bars.js';

/**
 * The most bars a history can hold: one a calendar day since the earliest date
 * a bar may have (bars are not limited to weekdays). A window without `last`
 * or `from` is costed at that, not at a typical history, since a history back
 * to 1900 is accepted.
 */
export function fullHistoryBars(now = Date.now()): number {
  return Math.ceil((now - Date.parse(EARLIEST_DATE)) / DAY_MS) + 1;
}
const DAY_MS = 86_400_000;
/** Calendar days per bar at most: a week holds one weekly bar, 28 days at most one monthly bar. */
const DAYS_PER_BAR = { DAILY: 1, WEEKLY: 7, MONTHLY: 28 } as const;
/** ETFs a list field can return at most when its size is not in the query. */
const DEFAULT_LIST_SIZE = { etfs: 100, watchlist: 500, movers: 500 } as const;

type CostEstimate = { cost: number; maxTickers: number };

type Variables = Record<string, unknown> | null | undefined;

function literalValue(node: ValueNode | undefined, variables: Variables): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables));
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  return literalValue(field.arguments?.find((arg) => arg.name.value === name)?.value, variables);
}

/** A date argument as a time: literals are strings, coerced variables Dates. */
function timeOf(value: unknown): number | undefined {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(time) ? time : undefined;
}

function barsPerEtf(field: FieldNode, variables: Variables): number {
  const interval = (argument(field, 'interval', variables) as keyof typeof DAYS_PER_BAR) ?? 'DAILY';
  const days = DAYS_PER_BAR[interval] ?? 1;
  const last = argument(field, 'last', variables);
  const from = timeOf(argument(field, 'from', variables));
  const to = timeOf(argument(field, 'to', variables)) ?? Date.now();
  let bars = fullHistoryBars() / days;
  if (from !== undefined) bars = Math.min(bars, Math.max(0, (to - from) / DAY_MS) / days + 1);
  if (typeof last === 'number') bars = Math.min(bars, Math.max(last, 0));
  return Math.ceil(bars);
}

/** How many items a field returns per parent, for the fields that return ETFs. */
function multiplicity(field: FieldNode, variables: Variables, onTickers: (n: number) => void): number {
  switch (field.name.value) {
    case 'etfsByTicker': {
      const tickers = argument(field, 'tickers', variables);
      const count = Array.isArray(tickers) ? tickers.length : 1;
      onTickers(count);
      return count;
    }
    case 'nodes': {
      const ids = argument(field, 'ids', variables);
      return Array.isArray(ids) ? ids.length : 1;
    }
    case 'etfs': {
      const first = argument(field, 'first', variables);
      return typeof first === 'number' ? Math.max(first, 0) : DEFAULT_LIST_SIZE.etfs;
    }
    case 'watchlist':
      return DEFAULT_LIST_SIZE.watchlist;
    case 'movers': {
      const limit = argument(field, 'limit', variables);
      return typeof limit === 'number' ? Math.max(limit, 0) : DEFAULT_LIST_SIZE.movers;
    }
    default:
      return 1;
  }
}

export function estimateCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName)
    ) {
      operation ??= definition;
    }
  }
  const estimate: CostEstimate = { cost: 0, maxTickers: 0 };
  if (!operation) return estimate;
  const onTickers = (n: number) => {
    estimate.maxTickers = Math.max(estimate.maxTickers, n);
  };

  const walk = (
    selectionSet: SelectionSetNode | undefined,
    factor: number,
    inIndicators: number,
    seen: Set<string>,
  ) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, factor, inIndicators, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (!seen.has(name)) walk(fragments.get(name)?.selectionSet, factor, inIndicators, new Set([...seen, name]));
      } else if (inIndicators > 0 && selection.name.value === 'columns') {
        // The columnar form: each indicator inside it (and `dates`) is a list per bar.
        walk(selection.selectionSet, factor, inIndicators, seen);
      } else if (inIndicators > 0) {
        // Every field of Indicators is a list of points, one per bar.
        estimate.cost += factor * inIndicators;
      } else if (selection.name.value === 'prices' || selection.name.value === 'series') {
        estimate.cost += factor * barsPerEtf(selection, variables);
      } else if (selection.name.value === 'indicators') {
        walk(selection.selectionSet, factor, barsPerEtf(selection, variables), seen);
      } else {
        walk(selection.selectionSet, factor * multiplicity(selection, variables, onTickers), 0, seen);
      }
    }
  };
  walk(operation.selectionSet, 1, 0, new Set());
  return estimate;
}

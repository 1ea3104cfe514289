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

/** Bars assumed for a window without `last` or `from`: about 40 years of trading days. */
export const FULL_HISTORY_BARS = 10_000;
const TRADING_DAYS_PER_CALENDAR_DAY = 252 / 365;
const BARS_PER_PERIOD = { DAILY: 1, WEEKLY: 5, MONTHLY: 21 } as const;
/** ETFs a list field can return at most when its size is not in the query. */
const DEFAULT_LIST_SIZE = { etfs: 100, watchlist: 500, movers: 500 } as const;

export type CostEstimate = { cost: number; maxTickers: number };

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

function barsPerEtf(field: FieldNode, variables: Variables): number {
  const interval = (argument(field, 'interval', variables) as keyof typeof BARS_PER_PERIOD) ?? 'DAILY';
  const per = BARS_PER_PERIOD[interval] ?? 1;
  const last = argument(field, 'last', variables);
  const from = argument(field, 'from', variables);
  const to = argument(field, 'to', variables);
  let bars = FULL_HISTORY_BARS / per;
  if (typeof from === 'string') {
    const end = typeof to === 'string' ? Date.parse(to) : Date.now();
    const days = Math.max(0, (end - Date.parse(from)) / 86_400_000);
    if (Number.isFinite(days)) bars = Math.min(bars, (days * TRADING_DAYS_PER_CALENDAR_DAY) / per + 1);
  }
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

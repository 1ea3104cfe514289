// A screen's `where` and `orderBy`, checked and reduced to a condition tree
// before any SQL is built: every problem is reported with the path of the
// argument that has it, and a filter deeper or larger than the bounds below is
// refused, so the statement built from it stays small.
import type { InputProblem } from '../errors.js';
import type { ScreenMetricName } from './screen-metrics.js';

/** Levels of `where`: the filter itself is level 1, each and/or/not one more. */
export const MAX_FILTER_DEPTH = 5;
/** Comparisons and attribute tests in one filter. */
export const MAX_CONDITIONS = 50;
/**
 * Filters in one `where`, the empty ones and those that only group others
 * included: each is work to check and SQL to build, whatever it says.
 */
export const MAX_FILTER_NODES = 200;
/** Items in one and/or list or one list of attribute values. */
export const MAX_LIST = 100;
/** Keys of orderBy. */
export const MAX_ORDER_KEYS = 5;

type Operator = '<' | '<=' | '>' | '>=' | '=';
const NUMBER_OPERATORS = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=' } as const;
const METRIC_OPERATORS = { ltMetric: '<', lteMetric: '<=', gtMetric: '>', gteMetric: '>=' } as const;
const ATTRIBUTES = { assetClass: 'asset_class', issuer: 'issuer', currency: 'currency' } as const;

export type ScreenFilterInput = {
  and?: readonly ScreenFilterInput[] | null;
  or?: readonly ScreenFilterInput[] | null;
  not?: ScreenFilterInput | null;
  metric?: ScreenMetricName | null;
  between?: { min: number; max: number } | null;
  assetClass?: readonly string[] | null;
  issuer?: readonly string[] | null;
  currency?: readonly string[] | null;
} & { [K in keyof typeof NUMBER_OPERATORS]?: number | null } & {
  [K in keyof typeof METRIC_OPERATORS]?: ScreenMetricName | null;
};

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'number'; metric: ScreenMetricName; operator: Operator; value: number }
  | { kind: 'metric'; metric: ScreenMetricName; operator: Operator; other: ScreenMetricName }
  | { kind: 'between'; metric: ScreenMetricName; min: number; max: number }
  | { kind: 'attribute'; column: (typeof ATTRIBUTES)[keyof typeof ATTRIBUTES]; values: string[] };

export type ScreenOrderInput = { metric: ScreenMetricName; direction?: 'ASC' | 'DESC' | null };
export type ScreenOrder = { metric: ScreenMetricName; descending: boolean };

export type ParsedScreen = {
  condition: Condition;
  order: ScreenOrder[];
  /** The metrics the filter and the order use, in order of first use: what each edge reports. */
  metrics: ScreenMetricName[];
  problems: InputProblem[];
};

export function parseScreen(
  where: ScreenFilterInput,
  orderBy: readonly ScreenOrderInput[] | null | undefined,
): ParsedScreen {
  const problems: InputProblem[] = [];
  const metrics = new Set<ScreenMetricName>();
  let conditions = 0;
  const problem = (path: string, message: string) => problems.push({ path, message });

  const list = <T>(values: readonly T[] | null | undefined, path: string): readonly T[] | null => {
    if (values == null) return null;
    if (values.length === 0) problem(path, 'must not be empty');
    else if (values.length > MAX_LIST) problem(path, `holds at most ${MAX_LIST} items, got ${values.length}`);
    return values.length > 0 && values.length <= MAX_LIST ? values : null;
  };

  let nodes = 0;
  const parse = (filter: ScreenFilterInput, path: string, depth: number): Condition => {
    const parts: Condition[] = [];
    nodes++;
    // Past the bound nothing more is read: the refusal below says why.
    if (nodes > MAX_FILTER_NODES) return { kind: 'and', parts };
    if (depth > MAX_FILTER_DEPTH) {
      problem(path, `nested deeper than ${MAX_FILTER_DEPTH} levels of and, or and not`);
      return { kind: 'and', parts };
    }
    for (const kind of ['and', 'or'] as const) {
      const items = list(filter[kind], `${path}.${kind}`);
      if (items) parts.push({ kind, parts: items.map((item, i) => parse(item, `${path}.${kind}[${i}]`, depth + 1)) });
    }
    if (filter.not) parts.push({ kind: 'not', part: parse(filter.not, `${path}.not`, depth + 1) });
    for (const [key, column] of Object.entries(ATTRIBUTES)) {
      const values = list(filter[key as keyof typeof ATTRIBUTES], `${path}.${key}`);
      if (!values) continue;
      conditions++;
      // Issuers and currencies match whatever their case; asset classes are enum values.
      const normalized = column === 'asset_class' ? [...values] : values.map((value) => value.trim().toLowerCase());
      parts.push({ kind: 'attribute', column, values: normalized });
    }
    parts.push(...comparisons(filter, path));
    return parts.length === 1 ? (parts[0] as Condition) : { kind: 'and', parts };
  };

  const comparisons = (filter: ScreenFilterInput, path: string): Condition[] => {
    const found: Condition[] = [];
    const metric = filter.metric ?? null;
    if (metric) metrics.add(metric);
    for (const [key, operator] of Object.entries(NUMBER_OPERATORS)) {
      const value = filter[key as keyof typeof NUMBER_OPERATORS];
      if (value == null) continue;
      if (!Number.isFinite(value)) problem(`${path}.${key}`, `must be a finite number, got ${value}`);
      else if (metric) found.push({ kind: 'number', metric, operator, value });
    }
    for (const [key, operator] of Object.entries(METRIC_OPERATORS)) {
      const other = filter[key as keyof typeof METRIC_OPERATORS];
      if (other == null || !metric) continue;
      metrics.add(other);
      found.push({ kind: 'metric', metric, operator, other });
    }
    const between = filter.between;
    if (between) {
      if (!Number.isFinite(between.min) || !Number.isFinite(between.max)) {
        problem(`${path}.between`, 'min and max must be finite numbers');
      } else if (between.min > between.max) {
        problem(`${path}.between`, `min ${between.min} is above max ${between.max}`);
      } else if (metric) found.push({ kind: 'between', metric, min: between.min, max: between.max });
    }
    const asked = [...Object.keys(NUMBER_OPERATORS), ...Object.keys(METRIC_OPERATORS), 'between'].filter(
      (key) => filter[key as keyof ScreenFilterInput] != null,
    );
    if (metric && asked.length === 0) {
      problem(
        `${path}.metric`,
        'says nothing to compare it with: add lt, lte, gt, gte, eq, between or ltMetric…gteMetric',
      );
    }
    if (!metric && asked.length > 0) problem(`${path}.${asked[0]}`, 'compares nothing: add the metric it applies to');
    conditions += found.length;
    return found;
  };

  const condition = parse(where, 'where', 1);
  if (nodes > MAX_FILTER_NODES) {
    return {
      condition,
      order: [],
      metrics: [],
      problems: [
        { path: 'where', message: `holds more than ${MAX_FILTER_NODES} filters (and, or, not and empty ones count)` },
      ],
    };
  }
  if (conditions > MAX_CONDITIONS) problem('where', `holds ${conditions} conditions; at most ${MAX_CONDITIONS}`);

  const order: ScreenOrder[] = [];
  (orderBy ?? []).forEach((key, i) => {
    if (order.some((earlier) => earlier.metric === key.metric)) {
      problem(`orderBy[${i}].metric`, `${key.metric} is already a key`);
      return;
    }
    order.push({ metric: key.metric, descending: key.direction === 'DESC' });
    metrics.add(key.metric);
  });
  if (order.length > MAX_ORDER_KEYS) problem('orderBy', `holds at most ${MAX_ORDER_KEYS} keys, got ${order.length}`);
  return { condition, order, metrics: [...metrics], problems };
}

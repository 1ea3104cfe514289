// A screen's condition tested in JavaScript on an ETF judged by judge-all.ts:
// many conditions against one read of every ETF, where running each as a
// screen would cost a statement apiece. It answers exactly as the screen's SQL
// (conditionSql in screen-sql.ts) does on the same values: two-valued, a
// comparison with a null on either side is false and `not` makes it true;
// an empty and/or holds; between is inclusive; the asset class is compared
// exactly, the issuer and the currency lower-cased; float8 order, in which NaN
// equals itself and sorts above every number.

import type { InputProblem } from '../errors.js';
import { AssetClass } from '../generated/prisma/enums.js';
import type { JudgedEtf } from './judge-all.js';
import {
  type Condition,
  MAX_FILTER_DEPTH,
  MAX_FILTER_NODES,
  parseScreen,
  type ScreenFilterInput,
} from './screen-filter.js';
import { SCREEN_METRICS, type ScreenMetricName } from './screen-metrics.js';

export type ParsedCondition = {
  condition: Condition;
  /** The metrics it reads, in order of first use: what judgeAll must be asked for. */
  metrics: ScreenMetricName[];
  problems: InputProblem[];
};

/**
 * A `where` checked as the screen checks it (parseScreen), and also for what
 * GraphQL's input coercion checks before a screen ever sees it: a filter read
 * back from storage as JSON has not been through that.
 */
export function parseCondition(where: unknown): ParsedCondition {
  const problems: InputProblem[] = [];
  checkNames(where, problems);
  if (problems.length > 0) return { condition: { kind: 'and', parts: [] }, metrics: [], problems };
  const parsed = parseScreen(where as ScreenFilterInput, null);
  return { condition: parsed.condition, metrics: metricsOf(parsed.condition), problems: parsed.problems };
}

const METRIC_KEYS = ['metric', 'ltMetric', 'lteMetric', 'gtMetric', 'gteMetric'] as const;
const NUMBER_KEYS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
const LIST_KEYS = ['and', 'or'] as const;
const STRING_LISTS = ['assetClass', 'issuer', 'currency'] as const;
const KNOWN_KEYS = new Set<string>([...METRIC_KEYS, ...NUMBER_KEYS, ...LIST_KEYS, ...STRING_LISTS, 'not', 'between']);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape and names GraphQL would have refused: unknown keys, metrics, asset classes; values of the wrong type. */
function checkNames(where: unknown, problems: InputProblem[]): void {
  const problem = (path: string, message: string) => problems.push({ path, message });
  let nodes = 0;
  const check = (filter: unknown, path: string, depth: number): void => {
    // parseScreen refuses a filter past its bounds; this walk stops there too, whatever it is given.
    if (depth > MAX_FILTER_DEPTH + 1 || ++nodes > MAX_FILTER_NODES + 1) return;
    if (!isObject(filter)) {
      problem(path, 'must be an object');
      return;
    }
    for (const [key, value] of Object.entries(filter)) {
      const at = `${path}.${key}`;
      if (!KNOWN_KEYS.has(key)) problem(at, 'is not a key of a screen filter');
      else if (value == null) continue;
      else if ((METRIC_KEYS as readonly string[]).includes(key)) {
        if (typeof value !== 'string' || !Object.hasOwn(SCREEN_METRICS, value))
          problem(at, `is not a metric: ${value}`);
      } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
        if (typeof value !== 'number') problem(at, 'must be a number');
      } else if (key === 'between') {
        if (!isObject(value) || typeof value.min !== 'number' || typeof value.max !== 'number') {
          problem(at, 'must be { min, max } numbers');
        }
      } else if (key === 'not') check(value, at, depth + 1);
      else if (!Array.isArray(value)) problem(at, 'must be a list');
      else {
        value.forEach((item: unknown, i) => {
          const itemPath = `${at}[${i}]`;
          if (key === 'and' || key === 'or') check(item, itemPath, depth + 1);
          else if (typeof item !== 'string') problem(itemPath, 'must be a string');
          else if (key === 'assetClass' && !Object.hasOwn(AssetClass, item)) {
            problem(itemPath, `is not an asset class: ${item}`);
          }
        });
      }
    }
  };
  check(where, 'where', 1);
}

/** The metrics a condition reads, in order of first use. */
export function metricsOf(condition: Condition): ScreenMetricName[] {
  const found = new Set<ScreenMetricName>();
  const walk = (part: Condition): void => {
    switch (part.kind) {
      case 'and':
      case 'or':
        part.parts.forEach(walk);
        return;
      case 'not':
        walk(part.part);
        return;
      case 'metric':
        found.add(part.metric);
        found.add(part.other);
        return;
      case 'number':
      case 'between':
        found.add(part.metric);
        return;
      case 'attribute':
        return;
    }
  };
  walk(condition);
  return [...found];
}

/** Whether the condition holds for the judged ETF, as the screen would answer. */
export function holds(condition: Condition, judged: JudgedEtf): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.parts.every((part) => holds(part, judged));
    case 'or':
      // An empty or is true, as conditionSql makes it.
      return condition.parts.length === 0 || condition.parts.some((part) => holds(part, judged));
    case 'not':
      return !holds(condition.part, judged);
    case 'number':
      return compares(value(judged, condition.metric), condition.operator, condition.value);
    case 'metric':
      return compares(value(judged, condition.metric), condition.operator, value(judged, condition.other));
    case 'between': {
      const x = value(judged, condition.metric);
      return compares(x, '>=', condition.min) && compares(x, '<=', condition.max);
    }
    case 'attribute':
      return condition.values.includes(attribute(judged, condition.column) as string);
  }
}

function value(judged: JudgedEtf, metric: ScreenMetricName): number | null {
  const found = judged.values[metric];
  // Not asked of judgeAll: reading it as null would answer wrongly, silently.
  if (found === undefined) throw new Error(`${metric} was not judged: ask judgeAll for metricsOf(condition)`);
  return found;
}

/** The ETF's column as the SQL tests it; null matches nothing. */
function attribute(judged: JudgedEtf, column: 'asset_class' | 'issuer' | 'currency'): string | null {
  switch (column) {
    case 'asset_class':
      return judged.assetClass;
    case 'issuer':
      return judged.issuer === null ? null : judged.issuer.toLowerCase();
    case 'currency':
      // char(3): as text, PostgreSQL drops the padding before lower() sees it.
      return judged.currency.replace(/ +$/, '').toLowerCase();
  }
}

type Operator = Extract<Condition, { kind: 'number' }>['operator'];

/** a operator b in float8 order (NaN equal to NaN, above every number); false when either is null. */
function compares(a: number | null, operator: Operator, b: number | null): boolean {
  if (a === null || b === null) return false;
  const order = Number.isNaN(a) || Number.isNaN(b) ? nanOrder(a, b) : a < b ? -1 : a > b ? 1 : 0;
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

function nanOrder(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  return -1;
}

// The one statement behind a page of a screen. Every ETF is judged on its last
// bar on or before asOf: its figures from latest_metrics (one row per ETF; or
// computed, for an earlier asOf or an ETF without a row: performance/performance-sql.ts), its stored
// indicators on that date (one probe of daily_indicator's key), its own
// columns. The filter, the order (nulls last, then the ticker) and the cursor
// apply to those values, and the page is read with its total and, when the
// screen uses stored indicators, the ETFs whose stored set does not reach
// their judged date (their values are then computed and passed back in:
// run-screen.ts). The text is built from the fixed pieces of
// screen-metrics.ts; every value the caller gives is a parameter.
import type pg from 'pg';
import { storedAdjusted } from '../corporate-actions/adjusted-source.js';
import type { IsoDate } from '../dates.js';
import { etfColumns } from '../etfs/find-etfs.js';
import { metricsAsOf, storedMetrics } from '../performance/performance-sql.js';
import type { CursorKeys } from './screen-cursor.js';
import type { Condition, ParsedScreen, ScreenOrder } from './screen-filter.js';
import { SCREEN_METRICS, type ScreenMetricName, type ScreenMetricSpec } from './screen-metrics.js';

/** Stored indicator values computed on demand, per ETF id, for ETFs whose stored set lags. */
export type StoredOverrides = Map<number, Record<string, number | null>>;

export type ScreenPageRequest = {
  asOf: IsoDate | null;
  adjusted: boolean;
  /**
   * Compute the figures of ETFs without a latest_metrics row on or before
   * asOf (always, for an earlier asOf). Without it the statement reads the
   * rows alone and names the ETFs that have none, to be read again with it.
   */
  compute: boolean;
  /** Rows to read: the page size plus one, to know whether another page follows. */
  limit: number;
  after: CursorKeys | null;
  overrides: StoredOverrides | null;
  /** Judge only these ETFs (all when absent): the others are never read. */
  etfIds?: readonly number[] | null;
};

/** How an ETF column is tested against a list (a parameter of that type): the asset class as the enum it is, the others ignoring case. */
const ATTRIBUTE_TESTS = {
  asset_class: { type: '"AssetClass"[]', test: (row: string, list: string) => `${row}asset_class = ANY(${list})` },
  issuer: { type: 'text[]', test: (row: string, list: string) => `lower(${row}issuer) = ANY(${list})` },
  currency: { type: 'text[]', test: (row: string, list: string) => `lower(${row}currency) = ANY(${list})` },
} as const;
const OPERATORS = new Set(['<', '<=', '>', '>=', '=']);

const column = (metric: ScreenMetricName) => `"${metric}"`;

/** The columns of daily_indicator the screen reads. */
export function storedColumnsOf(metrics: readonly ScreenMetricName[]): string[] {
  const columns = metrics.flatMap((metric) => (SCREEN_METRICS[metric] as ScreenMetricSpec).storedColumns ?? []);
  return [...new Set(columns)];
}

export function screenStatement(screen: ParsedScreen, request: ScreenPageRequest): pg.QueryConfig {
  const values: unknown[] = [];
  const param = (value: unknown, type: string) => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  const asOf = param(request.asOf ?? 'infinity', 'date');
  const stored = storedColumnsOf(screen.metrics);
  const overrides = request.overrides && stored.length > 0 ? request.overrides : null;

  // A stored value only where the stored set reaches the judged date; past it, the value computed on demand.
  const storedValue = (name: string) =>
    `CASE WHEN m.date <= e.stored_indicators_through THEN i.${name}${overrides ? ` ELSE o.${name}` : ''} END`;
  let joins = '';
  if (stored.length > 0) {
    joins += `
    LEFT JOIN daily_indicator i
      ON i.etf_id = e.id AND i.adjusted = ${storedAdjusted(String(request.adjusted), 'e.id')} AND i.date = m.date`;
  }
  if (overrides) {
    const ids = [...overrides.keys()];
    const arrays = stored.map((name) =>
      param(
        ids.map((id) => overrides.get(id)?.[name] ?? null),
        'float8[]',
      ),
    );
    joins += `
    LEFT JOIN unnest(${param(ids, 'int[]')}, ${arrays.join(', ')}) AS o(etf_id, ${stored.join(', ')}) ON o.etf_id = e.id`;
  }
  const figures = request.compute
    ? { from: metricsAsOf(request.adjusted, 'e.id', asOf), missing: 'false' }
    : storedMetrics(request.adjusted, 'e.id', asOf);

  // The ETF's own columns that every match must pass are tested on the etf
  // row first: the ETFs that fail them are never judged (nor probed).
  const { first: prefilter, rest } = splitAttributes(screen.condition);
  const etfTests = prefilter.map((part) => conditionSql(part, param, 'e.'));
  if (request.etfIds) etfTests.push(`e.id = ANY(${param(request.etfIds, 'int[]')})`);
  const etfFilter = etfTests.length > 0 ? etfTests.join(' AND ') : 'true';
  const filter = conditionSql(rest, param);
  const after = request.after ? afterSql(screen.order, request.after, param) : 'true';
  // One pass, no materialized CTE: the judged rows that pass (or that must be
  // read again: their stored set lags, or they have no latest_metrics row)
  // carry the page's total and those lists as window aggregates; the page's
  // rows sort first, and the rest are only there for those figures, in case
  // no row is on the page. The ETF rows are read for the page's edges alone.
  const text = `/* screen${request.adjusted ? '-adjusted' : ''} */
  SELECT ${etfColumns('e')}, y.judged_date, y.in_page, y.page_total, y.page_lagging, y.page_missing${screen.metrics
    .map((metric) => `, y.${column(metric)}`)
    .join('')}
  FROM (
    SELECT x.*, x.passes AND ${after} AS in_page,
           (count(*) FILTER (WHERE x.passes) OVER ())::int AS page_total,
           ${stored.length > 0 ? 'array_agg(x.id) FILTER (WHERE x.lags) OVER ()' : 'NULL::int[]'} AS page_lagging,
           ${request.compute ? 'NULL::int[]' : 'array_agg(x.id) FILTER (WHERE x.missing) OVER ()'} AS page_missing
    FROM (
      SELECT j.*, j.judged_date IS NOT NULL AND ${filter} AS passes
      FROM (
        SELECT e.id, e.ticker, e.asset_class, e.issuer, e.currency, m.date::text AS judged_date,
               ${figures.missing} AS missing,
               coalesce(m.date > coalesce(e.stored_indicators_through, '-infinity'), false) AS lags${screen.metrics
                 .map((metric) => `,\n               ${SCREEN_METRICS[metric].sql(storedValue)} AS ${column(metric)}`)
                 .join('')}
        FROM etf e
        ${figures.from}${joins}
        WHERE ${etfFilter}
      ) j
    ) x
    WHERE x.passes OR x.lags OR x.missing
    ORDER BY in_page DESC, ${orderSql(screen.order)}
    LIMIT ${param(request.limit, 'int')}
  ) y
  LEFT JOIN etf e ON e.id = y.id
  ORDER BY y.in_page DESC, ${orderSql(screen.order, 'y.')}`;
  return { text, values };
}

type Param = (value: unknown, type: string) => string;

/** The attribute tests every match must pass (the top level's), and the rest of the condition. */
function splitAttributes(condition: Condition): { first: Condition[]; rest: Condition } {
  const parts = condition.kind === 'and' ? condition.parts : [condition];
  return {
    first: parts.filter((part) => part.kind === 'attribute'),
    rest: { kind: 'and', parts: parts.filter((part) => part.kind !== 'attribute') },
  };
}

/** Two-valued: a comparison with a null on either side is false, and `not` negates that. */
function conditionSql(condition: Condition, param: Param, row = ''): string {
  switch (condition.kind) {
    case 'and':
    case 'or':
      if (condition.parts.length === 0) return 'true';
      return `(${condition.parts.map((part) => conditionSql(part, param, row)).join(` ${condition.kind.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${conditionSql(condition.part, param, row)})`;
    case 'number':
      return `coalesce(${column(condition.metric)} ${operator(condition.operator)} ${param(condition.value, 'float8')}, false)`;
    case 'metric':
      return `coalesce(${column(condition.metric)} ${operator(condition.operator)} ${column(condition.other)}, false)`;
    case 'between':
      return `coalesce(${column(condition.metric)} BETWEEN ${param(condition.min, 'float8')} AND ${param(condition.max, 'float8')}, false)`;
    case 'attribute': {
      const { type, test } = ATTRIBUTE_TESTS[condition.column];
      const sql = test(row, param(condition.values, type));
      // Under a filter's top level (row 'e.') a null is as false as false: no coalesce, so an index may serve.
      return row ? sql : `coalesce(${sql}, false)`;
    }
  }
}

/** An operator from the parsed filter's closed set, checked again where it meets the SQL. */
function operator(value: string): string {
  if (!OPERATORS.has(value)) throw new Error(`not an operator: ${value}`);
  return value;
}

/** Each key nulls last, then the ticker: a total order, so pages never overlap or skip. */
function orderSql(order: readonly ScreenOrder[], prefix = ''): string {
  return [
    ...order.map((key) => `${prefix}${column(key.metric)} ${key.descending ? 'DESC' : 'ASC'} NULLS LAST`),
    `${prefix}ticker`,
  ].join(', ');
}

/**
 * The rows after the cursor's in that order: for some key, equal on every key
 * before it and after it on that one (a null sorts after every number; nothing
 * sorts after a null but another null, then by the later keys).
 */
function afterSql(order: readonly ScreenOrder[], cursor: CursorKeys, param: Param): string {
  const branches: string[] = [];
  const equal: string[] = [];
  order.forEach((key, k) => {
    const value = cursor.values[k] ?? null;
    const name = column(key.metric);
    if (value !== null) {
      const beyond = `${name} ${key.descending ? '<' : '>'} ${param(value, 'float8')}`;
      branches.push([...equal, `(${beyond} OR ${name} IS NULL)`].join(' AND '));
      equal.push(`${name} = ${param(value, 'float8')}`);
    } else {
      equal.push(`${name} IS NULL`);
    }
  });
  branches.push([...equal, `ticker > ${param(cursor.ticker, 'text')}`].join(' AND '));
  return `(${branches.map((branch) => `(${branch})`).join(' OR ')})`;
}

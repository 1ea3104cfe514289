// The one statement behind a page of a screen. Every ETF is judged on its last
// bar on or before asOf: its figures from latest_metrics (one row per ETF; or
// computed, for an earlier asOf: metrics/metrics-sql.ts), its stored
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
import { metricsAsOf } from '../metrics/metrics-sql.js';
import type { CursorKeys } from './screen-cursor.js';
import type { Condition, ParsedScreen, ScreenOrder } from './screen-filter.js';
import { SCREEN_METRICS, type ScreenMetricName, type ScreenMetricSpec } from './screen-metrics.js';

/** Stored indicator values computed on demand, per ETF id, for ETFs whose stored set lags. */
export type StoredOverrides = Map<number, Record<string, number | null>>;

export type ScreenPageRequest = {
  asOf: IsoDate | null;
  adjusted: boolean;
  /** Rows to read: the page size plus one, to know whether another page follows. */
  limit: number;
  after: CursorKeys | null;
  overrides: StoredOverrides | null;
};

const ATTRIBUTE_COLUMNS = { asset_class: '"assetClass"', issuer: 'issuer', currency: 'currency' } as const;
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
  const lagging =
    stored.length > 0 && !overrides
      ? '(SELECT array_agg(j.id ORDER BY j.id) FROM judged j WHERE j.lags)'
      : 'NULL::int[]';

  const filter = conditionSql(screen.condition, param);
  const order = orderSql(screen.order);
  const after = request.after ? afterSql(screen.order, request.after, param) : 'true';
  const text = `/* screen${request.adjusted ? '-adjusted' : ''} */
  WITH judged AS (
    SELECT ${etfColumns('e')}, m.date::text AS judged_date,
           m.date > coalesce(e.stored_indicators_through, '-infinity') AS lags${screen.metrics
             .map((metric) => `,\n           ${SCREEN_METRICS[metric].sql(storedValue)} AS ${column(metric)}`)
             .join('')}
    FROM etf e
    ${metricsAsOf(request.adjusted, 'e.id', asOf)}${joins}
  ),
  matches AS (SELECT * FROM judged WHERE ${filter})
  SELECT s.total, s.lagging, p.*
  FROM (SELECT (SELECT count(*) FROM matches)::int AS total, ${lagging} AS lagging) s
  LEFT JOIN LATERAL (
    SELECT * FROM matches WHERE ${after} ORDER BY ${order} LIMIT ${param(request.limit, 'int')}
  ) p ON true
  ORDER BY ${orderSql(screen.order, 'p.')}`;
  return { text, values };
}

type Param = (value: unknown, type: string) => string;

/** Two-valued: a comparison with a null on either side is false, and `not` negates that. */
function conditionSql(condition: Condition, param: Param): string {
  switch (condition.kind) {
    case 'and':
    case 'or':
      if (condition.parts.length === 0) return 'true';
      return `(${condition.parts.map((part) => conditionSql(part, param)).join(` ${condition.kind.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${conditionSql(condition.part, param)})`;
    case 'number':
      return `coalesce(${column(condition.metric)} ${operator(condition.operator)} ${param(condition.value, 'float8')}, false)`;
    case 'metric':
      return `coalesce(${column(condition.metric)} ${operator(condition.operator)} ${column(condition.other)}, false)`;
    case 'between':
      return `coalesce(${column(condition.metric)} BETWEEN ${param(condition.min, 'float8')} AND ${param(condition.max, 'float8')}, false)`;
    case 'attribute':
      return `coalesce(lower(${ATTRIBUTE_COLUMNS[condition.column]}) = ANY(${param(condition.values, 'text[]')}), false)`;
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

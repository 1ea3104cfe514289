// The figures of many ETFs as of one date, in one statement: each ETF's
// latest_metrics row when its last bar is on or before the date, else
// computed from its bars (performance-sql.ts). Batched per request by (asOf,
// adjusted), so performance for 100 ETFs is one statement.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { type EtfReads, keyedLoaders } from '../db/keyed-loaders.js';
import { prepared } from '../db/prepared.js';
import { METRIC_COLUMNS, type MetricColumn, metricsAsOf } from './performance-sql.js';

/**
 * One ETF's figures by column: `date` is its last bar on or before the asked
 * date; returns are fractions; null where the history is too short.
 */
export type Metrics = { date: IsoDate } & Record<Exclude<MetricColumn, 'date'>, number | null>;

const FIGURES = METRIC_COLUMNS.filter((column) => column !== 'date');

const statement = (adjusted: boolean) => `/* metrics-as-of${adjusted ? '-adjusted' : ''} */
  SELECT e.id, m.date::text${FIGURES.map((column) => `, m.${column}`).join('')}
  FROM unnest($1::int[]) AS e(id)
  ${metricsAsOf(adjusted, 'e.id', '$2::date')}`;
const STATEMENTS = [statement(false), statement(true)] as const;

/** The statement that reads these ETFs' figures as of `asOf` (null: their last bar). */
export function metricsStatement(etfIds: readonly number[], asOf: IsoDate | null, adjusted: boolean): pg.QueryConfig {
  return { text: STATEMENTS[adjusted ? 1 : 0], values: [etfIds, asOf ?? 'infinity'] };
}

type Row = [etfId: number, date: IsoDate, ...values: (number | null)[]];

/** Figures per ETF id; an ETF without a bar on or before `asOf` is absent. */
export async function readMetrics(
  pool: pg.Pool,
  etfIds: readonly number[],
  asOf: IsoDate | null,
  adjusted: boolean,
): Promise<Map<number, Metrics>> {
  // Long to parse and plan, the same text every time: prepared (db/prepared.ts).
  const { rows } = await pool.query<Row>({
    ...prepared(pool, metricsStatement(etfIds, asOf, adjusted)),
    rowMode: 'array',
  });
  return new Map(rows.map((row) => [row[0], toMetrics(row)]));
}

function toMetrics(row: Row): Metrics {
  const metrics = { date: row[1] } as Metrics;
  FIGURES.forEach((column, k) => {
    metrics[column] = (row[k + 2] as number | null) ?? null;
  });
  return metrics;
}

export type PerformanceLoaders = (
  asOf: IsoDate | null,
  adjusted: boolean,
) => { load(etfId: number): Promise<Metrics | null> };

export function createPerformanceLoaders(pool: pg.Pool, noteReads: EtfReads): PerformanceLoaders {
  const loaders = keyedLoaders(
    (key: { asOf: IsoDate | null; adjusted: boolean }) => `${key.asOf ?? ''}|${key.adjusted}`,
    (key, etfIds) => readMetrics(pool, etfIds, key.asOf, key.adjusted),
    () => null,
    noteReads,
  );
  return (asOf, adjusted) => loaders({ asOf, adjusted });
}

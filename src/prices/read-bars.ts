// The SQL behind `prices`, `series`, `latestPrice` and the indicator histories:
// one statement for any number of ETFs, each ETF's rows chosen by the window
// walk (window-walk.ts), so `last: N` reads N index entries per ETF however
// long the history is. test/prices/read-plans.test.ts holds every statement here to
// that with EXPLAIN (ANALYZE, BUFFERS).
import type pg from 'pg';
import { priceSource } from '../corporate-actions/adjusted-source.js';
import type { IsoDate } from '../dates.js';
import { BAR_FIELDS, type BarField } from './bar-fields.js';
import type { BarWindow } from './bar-window.js';
import { emptyHistory, type History } from './history.js';
import { windowWalk } from './window-walk.js';

const OUTER: Record<BarField, string> = {
  open: 'b.open',
  high: 'b.high',
  low: 'b.low',
  close: 'b.close',
  volume: 'b.volume::float8',
};

const dailyBars = (source: string, fields: readonly BarField[], name: string) => `/* ${name} */
  SELECT e.id, b.date::text${fields.map((field) => `, ${OUTER[field]}`).join('')}
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    ${windowWalk(source, fields)}
  ) b`;

const AGGREGATE: Record<BarField, string> = {
  open: '(array_agg(d.open ORDER BY d.date))[1] AS open',
  high: 'max(d.high) AS high',
  low: 'min(d.low) AS low',
  close: '(array_agg(d.close ORDER BY d.date DESC))[1] AS close',
  volume: 'sum(d.volume)::float8 AS volume',
};

// A weekly or monthly bar aggregates every daily bar of its ISO week (Monday to
// Sunday) or calendar month up to `to`, and is dated on the last of them; it is
// in the window when that date is. So a window starting mid-week still gets that
// week whole, and its values never depend on where the window starts.
//
// `last: N` bounds the daily walk too: N weeks hold at most 7N dates (N months
// 31N), so the newest 7N daily rows contain the newest N weeks whole; a week cut
// by the bound can only be older than those N, and the outer LIMIT drops it.
// Without `last` ($4 and so $6 · $4 null) the walk stops at `from`.
const aggregatedBars = (source: string, fields: readonly BarField[], name: string) => `/* ${name} */
  SELECT e.id, g.date::text${fields.map((field) => `, g.${field}`).join('')}
  FROM unnest($1::int[]) AS e(id)
  CROSS JOIN LATERAL (
    SELECT max(d.date) AS date${fields.map((field) => `, ${AGGREGATE[field]}`).join('')}
    FROM (
      ${windowWalk(source, fields, { from: 'date_trunc($5, $2::date::timestamp)::date', limit: '$6::int * $4::int' })}
    ) d
    GROUP BY date_trunc($5, d.date::timestamp)
    HAVING max(d.date) >= $2::date
    ORDER BY max(d.date) DESC
    LIMIT $4
  ) g`;

// One text per (interval, adjusted, columns): at most 4 × 32, built on first use.
const statements = new Map<string, string>();

function statementText(window: BarWindow, fields: readonly BarField[], limited: boolean): string {
  const daily = window.interval === 'DAILY';
  const key = `${daily}|${window.adjusted}|${fields.join(',')}|${limited}`;
  let text = statements.get(key);
  if (!text) {
    const name = `${daily ? 'daily' : 'aggregated'}-bars${window.adjusted ? '-adjusted' : ''}${limited ? '-limited' : ''}`;
    text = (daily ? dailyBars : aggregatedBars)(priceSource(window.adjusted, 'e.id'), fields, name);
    // The last parameter: at most this many rows in all (src/limits/read-budget.ts).
    if (limited) text += `\n  LIMIT $${daily ? 5 : 7}`;
    statements.set(key, text);
  }
  return text;
}

const UNIT = { WEEKLY: ['week', 7], MONTHLY: ['month', 31] } as const;

/** The statement that reads a window's bars for these ETFs, newest first per ETF; `maxRows` bounds the rows of all ETFs together. */
export function barsStatement(
  etfIds: readonly number[],
  window: BarWindow,
  fields: readonly BarField[] = BAR_FIELDS,
  maxRows?: number,
): pg.QueryConfig {
  // Each id once: the reader takes each ETF's rows as one run.
  const values: unknown[] = [[...new Set(etfIds)], window.from ?? '-infinity', window.to ?? 'infinity', window.last];
  if (window.interval !== 'DAILY') values.push(...UNIT[window.interval]);
  if (maxRows !== undefined) values.push(maxRows);
  return { text: statementText(window, fields, maxRows !== undefined), values };
}

type BarRow = [etfId: number, date: IsoDate, ...values: number[]];

/**
 * Bars per ETF id in columns, ascending by date; ETFs without bars map to an
 * empty history. Rows are decoded as arrays straight into typed arrays: no
 * object per row, and the dates stay the strings PostgreSQL sent. Only the
 * columns in `fields` are read; the others are left empty. With `maxRows`, at
 * most that many rows are read in all (the last ETF's history may be cut).
 */
export async function readBars(
  pool: pg.Pool,
  etfIds: readonly number[],
  window: BarWindow,
  fields: readonly BarField[] = BAR_FIELDS,
  maxRows?: number,
): Promise<Map<number, History>> {
  const { rows } = await pool.query<BarRow>({ ...barsStatement(etfIds, window, fields, maxRows), rowMode: 'array' });
  const byEtf = new Map<number, History>(etfIds.map((id) => [id, emptyHistory(0, fields)]));
  // Rows come in one run per ETF (a nested loop over the ids), newest first:
  // each run fills its history from the end, with its columns looked up once.
  let start = 0;
  while (start < rows.length) {
    const id = (rows[start] as BarRow)[0];
    let end = start + 1;
    while (end < rows.length && (rows[end] as BarRow)[0] === id) end++;
    const history = emptyHistory(end - start, fields);
    const columns = fields.map((field) => history.bars[field]);
    for (let i = start, t = end - start - 1; i < end; i++, t--) {
      const row = rows[i] as BarRow;
      history.dates[t] = row[1];
      for (let k = 0; k < columns.length; k++) (columns[k] as Float64Array)[t] = row[k + 2] as number;
    }
    byEtf.set(id, history);
    start = end;
  }
  return byEtf;
}

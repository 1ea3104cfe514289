// Stored indicators for a daily window, with exactly the dates that `prices`
// returns: the window's first date comes from the same walk as `prices`
// (prices/window-walk.ts), then the price dates and the stored rows
// from there to `to` are two range scans merged on date (about 15 pages for 10
// ETFs × 252 bars, where probing daily_indicator once per bar took 7,500).
// Only the columns that the request's indicator fields need are read. Adjusted
// rows are stored only for ETFs with corporate actions: for the others the
// adjusted series is the raw one, and the raw rows are read.
import type pg from 'pg';
import { storedAdjusted } from '../../corporate-actions/adjusted-source.js';
import type { IsoDate } from '../../dates.js';
import type { BarWindow } from '../../prices/bar-window.js';
import { windowWalk } from '../../prices/window-walk.js';
import { STORED_COLUMNS } from './default-set.js';

/**
 * A window's stored values in columns: `values[column][t]` on `dates[t]`, null
 * where none is stored. `current` is false when the window has bars past the
 * date through which the ETF's stored set is current (a job still pending):
 * those values are to be computed instead.
 */
export type StoredColumns = { dates: IsoDate[]; values: Record<string, (number | null)[]>; current: boolean };

const KNOWN = new Set(STORED_COLUMNS);

const read = (columns: readonly string[]) => `/* stored-indicators */
  SELECT e.id, b.date::text, et.stored_indicators_through::text${columns.map((column) => `, b.${column}`).join('')}
  FROM unnest($1::int[]) AS e(id)
  -- Joined once per ETF: as a scalar subquery in the select list, PostgreSQL
  -- ran it again for every bar of the window.
  JOIN etf et ON et.id = e.id
  CROSS JOIN LATERAL (
    SELECT ${storedAdjusted('$5::boolean', 'e.id')} AS adjusted
  ) s
  CROSS JOIN LATERAL (
    SELECT min(w.date) AS first FROM (
      ${windowWalk('daily_price', [])}
    ) w
  ) f
  CROSS JOIN LATERAL (
    SELECT p.date${columns.map((column) => `, i.${column}`).join('')}
    FROM daily_price p
    LEFT JOIN daily_indicator i
      ON i.etf_id = e.id AND i.adjusted = s.adjusted AND i.date = p.date AND i.date >= f.first AND i.date <= $3::date
    WHERE p.etf_id = e.id AND p.date >= f.first AND p.date <= $3::date
    ORDER BY p.date
  ) b`;

const statements = new Map<string, string>();

/** The statement that reads a daily window's stored columns, ascending by date per ETF. */
export function storedStatement(
  etfIds: readonly number[],
  window: BarWindow,
  columns: readonly string[] = STORED_COLUMNS,
): pg.QueryConfig {
  const wanted = STORED_COLUMNS.filter((column) => columns.includes(column));
  if (columns.some((column) => !KNOWN.has(column))) throw new Error(`not a stored column: ${columns.join(', ')}`);
  const key = wanted.join(',');
  let text = statements.get(key);
  if (!text) {
    text = read(wanted);
    statements.set(key, text);
  }
  return {
    text,
    values: [etfIds, window.from ?? '-infinity', window.to ?? 'infinity', window.last, window.adjusted],
  };
}

type Row = [etfId: number, date: IsoDate, through: IsoDate | null, ...values: (number | null)[]];

/** Stored columns per ETF id, ascending by date; ETFs without bars map to empty columns. */
export async function readStored(
  pool: pg.Pool,
  etfIds: readonly number[],
  window: BarWindow,
  columns: readonly string[],
): Promise<Map<number, StoredColumns>> {
  const wanted = STORED_COLUMNS.filter((column) => columns.includes(column));
  const { rows } = await pool.query<Row>({ ...storedStatement(etfIds, window, wanted), rowMode: 'array' });
  const empty = (): StoredColumns => ({
    dates: [],
    values: Object.fromEntries(wanted.map((column) => [column, []])),
    current: true,
  });
  const byEtf = new Map<number, StoredColumns>(etfIds.map((id) => [id, empty()]));
  for (const row of rows) {
    const target = byEtf.get(row[0]) as StoredColumns;
    target.dates.push(row[1]);
    // Rows come in date order: the last one decides.
    target.current = row[2] !== null && row[1] <= row[2];
    for (let k = 0; k < wanted.length; k++) {
      (target.values[wanted[k] as string] as (number | null)[]).push((row[k + 3] as number | null) ?? null);
    }
  }
  return byEtf;
}

// A page of a screen: one statement (screen-sql.ts). When the screen uses
// stored indicators and some ETF's stored set does not reach its judged date
// (a large load whose job has not run yet), that statement also names those
// ETFs; their values are computed from their histories with the same kernels
// that store them, and the page is read again with them: the answer is the
// one the stored set will give once current.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { prepared } from '../db/prepared.js';
import { type EtfRow, toEtf } from '../etfs/find-etfs.js';
import type { Etf } from '../generated/prisma/client.js';
import { computeStoredColumns } from '../indicators/stored/default-set.js';
import type { History } from '../prices/history.js';
import { type CursorKeys, decodeCursor, encodeCursor } from './screen-cursor.js';
import type { ParsedScreen } from './screen-filter.js';
import type { ScreenMetricName } from './screen-metrics.js';
import { type StoredOverrides, screenStatement, storedColumnsOf } from './screen-sql.js';

export type ScreenEdge = {
  cursor: string;
  node: Etf;
  /** The judged bar: every value is as of it. */
  date: IsoDate;
  values: { metric: ScreenMetricName; value: number | null }[];
};

export type ScreenPage = {
  edges: ScreenEdge[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

// page_*: of the page as a whole, on every row (and on the one row of an empty page).
type Row = EtfRow & {
  /** Whether the row is an edge of the page; the others only carry the page_* figures. */
  in_page: boolean;
  page_total: number;
  page_lagging: number[] | null;
  page_missing: number[] | null;
  judged_date: IsoDate;
} & Record<string, unknown>;

export type ScreenRequest = {
  asOf: IsoDate | null;
  adjusted: boolean;
  first: number;
  after: string | null;
  /** Judge only these ETFs (all when absent). */
  etfIds?: readonly number[] | null;
};

/** Daily histories up to asOf (each ETF's last bar on or before it), for the ETFs whose stored set lags. */
export type LoadHistories = (etfIds: readonly number[]) => Promise<History[]>;

export async function runScreen(
  pool: pg.Pool,
  loadHistories: LoadHistories,
  screen: ParsedScreen,
  request: ScreenRequest,
): Promise<ScreenPage> {
  const after: CursorKeys | null = request.after === null ? null : decodeCursor(screen.order, request.after);
  const page = {
    asOf: request.asOf,
    adjusted: request.adjusted,
    limit: request.first + 1,
    after,
    etfIds: request.etfIds ?? null,
  };
  // As of the latest bars, the figures are read from latest_metrics alone; the
  // page is read again, computing them, only when some ETF has no row, and
  // with the stored indicators of lagging ETFs computed, when some lag.
  let compute = page.asOf !== null;
  let overrides: StoredOverrides | null = null;
  let rows: Row[] = [];
  for (let reads = 0; reads < 3; reads++) {
    ({ rows } = await pool.query<Row>(prepared(pool, screenStatement(screen, { ...page, compute, overrides }))));
    const lagging = (rows[0]?.page_lagging ?? []).filter((id) => !overrides?.has(id));
    const missing = rows[0]?.page_missing ?? [];
    if (lagging.length === 0 && missing.length === 0) break;
    if (lagging.length > 0) {
      const computed = await computeStored(lagging, loadHistories, storedColumnsOf(screen.metrics));
      overrides = new Map([...(overrides ?? []), ...computed]);
    }
    compute ||= missing.length > 0;
  }
  const found = rows.filter((row) => row.in_page);
  const edges = found.slice(0, request.first).map(
    (row): ScreenEdge => ({
      cursor: encodeCursor(screen.order, {
        values: screen.order.map((key) => row[key.metric] as number | null),
        ticker: row.ticker,
      }),
      node: toEtf(row),
      date: row.judged_date,
      values: screen.metrics.map((metric) => ({ metric, value: row[metric] as number | null })),
    }),
  );
  return {
    edges,
    totalCount: rows[0]?.page_total ?? 0,
    pageInfo: {
      hasNextPage: found.length > request.first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The stored columns as of each lagging ETF's last bar up to asOf, from its whole history. */
async function computeStored(
  etfIds: readonly number[],
  loadHistories: LoadHistories,
  columns: readonly string[],
): Promise<StoredOverrides> {
  const histories = await loadHistories(etfIds);
  const overrides: StoredOverrides = new Map();
  etfIds.forEach((etfId, k) => {
    const history = histories[k] as History;
    const last = history.dates.length - 1;
    if (last < 0) return;
    const computed = computeStoredColumns(history.bars);
    overrides.set(
      etfId,
      Object.fromEntries(
        columns.map((name) => {
          const value = computed.get(name)?.[last] ?? Number.NaN;
          // NaN (warm-up, 0/0) is stored as NULL, and so it reads here.
          return [name, Number.isFinite(value) ? value : null];
        }),
      ),
    );
  });
  return overrides;
}

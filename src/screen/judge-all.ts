// Every ETF judged once, as a screen judges it: the values that conditions
// written in the screen's language (evaluate-condition.ts) are tested on, when
// many of them are tested at once. They are read through the screen itself
// (run-screen.ts, a condition that always holds, every ETF on one page), so
// they are by construction the values `screen` reports for the same asOf and
// adjusted: from latest_metrics or computed, stored indicators or computed
// where the stored set lags.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { BAR_FIELDS } from '../prices/bar-fields.js';
import { emptyHistory } from '../prices/history.js';
import { readBars } from '../prices/read-bars.js';
import { type LoadHistories, runScreen } from './run-screen.js';
import type { ParsedScreen } from './screen-filter.js';
import { SCREEN_METRIC_NAMES, type ScreenMetricName } from './screen-metrics.js';

export type JudgedEtf = {
  /** The bar judged: the ETF's last on or before asOf. */
  date: IsoDate;
  /** The metrics asked for, as the screen reports them on that bar (null: history too short, or unknown). */
  values: Readonly<Partial<Record<ScreenMetricName, number | null>>>;
  assetClass: string | null;
  issuer: string | null;
  currency: string;
};

export type JudgeAllRequest = {
  metrics: readonly ScreenMetricName[];
  /** Judge each ETF's last bar on or before this date; null: its latest. */
  asOf: IsoDate | null;
  adjusted: boolean;
  /** Only these ETFs (all when absent). */
  etfIds?: readonly number[] | null;
};

/** Rows of one page: more than any table of ETFs holds (LIMIT takes an int). */
const EVERY_ETF = 2 ** 31 - 2;

/** Each ETF with a bar on or before asOf, by id, with the metrics asked for. */
export async function judgeAll(pool: pg.Pool, request: JudgeAllRequest): Promise<Map<number, JudgedEtf>> {
  // One canonical order of the metrics: the same set is the same statement
  // text, so it reuses one prepared statement (db/prepared.ts names a few).
  const asked = new Set(request.metrics);
  const metrics = SCREEN_METRIC_NAMES.filter((name) => asked.has(name));
  const screen: ParsedScreen = { condition: { kind: 'and', parts: [] }, order: [], metrics, problems: [] };
  const page = await runScreen(pool, historiesFrom(pool, request.asOf, request.adjusted), screen, {
    asOf: request.asOf,
    adjusted: request.adjusted,
    first: EVERY_ETF,
    after: null,
    etfIds: request.etfIds ?? null,
  });
  const judged = new Map<number, JudgedEtf>();
  for (const edge of page.edges) {
    const values: Partial<Record<ScreenMetricName, number | null>> = {};
    for (const { metric, value } of edge.values) values[metric] = value;
    judged.set(edge.node.id, {
      date: edge.date,
      values,
      assetClass: edge.node.assetClass,
      issuer: edge.node.issuer,
      currency: edge.node.currency,
    });
  }
  return judged;
}

/**
 * Whole daily histories up to asOf, for the ETFs whose stored indicators lag:
 * what the screen's request loader reads (indicators/loaders.ts), without a
 * request's read budget.
 */
function historiesFrom(pool: pg.Pool, asOf: IsoDate | null, adjusted: boolean): LoadHistories {
  return async (etfIds) => {
    const window = { interval: 'DAILY', from: null, to: asOf, last: null, adjusted } as const;
    const histories = await readBars(pool, etfIds, window, BAR_FIELDS);
    return etfIds.map((id) => histories.get(id) ?? emptyHistory(0));
  };
}

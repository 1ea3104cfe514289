// What a screen should answer, worked out in the test: each ETF's metric values
// (the figures computed bar by bar, test/helpers/expected-metrics.ts; the stored
// indicators as the API's own indicators field reports them on the judged
// bar, which is held to TTR elsewhere), then the filter evaluated as written
// in the issue and the order sorted in JavaScript. Nothing here is shared with
// src/screen/.

import type { ScreenFilter, ScreenMetric, ScreenOrder } from '../gql/graphql.js';
import { type Bar, expectedPerformance } from './expected-metrics.js';

export type Judged = {
  ticker: string;
  assetClass: string | null;
  issuer: string | null;
  currency: string;
  date: string;
  values: Partial<Record<ScreenMetric, number | null>>;
};

/** The stored indicators of one bar, by metric. */
export type StoredValues = Partial<Record<ScreenMetric, number | null>>;

/** An ETF's values as of its last bar on or before asOf; null when it has none. */
export function judge(
  etf: {
    ticker: string;
    assetClass: string | null;
    issuer: string | null;
    currency: string;
    expenseRatio: number | null;
  },
  bars: readonly Bar[],
  asOf: string | undefined,
  stored: StoredValues,
): Judged | null {
  const p = expectedPerformance(bars, asOf);
  if (!p) return null;
  const share = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b - 1);
  return {
    ticker: etf.ticker,
    assetClass: etf.assetClass,
    issuer: etf.issuer,
    currency: etf.currency,
    date: p.asOf,
    values: {
      ...stored,
      CLOSE: p.close,
      VOLUME: p.volume,
      AVERAGE_VOLUME_20: p.avgVolume20,
      RETURN_1D: p.return1D,
      RETURN_1W: p.return1W,
      RETURN_1M: p.return1M,
      RETURN_3M: p.return3M,
      RETURN_6M: p.return6M,
      RETURN_YTD: p.returnYTD,
      RETURN_1Y: p.return1Y,
      RETURN_3Y: p.return3Y,
      RETURN_5Y: p.return5Y,
      VOLATILITY_1Y: p.volatility1Y,
      MAX_DRAWDOWN_1Y: p.maxDrawdown1Y,
      SHARPE_1Y: p.sharpe1Y,
      HIGH_52W: p.high52W,
      LOW_52W: p.low52W,
      FROM_HIGH_52W: share(p.close, p.high52W),
      FROM_LOW_52W: share(p.close, p.low52W),
      EXPENSE_RATIO: etf.expenseRatio,
    },
  };
}

/** The filter as the issue states it: every key set must hold; a comparison with a null is false. */
export function passes(etf: Judged, filter: ScreenFilter): boolean {
  const value = (metric: ScreenMetric | null | undefined) => (metric ? (etf.values[metric] ?? null) : null);
  const left = value(filter.metric);
  const tests: boolean[] = [];
  const compare = (right: number | null | undefined, holds: (a: number, b: number) => boolean) => {
    if (right === undefined) return;
    tests.push(left !== null && right !== null && holds(left, right));
  };
  compare(filter.lt ?? undefined, (a, b) => a < b);
  compare(filter.lte ?? undefined, (a, b) => a <= b);
  compare(filter.gt ?? undefined, (a, b) => a > b);
  compare(filter.gte ?? undefined, (a, b) => a >= b);
  compare(filter.eq ?? undefined, (a, b) => a === b);
  compare(filter.ltMetric ? value(filter.ltMetric) : undefined, (a, b) => a < b);
  compare(filter.lteMetric ? value(filter.lteMetric) : undefined, (a, b) => a <= b);
  compare(filter.gtMetric ? value(filter.gtMetric) : undefined, (a, b) => a > b);
  compare(filter.gteMetric ? value(filter.gteMetric) : undefined, (a, b) => a >= b);
  if (filter.between) {
    const { min, max } = filter.between;
    tests.push(left !== null && left >= min && left <= max);
  }
  const oneOf = (actual: string | null, list: readonly string[] | null | undefined) => {
    if (list) tests.push(actual !== null && list.some((item) => item.toLowerCase() === actual.toLowerCase()));
  };
  oneOf(etf.assetClass, filter.assetClass);
  oneOf(etf.issuer, filter.issuer);
  oneOf(etf.currency, filter.currency);
  if (filter.and) tests.push(filter.and.every((part) => passes(etf, part)));
  if (filter.or) tests.push(filter.or.some((part) => passes(etf, part)));
  if (filter.not) tests.push(!passes(etf, filter.not));
  return tests.every(Boolean);
}

/** Sorted by each key, nulls last either way, then by ticker. */
export function sortJudged(list: Judged[], orderBy: readonly ScreenOrder[] = []): Judged[] {
  return [...list].sort((a, b) => {
    for (const key of orderBy) {
      const x = a.values[key.metric] ?? null;
      const y = b.values[key.metric] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return key.direction === 'DESC' ? y - x : x - y;
    }
    return a.ticker < b.ticker ? -1 : 1;
  });
}

// The performance and risk figures computed the plain way, bar by bar in
// JavaScript, from the definitions in the issue: what the SQL of
// src/metrics/ is checked against. Nothing here is shared with it.
import { expect } from 'vitest';
import type { PriceBar } from '../../src/prices/history.js';

export type Bar = PriceBar;

const DAY = 86_400_000;

export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The same day `months` calendar months earlier, or the last day of that month when it is shorter. */
export function monthsEarlier(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index % 12; // 0-based
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export type ExpectedPerformance = {
  asOf: string;
  close: number;
  volume: number;
  avgVolume20: number | null;
  return1D: number | null;
  return1W: number | null;
  return1M: number | null;
  return3M: number | null;
  return6M: number | null;
  returnYTD: number | null;
  return1Y: number | null;
  return3Y: number | null;
  return5Y: number | null;
  volatility1Y: number | null;
  maxDrawdown1Y: number | null;
  sharpe1Y: number | null;
  high52W: number;
  low52W: number;
};

/** The figures of `bars` (ascending) as of the last bar on or before `asOf`; null when there is none. */
export function expectedPerformance(
  bars: readonly Bar[],
  asOf = '9999-12-31',
  riskFreeRate = 0,
): ExpectedPerformance | null {
  const upTo = bars.filter((bar) => bar.date <= asOf);
  const last = upTo.at(-1);
  if (!last) return null;
  const closeOnOrBefore = (date: string) => upTo.filter((bar) => bar.date <= date).at(-1)?.close;
  const trailing = (date: string) => {
    const base = closeOnOrBefore(date);
    return base === undefined ? null : last.close / base - 1;
  };
  const annualized = (years: number) => {
    const r = trailing(monthsEarlier(last.date, 12 * years));
    return r === null ? null : (1 + r) ** (1 / years) - 1;
  };

  const window = upTo.slice(-253);
  const logReturns = window.slice(1).map((bar, i) => Math.log(bar.close / (window[i] as Bar).close));
  let volatility: number | null = null;
  let meanReturn: number | null = null;
  if (upTo.length >= 253) {
    const mean = logReturns.reduce((sum, r) => sum + r, 0) / logReturns.length;
    const variance = logReturns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (logReturns.length - 1);
    volatility = Math.sqrt(variance) * Math.sqrt(252);
    meanReturn = mean;
  }
  let maxDrawdown: number | null = null;
  if (upTo.length >= 252) {
    let peak = Number.NEGATIVE_INFINITY;
    maxDrawdown = 0;
    for (const bar of upTo.slice(-252)) {
      peak = Math.max(peak, bar.close);
      maxDrawdown = Math.max(maxDrawdown, (peak - bar.close) / peak);
    }
  }
  const yearAgo = monthsEarlier(last.date, 12);
  const lastYear = upTo.filter((bar) => bar.date > yearAgo);
  const last20 = upTo.slice(-20);
  return {
    asOf: last.date,
    close: last.close,
    volume: last.volume,
    avgVolume20: upTo.length >= 20 ? last20.reduce((sum, bar) => sum + bar.volume, 0) / 20 : null,
    return1D: trailing(addCalendarDays(last.date, -1)),
    return1W: trailing(addCalendarDays(last.date, -7)),
    return1M: trailing(monthsEarlier(last.date, 1)),
    return3M: trailing(monthsEarlier(last.date, 3)),
    return6M: trailing(monthsEarlier(last.date, 6)),
    returnYTD: trailing(`${Number(last.date.slice(0, 4)) - 1}-12-31`),
    return1Y: trailing(yearAgo),
    return3Y: annualized(3),
    return5Y: annualized(5),
    volatility1Y: volatility,
    maxDrawdown1Y: maxDrawdown,
    sharpe1Y:
      volatility === null || meanReturn === null || volatility === 0
        ? null
        : (meanReturn * 252 - riskFreeRate) / volatility,
    high52W: Math.max(...lastYear.map((bar) => bar.high)),
    low52W: Math.min(...lastYear.map((bar) => bar.low)),
  };
}

/** Equal to 1e-9 relative (1e-12 absolute near 0), with nulls where the expectation has nulls. */
export function expectClose(actual: unknown, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe('number');
  const tolerance = 1e-9 * Math.max(1e-3, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Every figure of `expected` that `actual` has, compared with expectClose. */
export function expectFigures(actual: Record<string, unknown>, expected: Record<string, unknown>, label: string): void {
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in actual)) continue;
    if (typeof value === 'string') expect(actual[key], `${label} ${key}`).toBe(value);
    else expectClose(actual[key], value as number | null, `${label} ${key}`);
  }
}

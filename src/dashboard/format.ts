// How the views write numbers: one place, so that the table, its CSV and the
// browser tests (which format the API's answer with these same functions)
// agree to the digit. No locale grouping: the same text on every machine.

import type { ScreenMetric } from './gql/graphql.js';
import { SCREEN_METRICS, type Unit } from './screen-metrics.js';

export const DASH = '—';

/** A fraction as percent with two decimals: 0.1234 → "12.34 %". */
export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? DASH : `${(value * 100).toFixed(2)} %`;

/** A number already in percent (holdings weights, overlap): 6.5 → "6.50 %". */
export const percentOf100 = (value: number | null | undefined): string =>
  value === null || value === undefined ? DASH : `${value.toFixed(2)} %`;

export const fixed = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? DASH : value.toFixed(digits);

export function byUnit(unit: Unit, value: number | null | undefined): string {
  if (unit === 'percent') return percent(value);
  if (unit === 'count') return fixed(value, 0);
  return fixed(value, 2);
}

export const metricValue = (metric: ScreenMetric, value: number | null | undefined): string =>
  byUnit(SCREEN_METRICS[metric].unit, value);

/** A correlation coefficient, as the heatmap writes it. */
export const coefficient = (value: number | null | undefined): string => fixed(value, 2);

// An alert's condition as the form draws it (a metric, above or below, a
// number or another metric) and as the API takes it (a ScreenFilter), and
// any condition the API holds in words, since an alert may have been made
// with a richer filter than the form offers (and/or/not, between, …).
import type { ScreenFilter, ScreenMetric } from './gql/graphql.js';

export type Drawn = {
  metric: ScreenMetric;
  op: 'above' | 'below';
  /** A number in the unit the form shows (percent for fractions), or another metric. */
  against: { number: number } | { metric: ScreenMetric };
};

/** Price levels: the metrics one of them may sensibly be compared with. */
const PRICE_LEVELS: ScreenMetric[] = [
  'CLOSE',
  'SMA_20',
  'SMA_50',
  'SMA_200',
  'EMA_12',
  'EMA_26',
  'HIGH_52W',
  'LOW_52W',
];

/** The form's metrics, in the order offered. */
export const FORM_METRICS: ScreenMetric[] = [
  'CLOSE',
  'RSI_14',
  'SMA_50',
  'SMA_200',
  'EMA_12',
  'EMA_26',
  'RETURN_1D',
  'RETURN_1W',
  'RETURN_1M',
  'FROM_HIGH_52W',
  'MACD_HISTOGRAM',
  'VOLUME',
];

/** Metrics that are fractions: the form reads and writes them as percent, as people say them. */
const FRACTIONS = new Set<string>([
  'RETURN_1D',
  'RETURN_1W',
  'RETURN_1M',
  'RETURN_3M',
  'RETURN_6M',
  'RETURN_YTD',
  'RETURN_1Y',
  'RETURN_3Y',
  'RETURN_5Y',
  'FROM_HIGH_52W',
  'FROM_LOW_52W',
  'VOLATILITY_1Y',
  'MAX_DRAWDOWN_1Y',
  'EXPENSE_RATIO',
]);

const LABELS: Record<string, string> = {
  CLOSE: 'Close',
  FROM_HIGH_52W: 'From 52-week high',
  FROM_LOW_52W: 'From 52-week low',
  HIGH_52W: '52-week high',
  LOW_52W: '52-week low',
  MACD_HISTOGRAM: 'MACD histogram',
  MACD_SIGNAL: 'MACD signal',
  VOLUME: 'Volume',
  AVERAGE_VOLUME_20: 'Average volume 20',
  EXPENSE_RATIO: 'Expense ratio',
  VOLATILITY_1Y: 'Volatility 1Y',
  MAX_DRAWDOWN_1Y: 'Max drawdown 1Y',
  SHARPE_1Y: 'Sharpe 1Y',
};

/** A metric as people read it: RSI_14 is "RSI 14", RETURN_1D "Return 1D". */
export function metricLabel(metric: string): string {
  const known = LABELS[metric];
  if (known) return known;
  const [head = '', ...rest] = metric.split('_');
  const word = ['RSI', 'SMA', 'EMA', 'ATR', 'MACD'].includes(head) ? head : head[0] + head.slice(1).toLowerCase();
  return [word, ...rest].join(' ');
}

/** The metrics `metric` may be compared with, besides a number. */
export const comparableMetrics = (metric: ScreenMetric): ScreenMetric[] =>
  PRICE_LEVELS.includes(metric) ? PRICE_LEVELS.filter((other) => other !== metric) : [];

export const isFraction = (metric: string) => FRACTIONS.has(metric);

/** Drops the float noise of a percent conversion (0.07 × 100 is 7.000000000000001). */
const tidy = (value: number) => Number(value.toPrecision(12));

/** A threshold as the form shows it. */
function shownNumber(metric: string, value: number): string {
  return isFraction(metric) ? `${tidy(value * 100)} %` : String(value);
}

/** A value of an event as the list shows it. */
export function formatValue(metric: string, value: number | null): string {
  if (value === null) return '—';
  if (isFraction(metric)) return `${(value * 100).toFixed(2)} %`;
  if (metric === 'VOLUME' || metric === 'AVERAGE_VOLUME_20') return value.toFixed(0);
  return value.toFixed(2);
}

export function toScreenFilter({ metric, op, against }: Drawn): ScreenFilter {
  if ('metric' in against)
    return op === 'above' ? { metric, gtMetric: against.metric } : { metric, ltMetric: against.metric };
  const value = isFraction(metric) ? tidy(against.number / 100) : against.number;
  return op === 'above' ? { metric, gt: value } : { metric, lt: value };
}

const COMPARISONS: [key: string, words: string, toMetric: boolean][] = [
  ['gt', 'above', false],
  ['gte', 'at or above', false],
  ['lt', 'below', false],
  ['lte', 'at or below', false],
  ['eq', 'equal to', false],
  ['gtMetric', 'above', true],
  ['gteMetric', 'at or above', true],
  ['ltMetric', 'below', true],
  ['lteMetric', 'at or below', true],
];

const LISTS: [key: string, words: string][] = [
  ['assetClass', 'asset class'],
  ['currency', 'currency'],
  ['issuer', 'issuer'],
];

/** Any ScreenFilter in words: "Close above SMA 200", "RSI 14 below 30 and Return 1D above 2 %". */
export function describeCondition(filter: unknown, nested = false): string {
  if (typeof filter !== 'object' || filter === null) return 'a condition';
  const f = filter as Record<string, unknown>;
  const parts: string[] = [];
  const metric = typeof f.metric === 'string' ? f.metric : null;
  if (metric) {
    const comparisons: string[] = [];
    for (const [key, words, toMetric] of COMPARISONS) {
      const value = f[key];
      if (value === undefined || value === null) continue;
      comparisons.push(`${words} ${toMetric ? metricLabel(String(value)) : shownNumber(metric, Number(value))}`);
    }
    const between = f.between as { min?: number; max?: number } | null | undefined;
    if (between) {
      comparisons.push(
        `between ${shownNumber(metric, Number(between.min))} and ${shownNumber(metric, Number(between.max))}`,
      );
    }
    parts.push(`${metricLabel(metric)} ${comparisons.join(' and ') || 'known'}`);
  }
  for (const [key, words] of LISTS) {
    const values = f[key];
    if (Array.isArray(values)) parts.push(`${words} ${values.join(' or ')}`);
  }
  const group = (key: 'and' | 'or') => {
    const items = f[key];
    if (!Array.isArray(items)) return;
    const text = items.map((item) => describeCondition(item, true)).join(` ${key} `);
    parts.push(nested && items.length > 1 ? `(${text})` : text);
  };
  group('and');
  group('or');
  if (f.not) parts.push(`not (${describeCondition(f.not, true)})`);
  return parts.join(' and ') || 'a condition';
}

/** The name the form suggests: the condition in words. */
export const suggestedName = (drawn: Drawn): string => describeCondition(toScreenFilter(drawn));

// The dashboard's view, as it lives in the URL: shareable, reloadable, and the
// one input from which every request and every chart is derived.
import type { AssetClass, ScreenMetric } from './gql/graphql.js';
import { decodeChoices, encodeChoice, type IndicatorChoice, legacyChoices } from './indicator-choice.js';
import { isAssetClass, isMetric } from './screen-metrics.js';

/** The chart's two modes, and the views beside it (panels over the compared tickers, or the screener). */
export type Mode = 'compare' | 'detail' | 'screen' | 'risk' | 'correlation' | 'holdings';
export const MODES: Mode[] = ['compare', 'detail', 'screen', 'risk', 'correlation', 'holdings'];
export const isChartMode = (mode: Mode): mode is 'compare' | 'detail' => mode === 'compare' || mode === 'detail';

export type Comparison = 'lt' | 'lte' | 'gt' | 'gte' | 'eq';
export const COMPARISONS: Comparison[] = ['lt', 'lte', 'gt', 'gte', 'eq'];

/** One condition of the screen: a metric against a number or another metric, or the asset class. */
export type ScreenCondition =
  | { kind: 'metric'; metric: ScreenMetric; op: Comparison; value: number | ScreenMetric }
  | { kind: 'class'; classes: AssetClass[] };

export type ScreenState = {
  join: 'and' | 'or';
  conditions: ScreenCondition[];
  sort: { metric: ScreenMetric; direction: 'ASC' | 'DESC' } | null;
  /** The cursor the page starts after; null: the first page. */
  after: string | null;
};

/** The correlation's window: the last N returns, or dates (either end open). */
export type CorrelationWindow = { last: number } | { from: string | null; to: string | null };
type Range = '1M' | '3M' | '6M' | 'YTD' | '1Y' | '5Y' | 'MAX';
export type Interval = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export type ViewState = {
  mode: Mode;
  /** Compared tickers, at most MAX_COMPARED. */
  tickers: string[];
  /** The ticker of the detail view. */
  ticker: string;
  range: Range;
  interval: Interval;
  /** The detail chart's indicators, in the order picked: overlays on the price pane, the others a pane each. */
  indicators: IndicatorChoice[];
  screen: ScreenState;
  /** The risk view's date; null: each ETF's latest bar. */
  asOf: string | null;
  window: CorrelationWindow;
};

export const RANGES: Range[] = ['1M', '3M', '6M', 'YTD', '1Y', '5Y', 'MAX'];
const INTERVALS: Interval[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
export const MAX_COMPARED = 10;

export const DEFAULT_STATE: ViewState = {
  mode: 'compare',
  tickers: ['SPY', 'QQQ', 'TLT'],
  ticker: 'SPY',
  range: '1Y',
  interval: 'DAILY',
  indicators: [],
  screen: { join: 'and', conditions: [], sort: null, after: null },
  asOf: null,
  window: { last: 252 },
};

const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (raw: string | null): string | null => (raw && DATE.test(raw) ? raw : null);
/** Screen cursors are opaque but short and URL-safe base64; anything else is not one. */
const CURSOR = /^[A-Za-z0-9+/=_-]{1,500}$/;
const MAX_CONDITIONS = 10;

/** "RSI_14:lt:30", "CLOSE:gt:SMA_200", "class:in:EQUITY|FIXED_INCOME"; null when malformed. */
function parseCondition(raw: string): ScreenCondition | null {
  const [left = '', op = '', right = ''] = raw.split(':');
  if (left === 'class' && op === 'in') {
    const classes = right.split('|').filter(isAssetClass);
    return classes.length > 0 ? { kind: 'class', classes: [...new Set(classes)] } : null;
  }
  if (!isMetric(left) || !COMPARISONS.includes(op as Comparison)) return null;
  if (isMetric(right)) return op === 'eq' ? null : { kind: 'metric', metric: left, op: op as Comparison, value: right };
  const value = Number(right);
  return right !== '' && Number.isFinite(value) ? { kind: 'metric', metric: left, op: op as Comparison, value } : null;
}

function conditionText(condition: ScreenCondition): string {
  return condition.kind === 'class'
    ? `class:in:${condition.classes.join('|')}`
    : `${condition.metric}:${condition.op}:${condition.value}`;
}

function parseScreenState(params: URLSearchParams): ScreenState {
  const conditions = (params.get('where') ?? '')
    .split(',')
    .filter(Boolean)
    .map(parseCondition)
    .filter((c): c is ScreenCondition => c !== null)
    .slice(0, MAX_CONDITIONS);
  const [metric = '', direction = ''] = (params.get('sort') ?? '').split(':');
  const after = params.get('after');
  return {
    join: params.get('join') === 'or' ? 'or' : 'and',
    conditions,
    sort: isMetric(metric) ? { metric, direction: direction === 'desc' ? 'DESC' : 'ASC' } : null,
    after: after && CURSOR.test(after) ? after : null,
  };
}

function parseWindow(params: URLSearchParams): CorrelationWindow {
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  if (from || to) return { from, to };
  const last = Number(params.get('last'));
  return Number.isInteger(last) && last >= 2 && last <= 5000 ? { last } : DEFAULT_STATE.window;
}

/** Reads a view from a query string; anything missing or malformed falls back to the default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const tickers = (params.get('tickers') ?? '')
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter((t) => TICKER.test(t));
  const ticker = (params.get('ticker') ?? '').trim().toUpperCase();
  // `ind` lists every indicator; URLs from before it name the seven of then in `overlays` and `panes`.
  const ind = params.get('ind');
  const indicators = ind !== null ? decodeChoices(ind) : legacyChoices(params.get('overlays'), params.get('panes'));
  const range = params.get('range') as Range;
  const interval = params.get('interval') as Interval;
  const mode = params.get('view') as Mode;
  return {
    mode: MODES.includes(mode) ? mode : 'compare',
    tickers: tickers.length > 0 ? [...new Set(tickers)].slice(0, MAX_COMPARED) : DEFAULT_STATE.tickers,
    ticker: TICKER.test(ticker) ? ticker : DEFAULT_STATE.ticker,
    range: RANGES.includes(range) ? range : DEFAULT_STATE.range,
    interval: INTERVALS.includes(interval) ? interval : DEFAULT_STATE.interval,
    indicators,
    screen: parseScreenState(params),
    asOf: date(params.get('asof')),
    window: parseWindow(params),
  };
}

/** The query string of a view (without the leading "?"), in a stable order. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('view', state.mode);
  if (state.mode === 'detail') params.set('ticker', state.ticker);
  else params.set('tickers', state.tickers.join(','));
  params.set('range', state.range);
  params.set('interval', state.interval);
  if (state.mode === 'detail' && state.indicators.length > 0) {
    params.set('ind', state.indicators.map(encodeChoice).join(','));
  }
  // Each view beside the chart writes only its own part: the chart's URLs stay as they were.
  if (state.mode === 'screen') {
    const { join, conditions, sort, after } = state.screen;
    if (join === 'or') params.set('join', 'or');
    if (conditions.length > 0) params.set('where', conditions.map(conditionText).join(','));
    if (sort) params.set('sort', `${sort.metric}:${sort.direction.toLowerCase()}`);
    if (after) params.set('after', after);
  }
  if (state.mode === 'risk' && state.asOf) params.set('asof', state.asOf);
  if (state.mode === 'correlation') {
    const { window } = state;
    if ('last' in window) params.set('last', String(window.last));
    else {
      if (window.from) params.set('from', window.from);
      if (window.to) params.set('to', window.to);
    }
  }
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7C/g, '|');
}

/** Bars a range asks for at an interval; YTD asks for a year and is trimmed to its year after. */
export function barsFor(range: Range, interval: Interval): number | null {
  const perYear = { DAILY: 252, WEEKLY: 52, MONTHLY: 12 }[interval];
  const years: Record<Range, number | null> = {
    '1M': 1 / 12,
    '3M': 0.25,
    '6M': 0.5,
    YTD: 1,
    '1Y': 1,
    '5Y': 5,
    MAX: null,
  };
  const span = years[range];
  return span === null ? null : Math.max(2, Math.round(perYear * span));
}

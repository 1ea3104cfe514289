// The dashboard's view, as it lives in the URL: shareable, reloadable, and the
// one input from which every request and every chart is derived.

type Mode = 'compare' | 'detail';
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
  overlays: { sma: number | null; ema: number | null; bollinger: number | null; donchian: number | null };
  panes: {
    rsi: number | null;
    macd: [number, number, number] | null;
    stochastic: [number, number, number] | null;
  };
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
  overlays: { sma: null, ema: null, bollinger: null, donchian: null },
  panes: { rsi: null, macd: null, stochastic: null },
};

/** Default periods when an indicator is switched on. */
export const DEFAULT_PERIODS = {
  sma: 50,
  ema: 20,
  bollinger: 20,
  donchian: 20,
  rsi: 14,
  macd: [12, 26, 9] as [number, number, number],
  stochastic: [14, 3, 3] as [number, number, number],
};

const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;

function period(raw: string | undefined): number | null {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : null;
}

function triple(raw: string | undefined): [number, number, number] | null {
  const parts = (raw ?? '').split('-').map(period);
  return parts.length === 3 && parts.every((p) => p !== null) ? (parts as [number, number, number]) : null;
}

/** Reads a view from a query string; anything missing or malformed falls back to the default. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const tickers = (params.get('tickers') ?? '')
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter((t) => TICKER.test(t));
  const ticker = (params.get('ticker') ?? '').trim().toUpperCase();
  const list = (name: string) =>
    new Map(
      (params.get(name) ?? '')
        .split(',')
        .filter(Boolean)
        .map((item) => item.split(':') as [string, string | undefined]),
    );
  const overlays = list('overlays');
  const panes = list('panes');
  const range = params.get('range') as Range;
  const interval = params.get('interval') as Interval;
  return {
    mode: params.get('view') === 'detail' ? 'detail' : 'compare',
    tickers: tickers.length > 0 ? [...new Set(tickers)].slice(0, MAX_COMPARED) : DEFAULT_STATE.tickers,
    ticker: TICKER.test(ticker) ? ticker : DEFAULT_STATE.ticker,
    range: RANGES.includes(range) ? range : DEFAULT_STATE.range,
    interval: INTERVALS.includes(interval) ? interval : DEFAULT_STATE.interval,
    overlays: {
      sma: overlays.has('sma') ? period(overlays.get('sma')) : null,
      ema: overlays.has('ema') ? period(overlays.get('ema')) : null,
      bollinger: overlays.has('bb') ? period(overlays.get('bb')) : null,
      donchian: overlays.has('dc') ? period(overlays.get('dc')) : null,
    },
    panes: {
      rsi: panes.has('rsi') ? period(panes.get('rsi')) : null,
      macd: panes.has('macd') ? triple(panes.get('macd')) : null,
      stochastic: panes.has('stoch') ? triple(panes.get('stoch')) : null,
    },
  };
}

/** The query string of a view (without the leading "?"), in a stable order. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('view', state.mode);
  if (state.mode === 'compare') params.set('tickers', state.tickers.join(','));
  else params.set('ticker', state.ticker);
  params.set('range', state.range);
  params.set('interval', state.interval);
  if (state.mode === 'detail') {
    const { sma, ema, bollinger, donchian } = state.overlays;
    const overlays = [
      sma && `sma:${sma}`,
      ema && `ema:${ema}`,
      bollinger && `bb:${bollinger}`,
      donchian && `dc:${donchian}`,
    ].filter(Boolean);
    if (overlays.length > 0) params.set('overlays', overlays.join(','));
    const { rsi, macd, stochastic } = state.panes;
    const panes = [
      rsi && `rsi:${rsi}`,
      macd && `macd:${macd.join('-')}`,
      stochastic && `stoch:${stochastic.join('-')}`,
    ].filter(Boolean);
    if (panes.length > 0) params.set('panes', panes.join(','));
  }
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
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

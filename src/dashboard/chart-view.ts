// The chart: one GraphQL request per view, drawn when its answer is still the
// latest asked for (a slow answer never overwrites a newer view).
import { ApiError, lastResponseAt, request } from './api.js';
import { type CompareSeries, drawComparison, drawDetail, painted } from './charts.js';
import { CompareChartDocument, DetailChartDocument } from './documents.js';
import { chart, showError, status } from './page.js';
import { changeView, view } from './store.js';
import { barsFor, DEFAULT_PERIODS, type ViewState } from './view-state.js';

declare global {
  interface Window {
    /** Timings of the last drawn view, read by the benchmark and the tests; `alertsLive`: the alert stream is open. */
    __etfql?: {
      renders: number;
      lastDrawMs: number;
      bars: number;
      series: number;
      live: boolean;
      alertsLive: boolean;
    };
  }
}

window.__etfql = { renders: 0, lastDrawMs: 0, bars: 0, series: 0, live: false, alertsLive: false };

let generation = 0;

/** The first date to show: YTD trims the year-long request to the last bar's year. */
function fromDate(state: ViewState, lastDate: string | undefined): string | null {
  return state.range === 'YTD' && lastDate ? `${lastDate.slice(0, 4)}-01-01` : null;
}

async function recordDraw(bars: number, series: number): Promise<void> {
  await painted();
  const timings = window.__etfql;
  if (!timings) return;
  timings.renders++;
  timings.lastDrawMs = performance.now() - lastResponseAt;
  timings.bars = bars;
  timings.series = series;
}

/** The detail chart's variables: each indicator on or off, with its periods. */
function detailVariables(state: ViewState, last: number | null) {
  const { overlays, panes } = state;
  const macd = panes.macd ?? DEFAULT_PERIODS.macd;
  const stochastic = panes.stochastic ?? DEFAULT_PERIODS.stochastic;
  return {
    ticker: state.ticker,
    last,
    interval: state.interval,
    sma: overlays.sma !== null,
    smaPeriod: overlays.sma ?? DEFAULT_PERIODS.sma,
    ema: overlays.ema !== null,
    emaPeriod: overlays.ema ?? DEFAULT_PERIODS.ema,
    bollinger: overlays.bollinger !== null,
    bollingerPeriod: overlays.bollinger ?? DEFAULT_PERIODS.bollinger,
    donchian: overlays.donchian !== null,
    donchianPeriod: overlays.donchian ?? DEFAULT_PERIODS.donchian,
    rsi: panes.rsi !== null,
    rsiPeriod: panes.rsi ?? DEFAULT_PERIODS.rsi,
    macd: panes.macd !== null,
    macdFast: macd[0],
    macdSlow: macd[1],
    macdSignal: macd[2],
    stochastic: panes.stochastic !== null,
    stochK: stochastic[0],
    stochD: stochastic[1],
    stochSlowD: stochastic[2],
  };
}

async function loadComparison(state: ViewState, last: number | null, mine: number): Promise<void> {
  const data = await request(CompareChartDocument, { tickers: state.tickers, last, interval: state.interval });
  if (mine !== generation) return;
  const unknown = state.tickers.filter((_, i) => data.etfsByTicker[i] === null);
  const found = data.etfsByTicker.filter((etf): etf is CompareSeries => etf !== null);
  showError(unknown.length > 0 ? `Unknown ticker${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : null);
  if (unknown.length > 0) {
    // An unknown ticker leaves the chips and the URL (the error stays): kept,
    // every reload and shared link would only repeat the error.
    const tickers = state.tickers.filter((ticker) => !unknown.includes(ticker));
    changeView({ ...state, tickers }, { history: 'replace', reload: false });
  }
  const lastDate = found[0]?.prices.at(-1)?.date;
  drawComparison(chart, found, fromDate(state, lastDate));
  await recordDraw(
    found.reduce((sum, etf) => sum + etf.prices.length, 0),
    found.length,
  );
  status.textContent =
    found.length > 0 ? `Rebased to 100 at the start of the window · last bar ${lastDate ?? '—'}` : 'Nothing to draw.';
}

async function loadDetail(state: ViewState, last: number | null, mine: number): Promise<void> {
  const data = await request(DetailChartDocument, detailVariables(state, last));
  if (mine !== generation) return;
  if (!data.etf) {
    showError(`Unknown ticker: ${state.ticker}`);
    chart.replaceChildren();
    status.textContent = '';
    return;
  }
  showError(null);
  const lastDate = data.etf.prices.at(-1)?.date;
  drawDetail(chart, data.etf, fromDate(state, lastDate));
  await recordDraw(data.etf.prices.length, 1);
  status.textContent = `${data.etf.ticker} · ${data.etf.name} · last bar ${lastDate ?? '—'}`;
}

/** Leaves a pending chart answer undrawn: another view was opened meanwhile. */
export function abandonChart(): void {
  generation++;
}

/** Fetches and draws the current view. */
export async function loadView(): Promise<void> {
  const mine = ++generation;
  const state = view();
  const last = barsFor(state.range, state.interval);
  status.textContent = 'Loading…';
  try {
    if (state.mode === 'compare') await loadComparison(state, last, mine);
    else await loadDetail(state, last, mine);
  } catch (error) {
    if (mine !== generation) return;
    showError(error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`);
    status.textContent = '';
  }
}

// The chart: one GraphQL request per view, drawn when its answer is still the
// latest asked for (a slow answer never overwrites a newer view).
import { ApiError, lastResponseAt, request } from './api.js';
import { csvFileName, drawnCsvRows } from './chart-csv.js';
import { type CompareSeries, type DrawnChart, drawComparison, drawDetail, painted } from './charts.js';
import { downloadCsv } from './csv-download.js';
import { detailQuery } from './detail-query.js';
import { CompareChartDocument } from './documents.js';
import { $, chart, showError, status } from './page.js';
import { changeView, view } from './store.js';
import { barsFor, type ViewState } from './view-state.js';

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
      /** What the chart shows now, column by column: what its CSV holds. */
      chart?: DrawnChart;
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
  shown(state, drawComparison(chart, found, fromDate(state, lastDate)));
  await recordDraw(
    found.reduce((sum, etf) => sum + etf.prices.length, 0),
    found.length,
  );
  status.textContent =
    found.length > 0 ? `Rebased to 100 at the start of the window · last bar ${lastDate ?? '—'}` : 'Nothing to draw.';
}

async function loadDetail(state: ViewState, last: number | null, mine: number): Promise<void> {
  const choices = state.indicators;
  const data = await request(detailQuery(choices), { ticker: state.ticker, last, interval: state.interval });
  if (mine !== generation) return;
  if (!data.etf) {
    showError(`Unknown ticker: ${state.ticker}`);
    chart.replaceChildren();
    shown(state, null);
    status.textContent = '';
    return;
  }
  showError(null);
  const lastDate = data.etf.prices.at(-1)?.date;
  shown(state, drawDetail(chart, data.etf, choices, fromDate(state, lastDate)));
  await recordDraw(data.etf.prices.length, 1 + choices.length);
  status.textContent = `${data.etf.ticker} · ${data.etf.name} · last bar ${lastDate ?? '—'}`;
}

const csv = $<HTMLButtonElement>('#chart-csv');
let drawn: { state: ViewState; chart: DrawnChart } | null = null;

/** Keeps what was drawn for the CSV button and the tests; the button shows only with something to download. */
function shown(state: ViewState, drawnChart: DrawnChart | null): void {
  drawn = drawnChart && { state, chart: drawnChart };
  csv.hidden = !drawnChart || drawnChart.dates.length === 0;
  if (window.__etfql) window.__etfql.chart = drawnChart ?? undefined;
}

csv.onclick = () => {
  if (drawn) downloadCsv(csvFileName(drawn.state), drawnCsvRows(drawn.chart));
};

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
    shown(state, null);
    status.textContent = '';
  }
}

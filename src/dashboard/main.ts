// The dashboard: one view state (in the URL), one GraphQL request per change
// of view, one chart drawn from its answer.
import { ApiError, lastResponseAt, request, session } from './api.js';
import { type CompareSeries, drawComparison, drawDetail, PALETTE, painted } from './charts.js';
import {
  CompareChartDocument,
  DetailChartDocument,
  LoginDocument,
  PricesUpdatedDocument,
  TickerSuggestionsDocument,
  WatchlistDocument,
} from './documents.js';
import {
  barsFor,
  DEFAULT_PERIODS,
  MAX_COMPARED,
  parseViewState,
  RANGES,
  serializeViewState,
  type ViewState,
} from './view-state.js';

declare global {
  interface Window {
    /** Timings of the last drawn view, read by the benchmark and the tests. */
    __etfql?: { renders: number; lastDrawMs: number; bars: number; series: number; live: boolean };
  }
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const chart = $<HTMLDivElement>('#chart');
const status = $<HTMLParagraphElement>('#status');
const errorBox = $<HTMLDivElement>('#error');
window.__etfql = { renders: 0, lastDrawMs: 0, bars: 0, series: 0, live: false };

let state: ViewState = parseViewState(location.search);
let generation = 0;

function showError(message: string | null): void {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? '';
}

function setState(next: ViewState, push = true): void {
  state = next;
  const query = `?${serializeViewState(state)}`;
  if (push && query !== location.search) history.pushState(null, '', query);
  renderControls();
  void loadView();
  followLiveUpdates();
}

// ---- live updates ----------------------------------------------------------

let live: EventSource | null = null;
let liveTickers = '';
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Listens to pricesUpdated for the tickers on screen (server-sent events) and
 * refetches the view when one of them changes; a burst of loads is one refetch.
 */
function followLiveUpdates(): void {
  const tickers = state.mode === 'compare' ? state.tickers : [state.ticker];
  const key = tickers.join(',');
  if (key === liveTickers && live) return;
  live?.close();
  liveTickers = key;
  const params = new URLSearchParams({
    query: PricesUpdatedDocument.toString(),
    variables: JSON.stringify({ tickers }),
  });
  live = new EventSource(`/graphql?${params}`);
  live.onopen = () => {
    if (window.__etfql) window.__etfql.live = true;
  };
  live.addEventListener('next', () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void loadView(), 250);
  });
}

/** The first date to show: YTD trims the year-long request to the last bar's year. */
function fromDate(lastDate: string | undefined): string | null {
  return state.range === 'YTD' && lastDate ? `${lastDate.slice(0, 4)}-01-01` : null;
}

async function loadView(): Promise<void> {
  const mine = ++generation;
  const last = barsFor(state.range, state.interval);
  status.textContent = 'Loading…';
  try {
    if (state.mode === 'compare') {
      const data = await request(CompareChartDocument, { tickers: state.tickers, last, interval: state.interval });
      if (mine !== generation) return;
      const unknown = state.tickers.filter((_, i) => data.etfsByTicker[i] === null);
      const found = data.etfsByTicker.filter((etf): etf is CompareSeries => etf !== null);
      showError(unknown.length > 0 ? `Unknown ticker${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : null);
      if (unknown.length > 0) {
        // An unknown ticker leaves the chips and the URL (the error stays):
        // kept, every reload and shared link would only repeat the error.
        state = { ...state, tickers: state.tickers.filter((ticker) => !unknown.includes(ticker)) };
        history.replaceState(null, '', `?${serializeViewState(state)}`);
        renderControls();
        followLiveUpdates();
      }
      const lastDate = found[0]?.prices.at(-1)?.date;
      drawComparison(chart, found, fromDate(lastDate));
      await recordDraw(
        found.reduce((sum, etf) => sum + etf.prices.length, 0),
        found.length,
      );
      status.textContent =
        found.length > 0
          ? `Rebased to 100 at the start of the window · last bar ${lastDate ?? '—'}`
          : 'Nothing to draw.';
    } else {
      const { overlays, panes } = state;
      const data = await request(DetailChartDocument, {
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
        macdFast: (panes.macd ?? DEFAULT_PERIODS.macd)[0],
        macdSlow: (panes.macd ?? DEFAULT_PERIODS.macd)[1],
        macdSignal: (panes.macd ?? DEFAULT_PERIODS.macd)[2],
        stochastic: panes.stochastic !== null,
        stochK: (panes.stochastic ?? DEFAULT_PERIODS.stochastic)[0],
        stochD: (panes.stochastic ?? DEFAULT_PERIODS.stochastic)[1],
        stochSlowD: (panes.stochastic ?? DEFAULT_PERIODS.stochastic)[2],
      });
      if (mine !== generation) return;
      if (!data.etf) {
        showError(`Unknown ticker: ${state.ticker}`);
        chart.replaceChildren();
        status.textContent = '';
        return;
      }
      showError(null);
      const lastDate = data.etf.prices.at(-1)?.date;
      drawDetail(chart, data.etf, fromDate(lastDate));
      await recordDraw(data.etf.prices.length, 1);
      status.textContent = `${data.etf.ticker} · ${data.etf.name} · last bar ${lastDate ?? '—'}`;
    }
  } catch (error) {
    if (mine !== generation) return;
    showError(error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`);
    status.textContent = '';
  }
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

// ---- controls -------------------------------------------------------------

function renderControls(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset.mode === state.mode));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-range]')) {
    button.setAttribute('aria-pressed', String(button.dataset.range === state.range));
  }
  $<HTMLSelectElement>('#interval').value = state.interval;
  const chips = $<HTMLDivElement>('#chips');
  chips.replaceChildren(
    ...(state.mode === 'compare' ? state.tickers : [state.ticker]).map((ticker, i) => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.style.background = PALETTE[i % PALETTE.length] as string;
      chip.textContent = ticker;
      if (state.mode === 'compare' && state.tickers.length > 1) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${ticker}`);
        remove.onclick = () => setState({ ...state, tickers: state.tickers.filter((t) => t !== ticker) });
        chip.append(remove);
      } else if (state.mode === 'compare') {
        chip.onclick = () => setState({ ...state, mode: 'detail', ticker });
      }
      return chip;
    }),
  );
  renderIndicatorControls();
}

type Toggle = {
  key: string;
  label: string;
  enabled: boolean;
  periods: number[];
  apply(periods: number[] | null): ViewState;
};

function toggles(): Toggle[] {
  const { overlays, panes } = state;
  const single = (key: 'sma' | 'ema' | 'bollinger' | 'donchian', label: string): Toggle => ({
    key,
    label,
    enabled: overlays[key] !== null,
    periods: [overlays[key] ?? DEFAULT_PERIODS[key]],
    apply: (p) => ({ ...state, overlays: { ...overlays, [key]: p ? p[0] : null } }),
  });
  return [
    single('sma', 'SMA'),
    single('ema', 'EMA'),
    single('bollinger', 'Bollinger'),
    single('donchian', 'Donchian'),
    {
      key: 'rsi',
      label: 'RSI',
      enabled: panes.rsi !== null,
      periods: [panes.rsi ?? DEFAULT_PERIODS.rsi],
      apply: (p) => ({ ...state, panes: { ...panes, rsi: p ? (p[0] as number) : null } }),
    },
    {
      key: 'macd',
      label: 'MACD',
      enabled: panes.macd !== null,
      periods: panes.macd ?? DEFAULT_PERIODS.macd,
      apply: (p) => ({ ...state, panes: { ...panes, macd: p ? (p as [number, number, number]) : null } }),
    },
    {
      key: 'stochastic',
      label: 'Stochastic',
      enabled: panes.stochastic !== null,
      periods: panes.stochastic ?? DEFAULT_PERIODS.stochastic,
      apply: (p) => ({ ...state, panes: { ...panes, stochastic: p ? (p as [number, number, number]) : null } }),
    },
  ];
}

function renderIndicatorControls(): void {
  const box = $<HTMLDivElement>('#indicator-controls');
  box.hidden = state.mode !== 'detail';
  if (box.hidden) return;
  box.replaceChildren(
    ...toggles().map((toggle) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = toggle.key;
      box.checked = toggle.enabled;
      label.append(box, toggle.label);
      const inputs = toggle.periods.map((period, i) => {
        const input = document.createElement('input');
        input.type = 'number';
        input.min = '1';
        input.max = '1000';
        input.value = String(period);
        input.name = `${toggle.key}-${i}`;
        input.disabled = !toggle.enabled;
        return input;
      });
      const read = () => inputs.map((input) => Math.round(Number(input.value)));
      box.onchange = () => setState(toggle.apply(box.checked ? read() : null));
      for (const input of inputs) {
        input.onchange = () => {
          const periods = read();
          if (periods.every((p) => Number.isInteger(p) && p >= 1 && p <= 1000)) setState(toggle.apply(periods));
          else showError(`${toggle.label}: periods are whole numbers from 1 to 1000.`);
        };
      }
      label.append(...inputs);
      return label;
    }),
  );
}

function setUpControls(): void {
  const ranges = $<HTMLFieldSetElement>('.ranges');
  ranges.replaceChildren(
    ...RANGES.map((range) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.range = range;
      button.textContent = range;
      button.onclick = () => setState({ ...state, range });
      return button;
    }),
  );
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
    button.onclick = () => setState({ ...state, mode: button.dataset.mode === 'detail' ? 'detail' : 'compare' });
  }
  $<HTMLSelectElement>('#interval').onchange = (event) =>
    setState({ ...state, interval: (event.target as HTMLSelectElement).value as ViewState['interval'] });

  const input = $<HTMLInputElement>('#search-input');
  const suggestions = $<HTMLDataListElement>('#suggestions');
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.oninput = () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 1) return;
    timer = setTimeout(async () => {
      try {
        const data = await request(TickerSuggestionsDocument, { search: text });
        suggestions.replaceChildren(
          ...data.etfs.edges.map(({ node }) => {
            const option = document.createElement('option');
            option.value = node.ticker;
            option.label = node.name;
            return option;
          }),
        );
      } catch {
        // Suggestions are a convenience; the submit reports errors.
      }
    }, 150);
  };
  $<HTMLFormElement>('#search').onsubmit = (event) => {
    event.preventDefault();
    const ticker = input.value.trim().toUpperCase();
    input.value = '';
    if (!ticker) return;
    if (state.mode === 'detail') setState({ ...state, ticker });
    else if (!state.tickers.includes(ticker)) {
      if (state.tickers.length >= MAX_COMPARED) showError(`At most ${MAX_COMPARED} tickers in one comparison.`);
      else setState({ ...state, tickers: [...state.tickers, ticker] });
    }
  };
  window.onpopstate = () => setState(parseViewState(location.search), false);
}

// ---- watchlist and sign-in -------------------------------------------------

async function loadWatchlist(): Promise<void> {
  const box = $<HTMLDivElement>('#watchlist');
  const signedIn = session.token !== null;
  $<HTMLFormElement>('#login').hidden = signedIn;
  $<HTMLButtonElement>('#logout').hidden = !signedIn;
  if (!signedIn) {
    box.textContent = 'Sign in to see the ETFs you follow.';
    return;
  }
  try {
    const data = await request(WatchlistDocument, {});
    if (!data.me) throw new ApiError('Your session has ended: sign in again.');
    const rows = data.me.watchlist.map(({ etf, change1d }) => {
      const row = document.createElement('tr');
      const change = change1d === null || change1d === undefined ? '—' : `${(change1d * 100).toFixed(2)} %`;
      row.innerHTML = `<td></td><td>${etf.latestPrice?.close.toFixed(2) ?? '—'}</td><td class="${(change1d ?? 0) >= 0 ? 'up' : 'down'}">${change}</td>`;
      const link = document.createElement('a');
      link.href = `?${serializeViewState({ ...state, mode: 'detail', ticker: etf.ticker })}`;
      link.textContent = etf.ticker;
      link.title = etf.name;
      row.firstElementChild?.append(link);
      return row;
    });
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>ETF</th><th>Last close</th><th>1 day</th></tr></thead>';
    const body = document.createElement('tbody');
    body.append(...rows);
    table.append(body);
    box.replaceChildren(rows.length > 0 ? table : 'You follow no ETF yet.');
  } catch (error) {
    box.textContent = (error as Error).message;
    $<HTMLFormElement>('#login').hidden = session.token !== null;
  }
}

function setUpSession(): void {
  const form = $<HTMLFormElement>('#login');
  form.onsubmit = async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    try {
      const data = await request(LoginDocument, {
        email: String(fields.get('email')),
        password: String(fields.get('password')),
      });
      session.token = data.login.token;
      form.reset();
      showError(null);
      await loadWatchlist();
    } catch (error) {
      showError((error as Error).message);
    }
  };
  $<HTMLButtonElement>('#logout').onclick = () => {
    session.token = null;
    void loadWatchlist();
  };
}

setUpControls();
setUpSession();
history.replaceState(null, '', `?${serializeViewState(state)}`);
renderControls();
void loadView();
followLiveUpdates();
void loadWatchlist();

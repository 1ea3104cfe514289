// The controls: mode, range and interval buttons, the ticker chips, the
// indicator toggles with their periods, and the search box with suggestions.
// Each change goes through the store; `renderControls` redraws them from it.
import { request } from './api.js';
import { PALETTE } from './charts.js';
import { TickerSuggestionsDocument } from './documents.js';
import { $, showError } from './page.js';
import { changeView, shownTickers, view } from './store.js';
import { DEFAULT_PERIODS, MAX_COMPARED, RANGES, type ViewState } from './view-state.js';

type Toggle = {
  key: string;
  label: string;
  enabled: boolean;
  periods: number[];
  apply(periods: number[] | null): ViewState;
};

/** Every indicator the detail view can show, as the state has it. */
function toggles(state: ViewState): Toggle[] {
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

function renderIndicatorControls(state: ViewState): void {
  const box = $<HTMLDivElement>('#indicator-controls');
  box.hidden = state.mode !== 'detail';
  if (box.hidden) return;
  box.replaceChildren(
    ...toggles(state).map((toggle) => {
      const label = document.createElement('label');
      const checkbox = document.createElement('input');
      checkbox.type = 'checkbox';
      checkbox.name = toggle.key;
      checkbox.checked = toggle.enabled;
      label.append(checkbox, toggle.label);
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
      checkbox.onchange = () => changeView(toggle.apply(checkbox.checked ? read() : null));
      for (const input of inputs) {
        input.onchange = () => {
          const periods = read();
          if (periods.every((p) => Number.isInteger(p) && p >= 1 && p <= 1000)) changeView(toggle.apply(periods));
          else showError(`${toggle.label}: periods are whole numbers from 1 to 1000.`);
        };
      }
      label.append(...inputs);
      return label;
    }),
  );
}

function chipFor(state: ViewState, ticker: string, i: number): HTMLSpanElement {
  const chip = document.createElement('span');
  chip.className = 'chip';
  chip.style.background = PALETTE[i % PALETTE.length] as string;
  chip.textContent = ticker;
  // Every view of the compared tickers lets one go; the chart also opens one in detail.
  if (state.mode !== 'detail' && state.tickers.length > 1) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove ${ticker}`);
    remove.onclick = () => changeView({ ...state, tickers: state.tickers.filter((t) => t !== ticker) });
    chip.append(remove);
  } else if (state.mode === 'compare') {
    chip.onclick = () => changeView({ ...state, mode: 'detail', ticker });
  }
  return chip;
}

/** Redraws every control from the current state. */
export function renderControls(): void {
  const state = view();
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-range]')) {
    button.setAttribute('aria-pressed', String(button.dataset.range === state.range));
  }
  $<HTMLSelectElement>('#interval').value = state.interval;
  $<HTMLDivElement>('#chips').replaceChildren(...shownTickers(state).map((ticker, i) => chipFor(state, ticker, i)));
  renderIndicatorControls(state);
}

/** Suggests tickers while typing (debounced) and adds or opens one on submit. */
function setUpSearch(): void {
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
    const state = view();
    const ticker = input.value.trim().toUpperCase();
    input.value = '';
    if (!ticker) return;
    if (state.mode === 'detail') changeView({ ...state, ticker });
    else if (!state.tickers.includes(ticker)) {
      if (state.tickers.length >= MAX_COMPARED) showError(`At most ${MAX_COMPARED} tickers in one comparison.`);
      else changeView({ ...state, tickers: [...state.tickers, ticker] });
    }
  };
}

export function setUpControls(): void {
  $<HTMLFieldSetElement>('.ranges').replaceChildren(
    ...RANGES.map((range) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.range = range;
      button.textContent = range;
      button.onclick = () => changeView({ ...view(), range });
      return button;
    }),
  );
  $<HTMLSelectElement>('#interval').onchange = (event) =>
    changeView({ ...view(), interval: (event.target as HTMLSelectElement).value as ViewState['interval'] });
  setUpSearch();
}

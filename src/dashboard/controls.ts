// The controls: mode, range and interval buttons, the ticker chips, the
// indicator panel (indicator-panel.ts), and the search box with suggestions.
// Each change goes through the store; `renderControls` redraws them from it.
import { request } from './api.js';
import { PALETTE } from './charts.js';
import { TickerSuggestionsDocument } from './documents.js';
import { renderIndicatorPanel } from './indicator-panel.js';
import { $, showError } from './page.js';
import { changeView, shownTickers, view } from './store.js';
import { MAX_COMPARED, RANGES, type ViewState } from './view-state.js';

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
  renderIndicatorPanel();
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

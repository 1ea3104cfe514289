// The view switcher: the [data-mode] buttons of the header (chart compare and
// detail, screen, risk, correlation, holdings), and which parts of the page
// each view uses. Buttons, so that Tab reaches them and Enter or Space opens a view.
import { $ } from './page.js';
import { changeView, view } from './store.js';
import { isChartMode, MODES, type Mode } from './view-state.js';

export function setUpTabs(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
    const mode = button.dataset.mode as Mode;
    if (!MODES.includes(mode)) continue;
    button.onclick = () => {
      if (view().mode !== mode) changeView({ ...view(), mode });
    };
  }
}

/** Shows the parts of the page the current view uses (after renderControls). */
export function renderTabs(): void {
  const { mode } = view();
  const chart = isChartMode(mode);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
  }
  $<HTMLElement>('#chart').hidden = !chart;
  $<HTMLElement>('#status').hidden = !chart;
  if (!chart) $<HTMLElement>('#chart-csv').hidden = true;
  $<HTMLElement>('.ranges').hidden = !chart;
  $<HTMLElement>('#interval').hidden = !chart;
  // The screen finds its own ETFs: the compared tickers' chips would only confuse it.
  $<HTMLElement>('#chips').hidden = mode === 'screen';
  $<HTMLElement>('#panel').hidden = chart;
  if (!chart) $<HTMLElement>('#indicator-controls').hidden = true;
  document.body.dataset.view = mode;
}

// Which view is drawn: the chart (chart-view.ts), or one of the views beside
// it, each from one request. An answer drawn only while its view is still the
// latest asked for: a slow answer never overwrites a newer view.
import { ApiError } from './api.js';
import { abandonChart, loadView as loadChart } from './chart-view.js';
import { loadCorrelation } from './correlation-view.js';
import { loadHoldings } from './holdings-view.js';
import { showError } from './page.js';
import { panel } from './panel.js';
import { loadRisk } from './risk-view.js';
import { loadScreen } from './screen-view.js';
import { view } from './store.js';
import { isChartMode, type Mode, type ViewState } from './view-state.js';

type PanelMode = Exclude<Mode, 'compare' | 'detail'>;

const PANELS: Record<PanelMode, (state: ViewState, current: () => boolean) => Promise<void>> = {
  screen: loadScreen,
  risk: loadRisk,
  correlation: loadCorrelation,
  holdings: loadHoldings,
};

let generation = 0;

export async function loadCurrentView(): Promise<void> {
  const mine = ++generation;
  const state = view();
  if (isChartMode(state.mode)) return loadChart();
  abandonChart();
  const current = () => mine === generation;
  showError(null);
  panel.setAttribute('aria-busy', 'true');
  try {
    await PANELS[state.mode](state, current);
  } catch (error) {
    if (!current()) return;
    showError(error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`);
  } finally {
    if (current()) panel.removeAttribute('aria-busy');
  }
}

// The dashboard: one view state (store.ts, in the URL), one GraphQL request per
// change of view (view-loader.ts: the chart, or the screen, risk, correlation
// or holdings view), drawn from its answer, refetched
// when the prices on screen change (live-updates.ts). This file only wires
// them together. Signed in, the side panels show the user's watchlist and
// alerts (alerts-panel.ts).
import { loadAlerts, prefillFromView, setUpAlertsPanel } from './alerts-panel.js';
import { renderControls, setUpControls } from './controls.js';
import { createLiveUpdates } from './live-updates.js';
import { changeView, onViewChange, shownTickers, view } from './store.js';
import { loadCurrentView } from './view-loader.js';
import { parseViewState } from './view-state.js';
import { renderTabs, setUpTabs } from './view-tabs.js';
import { loadWatchlist, setUpSession } from './watchlist-panel.js';

const live = createLiveUpdates(() => void loadCurrentView());

onViewChange(({ reload }) => {
  renderControls();
  renderTabs();
  if (reload) void loadCurrentView();
  live.follow(shownTickers());
  prefillFromView();
});

setUpControls();
setUpTabs();
setUpAlertsPanel();
// Signing in or out changes what the holdings view looks through (the watchlist).
window.addEventListener('etfql:session', () => {
  if (view().mode === 'holdings') void loadCurrentView();
});
setUpSession(() => {
  void loadWatchlist();
  void loadAlerts();
});
window.onpopstate = () => changeView(parseViewState(location.search), { history: 'none' });
// The URL in its normal form, and the first view drawn.
changeView(view(), { history: 'replace' });
void loadWatchlist();
void loadAlerts();

// The dashboard: one view state (store.ts, in the URL), one GraphQL request per
// change of view (chart-view.ts), one chart drawn from its answer, refetched
// when the prices on screen change (live-updates.ts). This file only wires
// them together. Signed in, the side panels show the user's watchlist and
// alerts (alerts-panel.ts).
import { loadAlerts, prefillFromView, setUpAlertsPanel } from './alerts-panel.js';
import { loadView } from './chart-view.js';
import { renderControls, setUpControls } from './controls.js';
import { createLiveUpdates } from './live-updates.js';
import { changeView, onViewChange, shownTickers, view } from './store.js';
import { parseViewState } from './view-state.js';
import { loadWatchlist, setUpSession } from './watchlist-panel.js';

const live = createLiveUpdates(() => void loadView());

onViewChange(({ reload }) => {
  renderControls();
  if (reload) void loadView();
  live.follow(shownTickers());
  prefillFromView();
});

setUpControls();
setUpAlertsPanel();
setUpSession(() => {
  void loadWatchlist();
  void loadAlerts();
});
window.onpopstate = () => changeView(parseViewState(location.search), { history: 'none' });
// The URL in its normal form, and the first view drawn.
changeView(view(), { history: 'replace' });
void loadWatchlist();
void loadAlerts();

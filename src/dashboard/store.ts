// The view state, in one place and in the URL: every module reads it through
// `view()`, and changes it only through `changeView`, which keeps the address
// bar in step and tells the listeners (controls, chart, live updates).
import { parseViewState, serializeViewState, type ViewState } from './view-state.js';

let state: ViewState = parseViewState(location.search);

type Change = {
  /** push: a new history entry (a click); replace: a correction of this one; none: the browser moved already. */
  history?: 'push' | 'replace' | 'none';
  /** Whether the chart must be fetched again (false when the change only drops what the answer showed unknown). */
  reload?: boolean;
};
type Listener = (change: Required<Change>) => void;

const listeners: Listener[] = [];

export const view = (): ViewState => state;

export function onViewChange(listener: Listener): void {
  listeners.push(listener);
}

export function changeView(next: ViewState, { history: how = 'push', reload = true }: Change = {}): void {
  state = next;
  const query = `?${serializeViewState(state)}`;
  if (how === 'push' && query !== location.search) history.pushState(null, '', query);
  if (how === 'replace') history.replaceState(null, '', query);
  for (const listener of listeners) listener({ history: how, reload });
}

/** The tickers on screen: the detail view's one, or the compared ones (every other view works on those). */
export const shownTickers = (current = state): string[] =>
  current.mode === 'detail' ? [current.ticker] : current.tickers;

// The side panel: sign-in and sign-out, and the signed-in user's watchlist
// with each ETF's last close and daily move, linked to its detail view.
import { ApiError, request, session } from './api.js';
import { LoginDocument, WatchlistDocument } from './documents.js';
import type { WatchlistQuery } from './gql/graphql.js';
import { $, showError } from './page.js';
import { view } from './store.js';
import { serializeViewState } from './view-state.js';

type Entry = NonNullable<WatchlistQuery['me']>['watchlist'][number];

function watchlistRow({ etf, change1d }: Entry): HTMLTableRowElement {
  const row = document.createElement('tr');
  const change = change1d === null ? '—' : `${(change1d * 100).toFixed(2)} %`;
  row.innerHTML = `<td></td><td>${etf.latestPrice?.close.toFixed(2) ?? '—'}</td><td class="${(change1d ?? 0) >= 0 ? 'up' : 'down'}">${change}</td>`;
  const link = document.createElement('a');
  link.href = `?${serializeViewState({ ...view(), mode: 'detail', ticker: etf.ticker })}`;
  link.textContent = etf.ticker;
  link.title = etf.name;
  row.firstElementChild?.append(link);
  return row;
}

export async function loadWatchlist(): Promise<void> {
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
    const rows = data.me.watchlist.map(watchlistRow);
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

/** `onChange`: after signing in or out, for the other panels of a signed-in user. */
export function setUpSession(onChange: () => void): void {
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
      onChange();
    } catch (error) {
      showError((error as Error).message);
    }
  };
  $<HTMLButtonElement>('#logout').onclick = () => {
    session.token = null;
    onChange();
  };
}

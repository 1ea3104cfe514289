// Holdings: for the compared ETFs, each one's ten largest positions and its
// exposure by sector and by country; the overlap of every pair; and a
// look-through: of the watchlist when signed in, else of the compared ETFs
// equally weighted. One request.
import { ApiError, request, session } from './api.js';
import { csvButton } from './csv-download.js';
import { HoldingsViewDocument } from './documents.js';
import { DASH, percentOf100 } from './format.js';
import type { HoldingsViewQuery } from './gql/graphql.js';
import { showError } from './page.js';
import { barList, el, panel, recordPanelDraw, textTable } from './panel.js';
import type { ViewState } from './view-state.js';

/** Countries are many; the bars show the largest. */
const COUNTRIES_SHOWN = 10;

type Etf = NonNullable<HoldingsViewQuery['etfsByTicker'][number]>;

/** The compared ETFs, equally weighted, in percent that add up to 100. */
export function equalWeights(tickers: readonly string[]): { ticker: string; weight: number }[] {
  return tickers.map((ticker) => ({ ticker, weight: 100 / tickers.length }));
}

export const holdingsVariables = (tickers: readonly string[], watchlist: boolean) => ({
  tickers: [...tickers],
  pairs: tickers.length >= 2,
  portfolio: watchlist ? null : equalWeights(tickers),
});

/** Everything the view shows, as CSV rows: Section, ETF, Name, Weight. */
export function holdingsRows(data: HoldingsViewQuery, lookThroughOf: string): string[][] {
  const rows: string[][] = [['Section', 'ETF', 'Name', 'Weight']];
  const etfs = data.etfsByTicker.filter((etf) => etf !== null);
  for (const etf of etfs) {
    for (const { node } of etf.holdings.edges) {
      rows.push([
        'Top holdings',
        etf.ticker,
        node.ticker ? `${node.name} (${node.ticker})` : node.name,
        percentOf100(node.weight),
      ]);
    }
  }
  for (const etf of etfs)
    for (const s of etf.sectors) rows.push(['Sector', etf.ticker, s.label, percentOf100(s.weight)]);
  for (const etf of etfs) {
    for (const c of etf.countries.slice(0, COUNTRIES_SHOWN))
      rows.push(['Country', etf.ticker, c.label, percentOf100(c.weight)]);
  }
  for (const pair of data.overlap ?? []) {
    rows.push([
      'Overlap',
      `${pair.a.ticker} / ${pair.b.ticker}`,
      `${pair.commonHoldings ?? DASH} in common`,
      percentOf100(pair.overlap),
    ]);
  }
  for (const h of data.lookThrough.holdings) {
    const name = h.security.ticker ? `${h.security.name} (${h.security.ticker})` : h.security.name;
    rows.push(['Look-through', lookThroughOf, name, percentOf100(h.weight)]);
  }
  for (const s of data.lookThrough.exposure)
    rows.push(['Look-through sector', lookThroughOf, s.label, percentOf100(s.weight)]);
  return rows;
}

function etfCard(etf: Etf): HTMLElement {
  const { holdings } = etf;
  const top = textTable(
    holdings.asOf
      ? `Top ${holdings.edges.length} of ${holdings.totalCount}, as of ${holdings.asOf}`
      : 'No holdings on file',
    ['#', 'Holding', 'Weight'],
    holdings.edges.map(({ node }) => [
      String(node.position),
      node.ticker ? `${node.name} (${node.ticker})` : node.name,
      percentOf100(node.weight),
    ]),
    'top-holdings',
  );
  return el(
    'section',
    { className: 'card', 'data-ticker': etf.ticker, 'aria-label': `${etf.ticker} holdings` },
    el('h3', {}, `${etf.ticker} · ${etf.name}`),
    top,
    barList('By sector', etf.sectors, percentOf100),
    barList(`By country (largest ${COUNTRIES_SHOWN})`, etf.countries.slice(0, COUNTRIES_SHOWN), percentOf100),
  );
}

/** The pairs as a matrix: row ETF, column ETF, overlap in percent. */
function overlapTable(tickers: readonly string[], pairs: NonNullable<HoldingsViewQuery['overlap']>): HTMLElement {
  const find = (a: string, b: string) =>
    pairs.find((p) => (p.a.ticker === a && p.b.ticker === b) || (p.a.ticker === b && p.b.ticker === a));
  return textTable(
    'Overlap: the weight two ETFs hold in common',
    ['', ...tickers],
    tickers.map((a) => [a, ...tickers.map((b) => (a === b ? DASH : percentOf100(find(a, b)?.overlap)))]),
    'overlap',
  );
}

function lookThroughSection(lookThrough: HoldingsViewQuery['lookThrough'], of: string): HTMLElement {
  const missing = lookThrough.withoutHoldings.map((etf) => etf.ticker);
  return el(
    'section',
    { className: 'look-through', 'aria-label': 'Look-through' },
    el('h3', {}, `Look-through of ${of}`),
    missing.length > 0 ? el('p', {}, `Without holdings: ${missing.join(', ')}`) : '',
    textTable(
      `The securities underneath, as of ${lookThrough.asOf ?? DASH}`,
      ['Security', 'Weight'],
      lookThrough.holdings.map((h) => [
        h.security.ticker ? `${h.security.name} (${h.security.ticker})` : h.security.name,
        percentOf100(h.weight),
      ]),
      'look-through-holdings',
    ),
    barList('By sector', lookThrough.exposure, percentOf100),
  );
}

export async function loadHoldings(state: ViewState, current: () => boolean): Promise<void> {
  let watchlist = session.token !== null;
  let data: HoldingsViewQuery;
  try {
    data = await request(HoldingsViewDocument, holdingsVariables(state.tickers, watchlist));
  } catch (error) {
    // Signed in with nothing followed: the compared ETFs stand in (the one case of a second request).
    if (!(watchlist && error instanceof ApiError && /watchlist is empty/.test(error.message))) throw error;
    watchlist = false;
    data = await request(HoldingsViewDocument, holdingsVariables(state.tickers, watchlist));
  }
  if (!current()) return;
  const unknown = state.tickers.filter((_, i) => data.etfsByTicker[i] === null);
  showError(unknown.length > 0 ? `Unknown ticker${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : null);
  const of = watchlist ? 'your watchlist (equally weighted)' : `${state.tickers.join(', ')} (equally weighted)`;
  const rows = holdingsRows(data, watchlist ? 'watchlist' : state.tickers.join(' '));
  const etfs = data.etfsByTicker.filter((etf) => etf !== null);
  panel.replaceChildren(
    el('h2', {}, 'Holdings'),
    el(
      'div',
      { className: 'row' },
      csvButton('etfql-holdings.csv', () => rows),
    ),
    el('div', { className: 'cards' }, ...etfs.map(etfCard)),
    data.overlap
      ? overlapTable(
          etfs.map((etf) => etf.ticker),
          data.overlap,
        )
      : '',
    lookThroughSection(data.lookThrough, of),
  );
  await recordPanelDraw('holdings');
}

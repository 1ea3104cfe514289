// Risk and performance: the compared ETFs side by side (one column each),
// their trailing returns, one-year risk and 52-week range as of a chosen date.
import { request } from './api.js';
import { csvButton } from './csv-download.js';
import { RiskViewDocument } from './documents.js';
import { DASH, fixed, percent } from './format.js';
import type { RiskViewQuery } from './gql/graphql.js';
import { showError } from './page.js';
import { el, panel, recordPanelDraw, textTable } from './panel.js';
import { changeView, view } from './store.js';
import type { ViewState } from './view-state.js';

type Performance = NonNullable<NonNullable<RiskViewQuery['etfsByTicker'][number]>['performance']>;

/** The rows of the table: a label and how a figure reads. */
export const RISK_ROWS: [string, (p: Performance) => string][] = [
  ['Return 1M', (p) => percent(p.return1M)],
  ['Return 3M', (p) => percent(p.return3M)],
  ['Return 6M', (p) => percent(p.return6M)],
  ['Return YTD', (p) => percent(p.returnYTD)],
  ['Return 1Y', (p) => percent(p.return1Y)],
  ['Return 3Y (yearly)', (p) => percent(p.return3Y)],
  ['Return 5Y (yearly)', (p) => percent(p.return5Y)],
  ['Volatility 1Y', (p) => percent(p.volatility1Y)],
  ['Max drawdown 1Y', (p) => percent(p.maxDrawdown1Y)],
  ['Sharpe 1Y', (p) => fixed(p.sharpe1Y)],
  ['52W high', (p) => fixed(p.high52W)],
  ['52W low', (p) => fixed(p.low52W)],
];

/** The table as shown: a header of tickers, the as-of row, then one row per figure. */
export function riskRows(etfs: RiskViewQuery['etfsByTicker']): string[][] {
  const found = etfs.filter((etf) => etf !== null);
  return [
    ['', ...found.map((etf) => etf.ticker)],
    ['As of', ...found.map((etf) => etf.performance?.asOf ?? DASH)],
    ...RISK_ROWS.map(([label, show]) => [
      label,
      ...found.map((etf) => (etf.performance ? show(etf.performance) : DASH)),
    ]),
  ];
}

function dateForm(state: ViewState): HTMLFormElement {
  const input = el('input', { type: 'date', name: 'asof', 'aria-label': 'As of' });
  input.value = state.asOf ?? '';
  const latest = el('button', { type: 'button', name: 'latest' }, 'Latest');
  latest.disabled = state.asOf === null;
  latest.onclick = () => changeView({ ...view(), asOf: null });
  const form = el(
    'form',
    { className: 'row', 'aria-label': 'Date' },
    el('label', {}, 'As of ', input),
    el('button', { type: 'submit' }, 'Show'),
    latest,
  );
  // A date picker fires change on every step of its spinner: only a complete date is applied.
  const apply = () => {
    const value = input.value;
    if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) changeView({ ...view(), asOf: value || null });
  };
  input.onchange = apply;
  form.onsubmit = (event) => {
    event.preventDefault();
    apply();
  };
  return form;
}

export async function loadRisk(state: ViewState, current: () => boolean): Promise<void> {
  const data = await request(RiskViewDocument, { tickers: state.tickers, asOf: state.asOf });
  if (!current()) return;
  const unknown = state.tickers.filter((_, i) => data.etfsByTicker[i] === null);
  showError(unknown.length > 0 ? `Unknown ticker${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : null);
  const rows = riskRows(data.etfsByTicker);
  const [head = [], ...body] = rows;
  panel.replaceChildren(
    el('h2', {}, 'Risk and performance'),
    el(
      'div',
      { className: 'row' },
      dateForm(state),
      csvButton('etfql-risk.csv', () => rows),
    ),
    textTable('Trailing returns (3Y and 5Y per year) and one-year risk, from back-adjusted closes', head, body, 'risk'),
  );
  await recordPanelDraw('risk');
}

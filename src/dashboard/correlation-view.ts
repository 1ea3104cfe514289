// Correlation: a heatmap of the compared ETFs' return correlations over a
// window (the last N returns, or dates) at an interval. Every cell names its
// pair and value (title, aria-label); the number is written in the cell when
// the cells are wide enough to hold it.
import { request } from './api.js';
import { csvButton } from './csv-download.js';
import { CorrelationViewDocument } from './documents.js';
import { coefficient, DASH } from './format.js';
import type { CorrelationViewQuery } from './gql/graphql.js';
import { el, panel, recordPanelDraw } from './panel.js';
import { changeView, view } from './store.js';
import type { CorrelationWindow, Interval, ViewState } from './view-state.js';

/** Below this many pixels a cell shows its colour only: the number stays in its title and label. */
const MIN_CELL_FOR_TEXT = 44;

export const correlationVariables = (state: ViewState) => ({
  tickers: state.tickers,
  interval: state.interval,
  last: 'last' in state.window ? state.window.last : null,
  from: 'last' in state.window ? null : state.window.from,
  to: 'last' in state.window ? null : state.window.to,
});

/** −1 blue, 0 white, +1 red. */
function colour(value: number | null | undefined): string {
  if (value === null || value === undefined) return '#eaeef2';
  const strength = Math.min(1, Math.abs(value));
  const fade = (full: number) => Math.round(255 - (255 - full) * strength);
  return value >= 0 ? `rgb(${fade(214)}, ${fade(39)}, ${fade(40)})` : `rgb(${fade(41)}, ${fade(98)}, ${fade(255)})`;
}

/** The matrix as shown (and downloaded): a header of tickers, then one row per ticker. */
export function correlationRows(correlation: CorrelationViewQuery['correlation']): string[][] {
  const { tickers, matrix } = correlation;
  return [
    ['', ...tickers],
    ...tickers.map((ticker, i) => [ticker, ...tickers.map((_, j) => coefficient(matrix[i]?.[j]))]),
  ];
}

function heatmap(correlation: CorrelationViewQuery['correlation'], roomy: boolean): HTMLDivElement {
  const { tickers, matrix } = correlation;
  const table = el(
    'table',
    { className: `heatmap${roomy ? '' : ' compact'}` },
    el('caption', {}, 'Correlation of returns'),
    el('thead', {}, el('tr', {}, el('th', {}), ...tickers.map((t) => el('th', { scope: 'col' }, t)))),
    el(
      'tbody',
      {},
      ...tickers.map((row, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, row),
          ...tickers.map((column, j) => {
            const value = matrix[i]?.[j];
            const text = coefficient(value);
            const cell = el('td', {
              title: `${row} × ${column}: ${text}`,
              'aria-label': `${row} × ${column}: ${text}`,
            });
            cell.style.background = colour(value);
            if (value !== null && value !== undefined && Math.abs(value) > 0.6) cell.classList.add('strong');
            cell.append(el('span', { className: 'value' }, text));
            return cell;
          }),
        ),
      ),
    ),
  );
  return el('div', { className: 'table-scroll' }, table);
}

function windowForm(state: ViewState): HTMLFormElement {
  const interval = el('select', { name: 'interval', 'aria-label': 'Interval' });
  for (const [value, label] of [
    ['DAILY', 'Daily'],
    ['WEEKLY', 'Weekly'],
    ['MONTHLY', 'Monthly'],
  ] as const) {
    const option = el('option', { value }, label);
    option.selected = value === state.interval;
    interval.append(option);
  }
  const last = el('input', { type: 'number', name: 'last', min: '2', max: '5000', 'aria-label': 'Last returns' });
  const from = el('input', { type: 'date', name: 'from', 'aria-label': 'From' });
  const to = el('input', { type: 'date', name: 'to', 'aria-label': 'To' });
  if ('last' in state.window) last.value = String(state.window.last);
  else {
    from.value = state.window.from ?? '';
    to.value = state.window.to ?? '';
  }
  const problem = el('p', { className: 'problem', role: 'status' });
  const form = el(
    'form',
    { className: 'row', 'aria-label': 'Window' },
    el('label', {}, 'Interval ', interval),
    el('label', {}, 'Last ', last, ' returns'),
    el('span', {}, 'or'),
    el('label', {}, 'from ', from),
    el('label', {}, 'to ', to),
    el('button', { type: 'submit', name: 'apply' }, 'Apply'),
    problem,
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    // Dates, when either is given, win over a count: clearing both goes back to a count.
    let window: CorrelationWindow;
    if (from.value || to.value) window = { from: from.value || null, to: to.value || null };
    else {
      const count = Number(last.value);
      if (!Number.isInteger(count) || count < 2 || count > 5000) {
        problem.textContent = 'Last: a whole number of returns from 2 to 5000, or give dates.';
        return;
      }
      window = { last: count };
    }
    changeView({ ...view(), interval: interval.value as Interval, window });
  };
  return form;
}

export async function loadCorrelation(state: ViewState, current: () => boolean): Promise<void> {
  if (state.tickers.length < 2) {
    panel.replaceChildren(
      el('h2', {}, 'Correlation'),
      windowForm(state),
      el('p', {}, 'Add a second ticker to correlate.'),
    );
    await recordPanelDraw('correlation');
    return;
  }
  const data = await request(CorrelationViewDocument, correlationVariables(state));
  if (!current()) return;
  const { correlation } = data;
  const rows = correlationRows(correlation);
  const width = panel.clientWidth || document.documentElement.clientWidth;
  const roomy = width / (correlation.tickers.length + 1) >= MIN_CELL_FOR_TEXT;
  panel.replaceChildren(
    el('h2', {}, 'Correlation'),
    windowForm(state),
    el(
      'p',
      { className: 'summary' },
      `${correlation.observations} ${state.interval.toLowerCase()} returns, ${correlation.from ?? DASH} to ${correlation.to ?? DASH}`,
      ' ',
      csvButton('etfql-correlation.csv', () => rows),
    ),
    heatmap(correlation, roomy),
  );
  await recordPanelDraw('correlation');
}

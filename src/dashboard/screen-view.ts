// The screener: a filter builder over the screen's metrics and asset classes,
// joined with and/or; a results table sorted by a click on a column header
// (orderBy), each ETF with a sparkline of its last 60 closes from the same
// request; pages by cursor; "Compare these" opens the chart on the page's
// tickers; and the table as CSV.
import { request } from './api.js';
import { csvButton } from './csv-download.js';
import { ScreenViewDocument } from './documents.js';
import { metricValue } from './format.js';
import type { ScreenFilter, ScreenMetric, ScreenViewQuery } from './gql/graphql.js';
import { el, panel, recordPanelDraw, textTable } from './panel.js';
import { ASSET_CLASSES, isAssetClass, isMetric, METRIC_NAMES, SCREEN_METRICS } from './screen-metrics.js';
import { changeView, view } from './store.js';
import {
  COMPARISONS,
  type Comparison,
  MAX_COMPARED,
  type ScreenCondition,
  type ScreenState,
  type ViewState,
} from './view-state.js';

/** Ten a page: a page is what "Compare these" opens, and the chart compares at most ten. */
export const SCREEN_PAGE = MAX_COMPARED;

const OPERATORS: Record<Comparison, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };
const METRIC_OPERATORS: Record<Exclude<Comparison, 'eq'>, 'ltMetric' | 'lteMetric' | 'gtMetric' | 'gteMetric'> = {
  lt: 'ltMetric',
  lte: 'lteMetric',
  gt: 'gtMetric',
  gte: 'gteMetric',
};

type Edge = ScreenViewQuery['screen']['edges'][number];

/** The API's filter for the conditions: an empty filter matches every ETF. */
export function screenWhere(screen: ScreenState): ScreenFilter {
  const filters = screen.conditions.map((condition): ScreenFilter => {
    if (condition.kind === 'class') return { assetClass: condition.classes };
    const { metric, op, value } = condition;
    if (typeof value === 'number') return { metric, [op]: value };
    return { metric, [METRIC_OPERATORS[op as Exclude<Comparison, 'eq'>]]: value };
  });
  if (filters.length === 0) return {};
  return screen.join === 'or' ? { or: filters } : { and: filters };
}

export const screenOrderBy = (screen: ScreenState) =>
  screen.sort ? [{ metric: screen.sort.metric, direction: screen.sort.direction }] : null;

export const screenVariables = (screen: ScreenState) => ({
  where: screenWhere(screen),
  orderBy: screenOrderBy(screen),
  first: SCREEN_PAGE,
  after: screen.after,
});

/** Percent metrics are typed in percent and kept as the API's fractions. */
const isPercent = (metric: ScreenMetric) => SCREEN_METRICS[metric].unit === 'percent';
const shownNumber = (metric: ScreenMetric, value: number) =>
  isPercent(metric) ? Number((value * 100).toPrecision(12)) : value;

function options(select: HTMLSelectElement, entries: [string, string][], selected: string): HTMLSelectElement {
  select.append(
    ...entries.map(([value, label]) => {
      const option = el('option', { value }, label);
      option.selected = value === selected;
      return option;
    }),
  );
  return select;
}

const METRIC_OPTIONS = METRIC_NAMES.map((name): [string, string] => [name, SCREEN_METRICS[name].label]);

function conditionRow(condition: ScreenCondition, onRemove: () => void): HTMLLIElement {
  const remove = el('button', { type: 'button', 'aria-label': 'Remove this condition', className: 'remove' }, '×');
  remove.onclick = onRemove;
  if (condition.kind === 'class') {
    const boxes = Object.entries(ASSET_CLASSES).map(([value, label]) => {
      const box = el('input', { type: 'checkbox', name: 'class', value });
      box.checked = condition.classes.includes(value as keyof typeof ASSET_CLASSES);
      return el('label', {}, box, label);
    });
    return el(
      'li',
      { className: 'condition', 'data-kind': 'class' },
      el('span', {}, 'Asset class is'),
      ...boxes,
      remove,
    );
  }
  const metric = options(el('select', { name: 'metric', 'aria-label': 'Metric' }), METRIC_OPTIONS, condition.metric);
  const op = options(
    el('select', { name: 'op', 'aria-label': 'Comparison' }),
    COMPARISONS.map((c) => [c, OPERATORS[c]]),
    condition.op,
  );
  const against = options(
    el('select', { name: 'against', 'aria-label': 'Compared with' }),
    [['number', 'number'], ...METRIC_OPTIONS],
    typeof condition.value === 'number' ? 'number' : condition.value,
  );
  const number = el('input', { type: 'number', name: 'value', step: 'any', 'aria-label': 'Number' });
  const unit = el('span', { className: 'unit' }, '%');
  const sync = () => {
    const isNumber = against.value === 'number';
    number.hidden = !isNumber;
    unit.hidden = !isNumber || !isPercent(metric.value as ScreenMetric);
  };
  if (typeof condition.value === 'number') number.value = String(shownNumber(condition.metric, condition.value));
  metric.onchange = sync;
  against.onchange = sync;
  sync();
  return el('li', { className: 'condition', 'data-kind': 'metric' }, metric, op, against, number, unit, remove);
}

/** The builder's conditions as typed; a row with no usable number is reported, not dropped. */
function readConditions(list: HTMLElement): { conditions: ScreenCondition[]; problem: string | null } {
  const conditions: ScreenCondition[] = [];
  for (const row of list.querySelectorAll<HTMLLIElement>('li.condition')) {
    if (row.dataset.kind === 'class') {
      const classes = [...row.querySelectorAll<HTMLInputElement>('input[name="class"]:checked')]
        .map((box) => box.value)
        .filter(isAssetClass);
      if (classes.length === 0) return { conditions, problem: 'Pick at least one asset class, or remove that row.' };
      conditions.push({ kind: 'class', classes });
      continue;
    }
    const field = (name: string) => (row.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    const metric = field('metric');
    const op = field('op') as Comparison;
    const against = field('against');
    if (!isMetric(metric)) continue;
    if (isMetric(against)) {
      if (op === 'eq') return { conditions, problem: 'A metric can be compared with another by <, ≤, > or ≥.' };
      conditions.push({ kind: 'metric', metric, op, value: against });
      continue;
    }
    const typed = field('value');
    const number = Number(typed);
    if (typed.trim() === '' || !Number.isFinite(number)) {
      return { conditions, problem: `${SCREEN_METRICS[metric].label}: type a number.` };
    }
    conditions.push({ kind: 'metric', metric, op, value: isPercent(metric) ? number / 100 : number });
  }
  return { conditions, problem: null };
}

function builder(state: ViewState): HTMLFormElement {
  const list = el('ol', { className: 'conditions' });
  const add = (condition: ScreenCondition) => {
    const row = conditionRow(condition, () => row.remove());
    list.append(row);
  };
  for (const condition of state.screen.conditions) add(condition);
  const join = options(
    el('select', { name: 'join', 'aria-label': 'Combine conditions' }),
    [
      ['and', 'all of'],
      ['or', 'any of'],
    ],
    state.screen.join,
  );
  const addMetric = el('button', { type: 'button', name: 'add-metric' }, '+ Metric');
  addMetric.onclick = () => add({ kind: 'metric', metric: 'RETURN_1Y', op: 'gt', value: 0 });
  const addClass = el('button', { type: 'button', name: 'add-class' }, '+ Asset class');
  addClass.onclick = () => add({ kind: 'class', classes: [] });
  const problem = el('p', { className: 'problem', role: 'status' });
  const form = el(
    'form',
    { className: 'screen-builder', 'aria-label': 'Screen filter' },
    el('p', {}, 'ETFs matching ', join, ' these conditions (none: every ETF)'),
    list,
    el('div', { className: 'row' }, addMetric, addClass, el('button', { type: 'submit', name: 'run' }, 'Run screen')),
    problem,
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    const read = readConditions(list);
    problem.textContent = read.problem ?? '';
    if (read.problem) return;
    const screen = {
      ...state.screen,
      join: join.value === 'or' ? 'or' : 'and',
      conditions: read.conditions,
      after: null,
    };
    resetPages();
    changeView({ ...view(), screen: screen as ScreenState });
  };
  return form;
}

/** A line through the closes, scaled to their own range: the shape, not the level. */
export function sparkline(closes: readonly number[]): SVGSVGElement {
  const width = 80;
  const height = 24;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'sparkline');
  const first = closes[0];
  const last = closes.at(-1);
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    first === undefined || last === undefined
      ? 'No closes'
      : `${closes.length} closes, ${first.toFixed(2)} to ${last.toFixed(2)}`,
  );
  if (closes.length < 2) return svg;
  const low = Math.min(...closes);
  const span = Math.max(...closes) - low || 1;
  const points = closes
    .map(
      (close, i) =>
        `${((i * width) / (closes.length - 1)).toFixed(1)},${(height - 1 - ((close - low) * (height - 2)) / span).toFixed(1)}`,
    )
    .join(' ');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('class', (last ?? 0) >= (first ?? 0) ? 'up' : 'down');
  svg.append(line);
  return svg;
}

/** Cursors of the pages before this one, for "Previous" (a reloaded page starts afresh: "First page"). */
let earlier: (string | null)[] = [];
const resetPages = () => {
  earlier = [];
};

function sortHeader(state: ViewState, metric: ScreenMetric | null, label: string): HTMLButtonElement {
  const sort = state.screen.sort;
  const active = metric === null ? sort === null : sort?.metric === metric;
  const direction = active ? (sort?.direction ?? 'ASC') : null;
  const button = el(
    'button',
    { type: 'button', className: 'sort', 'data-sort': metric ?? 'TICKER' },
    label,
    direction === 'DESC' ? ' ▼' : direction === 'ASC' ? ' ▲' : '',
  );
  button.onclick = () => {
    // The ticker is the API's own order; a metric's first click sorts up, the next down.
    const next = metric === null ? null : { metric, direction: active && direction === 'ASC' ? 'DESC' : 'ASC' };
    resetPages();
    changeView({ ...view(), screen: { ...view().screen, sort: next as ScreenState['sort'], after: null } });
  };
  return button;
}

/** The columns: the metrics the filter and the order use, as the API answers them. */
function metricsShown(state: ViewState, edges: readonly Edge[]): ScreenMetric[] {
  const fromAnswer = edges[0]?.values.map((value) => value.metric);
  if (fromAnswer) return fromAnswer;
  const used = state.screen.conditions.flatMap((c) =>
    c.kind === 'class' ? [] : typeof c.value === 'number' ? [c.metric] : [c.metric, c.value],
  );
  return [...new Set([...used, ...(state.screen.sort ? [state.screen.sort.metric] : [])])];
}

const CLASS_LABEL = (name: string | null | undefined) => (name && isAssetClass(name) ? ASSET_CLASSES[name] : '—');

/** The rows as shown (and as downloaded). */
export function screenRows(metrics: readonly ScreenMetric[], edges: readonly Edge[]): string[][] {
  return edges.map((edge) => [
    edge.node.ticker,
    ...metrics.map((metric) => metricValue(metric, edge.values.find((v) => v.metric === metric)?.value)),
    edge.node.name,
    CLASS_LABEL(edge.node.assetClass),
    edge.date,
  ]);
}

function results(state: ViewState, data: ScreenViewQuery): HTMLElement {
  const { edges, pageInfo, totalCount } = data.screen;
  const metrics = metricsShown(state, edges);
  const rows = screenRows(metrics, edges);
  // The figures and the sparkline first: on a phone they are what fits beside the ticker.
  const head = [
    sortHeader(state, null, 'Ticker'),
    ...metrics.map((metric) => sortHeader(state, metric, SCREEN_METRICS[metric].label)),
    'Last 60',
    'Name',
    'Class',
    'As of',
  ];
  const split = 1 + metrics.length;
  const cells = rows.map((row, i) => [
    ...row.slice(0, split),
    sparkline((edges[i] as Edge).node.series.close),
    ...row.slice(split),
  ]);
  const table = textTable(
    `${totalCount} ETF${totalCount === 1 ? '' : 's'} pass${totalCount === 1 ? 'es' : ''}`,
    head,
    cells,
    'screen-results',
  );
  for (const th of table.querySelectorAll<HTMLTableCellElement>('thead th')) {
    const key = th.querySelector<HTMLButtonElement>('button.sort')?.dataset.sort;
    const sort = state.screen.sort;
    const active = key === 'TICKER' ? sort === null : sort?.metric === key;
    if (key) th.setAttribute('aria-sort', active ? (sort?.direction === 'DESC' ? 'descending' : 'ascending') : 'none');
  }

  const sortBy = options(
    el('select', { name: 'sort-by', 'aria-label': 'Sort by' }),
    [['TICKER', 'Ticker'], ...METRIC_OPTIONS],
    state.screen.sort?.metric ?? 'TICKER',
  );
  sortBy.onchange = () => {
    const metric = sortBy.value;
    resetPages();
    changeView({
      ...view(),
      screen: {
        ...view().screen,
        sort: isMetric(metric) ? { metric, direction: view().screen.sort?.direction ?? 'ASC' } : null,
        after: null,
      },
    });
  };
  const previous = el('button', { type: 'button', name: 'previous' }, earlier.length > 0 ? 'Previous' : 'First page');
  previous.disabled = state.screen.after === null;
  previous.onclick = () => {
    const after = earlier.pop() ?? null;
    changeView({ ...view(), screen: { ...view().screen, after } });
  };
  const next = el('button', { type: 'button', name: 'next' }, 'Next');
  next.disabled = !pageInfo.hasNextPage;
  next.onclick = () => {
    earlier.push(state.screen.after);
    changeView({ ...view(), screen: { ...view().screen, after: pageInfo.endCursor ?? null } });
  };
  const tickers = edges.map((edge) => edge.node.ticker);
  const compare = el('button', { type: 'button', name: 'compare' }, 'Compare these');
  compare.disabled = tickers.length === 0;
  compare.onclick = () => changeView({ ...view(), mode: 'compare', tickers: tickers.slice(0, MAX_COMPARED) });
  const csv = csvButton('etfql-screen.csv', () => [
    ['Ticker', ...metrics.map((metric) => SCREEN_METRICS[metric].label), 'Name', 'Class', 'As of'],
    ...rows,
  ]);
  return el(
    'div',
    { className: 'screen-results-box' },
    el('div', { className: 'row' }, el('label', {}, 'Sort by ', sortBy), previous, next, compare, csv),
    table,
  );
}

/**
 * Fetches and draws the screen; `current` says whether this is still the view
 * asked for. The builder is drawn first, so that a filter the server refuses
 * can be corrected.
 */
export async function loadScreen(state: ViewState, current: () => boolean): Promise<void> {
  const placeholder = el('p', { className: 'loading' }, 'Loading…');
  panel.replaceChildren(el('h2', {}, 'Screen'), builder(state), placeholder);
  const data = await request(ScreenViewDocument, screenVariables(state.screen));
  if (!current()) return;
  placeholder.replaceWith(results(state, data));
  await recordPanelDraw('screen');
}

// The alerts panel, for a signed-in user: a form that makes an alert from the
// view on screen (its tickers, a condition of a few choices, a name drawn from
// it), the user's alerts with their latest events, and a notice when one
// fires (alert-stream.ts). The form and the list go through the same API as
// any client; the problems it answers are shown by the fields they name.
import {
  comparableMetrics,
  type Drawn,
  describeCondition,
  FORM_METRICS,
  formatValue,
  isFraction,
  metricLabel,
  suggestedName,
  toScreenFilter,
} from './alert-condition.js';
import { type AlertFired, createAlertStream } from './alert-stream.js';
import { ApiError, type Problem, request, session } from './api.js';
import { AlertsDocument, CreateAlertDocument, DeleteAlertDocument } from './documents.js';
import type { AlertsQuery, ScreenMetric } from './gql/graphql.js';
import { $ } from './page.js';
import { shownTickers } from './store.js';

type Alert = AlertsQuery['alerts'][number];

/** Notices kept on screen at once: the newest. */
const MAX_NOTICES = 3;

const form = () => $<HTMLFormElement>('#alert-form');
const field = <T extends HTMLElement>(name: string) => $<T>(`#alert-${name}`);

/** Whether the person typed their own tickers or name: if so, a change of view or condition leaves them be. */
const edited = { tickers: false, name: false };
/** Names of the user's alerts by id, for the notices. */
const names = new Map<string, string>();
/** Events whose alert the list does not know yet (made in another tab): shown after the next refresh. */
let unnamed: AlertFired[] = [];
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let streaming = false;

const stream = createAlertStream({
  onEvent(event) {
    if (names.has(event.alertId)) showNotice(event);
    else unnamed.push(event);
    // A burst of events (a replay) is one refresh of the list.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void loadAlerts(), 250);
  },
  onLive(live) {
    if (window.__etfql) window.__etfql.alertsLive = live;
  },
});

/** The condition the form draws, or null while its number is missing. */
function drawn(): Drawn | null {
  const metric = field<HTMLSelectElement>('metric').value as ScreenMetric;
  const op = field<HTMLSelectElement>('op').value === 'below' ? 'below' : 'above';
  const against = field<HTMLSelectElement>('against').value;
  if (against !== 'number') return { metric, op, against: { metric: against as ScreenMetric } };
  const raw = field<HTMLInputElement>('value').value.trim();
  const number = Number(raw);
  return raw === '' || !Number.isFinite(number) ? null : { metric, op, against: { number } };
}

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/** Fits "compared with" to the metric (a price level may be compared with another), and the unit to it. */
function fitComparison(): void {
  const metric = field<HTMLSelectElement>('metric').value as ScreenMetric;
  const against = field<HTMLSelectElement>('against');
  const kept = against.value;
  const others = comparableMetrics(metric);
  against.replaceChildren(option('number', 'a number'), ...others.map((other) => option(other, metricLabel(other))));
  against.value = others.includes(kept as ScreenMetric) ? kept : 'number';
  against.disabled = others.length === 0;
  const value = field<HTMLInputElement>('value');
  const byNumber = against.value === 'number';
  value.hidden = !byNumber;
  value.disabled = !byNumber;
  value.required = byNumber;
  field<HTMLSpanElement>('unit').textContent = byNumber && isFraction(metric) ? '%' : '';
}

function suggest(): void {
  if (!edited.name) {
    const condition = drawn();
    field<HTMLInputElement>('name').value = condition ? suggestedName(condition) : '';
  }
}

/** The view's tickers into the form, unless the person typed their own. */
export function prefillFromView(): void {
  if (!edited.tickers) field<HTMLInputElement>('tickers').value = shownTickers().join(', ');
}

function clearProblems(): void {
  const box = field<HTMLDivElement>('problems');
  box.replaceChildren();
  for (const element of form().querySelectorAll('[aria-invalid]')) {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  }
}

/** The form's field a problem's path names (input.tickers[1] is the tickers field). */
function fieldOf(path: string): HTMLElement | null {
  const name = /^input\.(\w+)/.exec(path)?.[1];
  if (name === 'name') return field('name');
  if (name === 'tickers') return field('tickers');
  if (name === 'when') return field<HTMLInputElement>('value').disabled ? field('against') : field('value');
  return null;
}

function showProblems(error: unknown): void {
  clearProblems();
  const box = field<HTMLDivElement>('problems');
  const problems: Problem[] =
    error instanceof ApiError && error.problems.length > 0
      ? error.problems
      : [{ path: '', message: (error as Error).message }];
  box.replaceChildren(
    ...problems.map((problem, i) => {
      const line = document.createElement('p');
      line.id = `alert-problem-${i}`;
      if (problem.path) {
        const path = document.createElement('code');
        path.textContent = problem.path;
        line.append(path, `: ${problem.message}`);
      } else line.textContent = problem.message;
      const at = fieldOf(problem.path);
      if (at) {
        at.setAttribute('aria-invalid', 'true');
        at.setAttribute('aria-describedby', [at.getAttribute('aria-describedby'), line.id].filter(Boolean).join(' '));
      }
      return line;
    }),
  );
  const first = form().querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const condition = drawn();
  if (!condition) return;
  const tickers = field<HTMLInputElement>('tickers')
    .value.split(/[\s,]+/)
    .map((ticker) => ticker.trim().toUpperCase())
    .filter(Boolean);
  const button = form().querySelector('button[type="submit"]') as HTMLButtonElement;
  button.disabled = true;
  try {
    await request(CreateAlertDocument, {
      input: {
        name: field<HTMLInputElement>('name').value,
        when: toScreenFilter(condition),
        // None typed: every ETF.
        ...(tickers.length > 0 ? { tickers } : {}),
      },
    });
    clearProblems();
    edited.name = false;
    edited.tickers = false;
    prefillFromView();
    suggest();
    await loadAlerts();
  } catch (error) {
    showProblems(error);
  } finally {
    button.disabled = false;
  }
}

function eventItem(event: Alert['events'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const ticker = document.createElement('span');
  ticker.className = 'event-ticker';
  ticker.textContent = event.ticker;
  const date = document.createElement('time');
  date.dateTime = event.date;
  date.textContent = event.date;
  const values = document.createElement('span');
  values.className = 'event-values';
  values.textContent = event.values
    .map(({ metric, value }) => `${metricLabel(metric)} ${formatValue(metric, value)}`)
    .join(', ');
  item.append(ticker, ' ', date, ' ', values);
  return item;
}

function alertItem(alert: Alert): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'alert';
  item.dataset.id = alert.id;
  const head = document.createElement('div');
  head.className = 'alert-head';
  const name = document.createElement('strong');
  name.className = 'alert-name';
  name.textContent = alert.name;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.textContent = 'Delete';
  remove.setAttribute('aria-label', `Delete alert ${alert.name}`);
  remove.onclick = async () => {
    remove.disabled = true;
    try {
      await request(DeleteAlertDocument, { id: alert.id });
      await loadAlerts();
    } catch (error) {
      remove.disabled = false;
      field<HTMLParagraphElement>('list-status').textContent = (error as Error).message;
    }
  };
  head.append(name, remove);
  const when = document.createElement('p');
  when.className = 'alert-when';
  const condition = document.createElement('span');
  condition.className = 'alert-condition';
  condition.textContent = describeCondition(alert.when);
  const tickers = document.createElement('span');
  tickers.className = 'alert-tickers';
  tickers.textContent = alert.tickers ? alert.tickers.join(', ') : 'all ETFs';
  when.append(condition, ' · ', tickers);
  item.append(head, when);
  if (alert.events.length === 0) {
    const none = document.createElement('p');
    none.className = 'alert-quiet';
    none.textContent = 'Not fired yet.';
    item.append(none);
  } else {
    const events = document.createElement('ol');
    events.className = 'alert-events';
    events.setAttribute('aria-label', `Latest events of ${alert.name}`);
    events.append(...alert.events.map(eventItem));
    item.append(events);
  }
  return item;
}

function showNotice(event: AlertFired, name = names.get(event.alertId) ?? `Alert ${event.alertId}`): void {
  const box = $<HTMLDivElement>('#alert-notice');
  const line = document.createElement('p');
  line.textContent = `${name}: ${event.ticker} on ${event.date}`;
  box.prepend(line);
  while (box.childElementCount > MAX_NOTICES) box.lastElementChild?.remove();
  $<HTMLButtonElement>('#alert-notice-dismiss').hidden = false;
}

/** The user's alerts, drawn; signed out, the panel only says what it is for. */
export async function loadAlerts(): Promise<void> {
  const signedIn = session.token !== null;
  form().hidden = !signedIn;
  field<HTMLParagraphElement>('signed-out').hidden = signedIn;
  const list = field<HTMLUListElement>('list');
  const status = field<HTMLParagraphElement>('list-status');
  if (!signedIn) {
    list.replaceChildren();
    status.textContent = '';
    names.clear();
    if (streaming) stream.stop();
    streaming = false;
    return;
  }
  try {
    const { alerts } = await request(AlertsDocument, {});
    names.clear();
    for (const alert of alerts) names.set(alert.id, alert.name);
    list.replaceChildren(...alerts.map(alertItem));
    status.textContent = alerts.length === 0 ? 'No alerts yet.' : '';
    const waiting = unnamed;
    unnamed = [];
    for (const event of waiting) showNotice(event);
    if (!streaming) {
      streaming = true;
      // From the newest event listed (with none, any event is newer than the list: 0), so
      // that what fires between this list and the stream's start is told too, and none twice.
      let newest = 0n;
      for (const event of alerts.flatMap((alert) => alert.events)) {
        if (BigInt(event.id) > newest) newest = BigInt(event.id);
      }
      stream.start(String(newest));
    }
  } catch (error) {
    status.textContent = (error as Error).message;
    if (session.token === null) await loadAlerts();
  }
}

export function setUpAlertsPanel(): void {
  field<HTMLSelectElement>('metric').replaceChildren(
    ...FORM_METRICS.map((metric) => option(metric, metricLabel(metric))),
  );
  fitComparison();
  prefillFromView();
  suggest();
  field<HTMLSelectElement>('metric').onchange = () => {
    fitComparison();
    suggest();
  };
  field<HTMLSelectElement>('against').onchange = () => {
    fitComparison();
    suggest();
  };
  field<HTMLSelectElement>('op').onchange = suggest;
  field<HTMLInputElement>('value').oninput = suggest;
  field<HTMLInputElement>('tickers').oninput = () => {
    edited.tickers = true;
  };
  field<HTMLInputElement>('name').oninput = () => {
    edited.name = field<HTMLInputElement>('name').value !== '';
  };
  form().onsubmit = (event) => void submit(event);
  $<HTMLButtonElement>('#alert-notice-dismiss').onclick = (event) => {
    $<HTMLDivElement>('#alert-notice').replaceChildren();
    (event.currentTarget as HTMLButtonElement).hidden = true;
  };
}

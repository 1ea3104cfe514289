// The detail view's indicator panel, generated from the catalog: a group of
// indicators each (indicator-groups.ts), every indicator with a checkbox, the
// inputs of its arguments (of their kind, with the catalog's bounds and
// defaults) and its description. Built once and then kept in step with the
// view, so that focus and the open groups survive each change (a rebuilt panel
// would drop the keyboard's place after every pick).
import { INDICATOR_CATALOG } from './generated/indicator-catalog.js';
import {
  defaultChoice,
  encodeChoice,
  type IndicatorChoice,
  type ParamValue,
  paramProblem,
  paramsOf,
  parseParam,
} from './indicator-choice.js';
import { GROUPS, INDICATOR_NAMES, INDICATOR_UI, type IndicatorName } from './indicator-groups.js';
import type { BrowserParam } from './indicator-spec.js';
import { $, showError } from './page.js';
import { changeView, view } from './store.js';

type Field = HTMLInputElement | HTMLSelectElement;
type Row = { checkbox: HTMLInputElement; fields: Field[] };

const rows = new Map<IndicatorName, Row>();
const counts = new Map<string, HTMLElement>();

/** How an input shows a value: lists with commas, which read better than the URL's `|`. */
const inputText = (value: ParamValue): string =>
  Array.isArray(value) ? value.join(', ') : String(value as number | string);

function paramField(name: IndicatorName, param: BrowserParam, value: ParamValue): Field {
  const label = `${INDICATOR_UI[name].label} ${param.name}`;
  let field: Field;
  if (param.kind === 'enum') {
    const select = document.createElement('select');
    select.append(
      ...param.values.map((choice) =>
        Object.assign(document.createElement('option'), {
          value: choice.value,
          textContent: choice.value,
          title: choice.description,
        }),
      ),
    );
    field = select;
  } else {
    const input = document.createElement('input');
    if (param.kind === 'int' || param.kind === 'float') {
      input.type = 'number';
      input.min = String(param.min);
      input.max = String(param.max);
      input.step = param.kind === 'int' ? '1' : 'any';
      input.title = `${param.above ? 'above' : 'from'} ${param.min} ${param.above ? 'and at most' : 'to'} ${param.max}`;
    } else if (param.kind === 'ints' || param.kind === 'floats') {
      input.type = 'text';
      input.inputMode = param.kind === 'ints' ? 'numeric' : 'decimal';
      const count =
        param.minLength === param.maxLength ? `${param.minLength}` : `${param.minLength} to ${param.maxLength}`;
      input.title = `${count} values from ${param.min} to ${param.max}, separated by commas`;
      input.className = 'list';
    } else {
      input.type = 'text';
      input.maxLength = 16;
      input.autocapitalize = 'characters';
      input.title = 'a ticker';
      input.className = 'ticker';
    }
    field = input;
  }
  field.name = `${name}-${param.name}`;
  field.setAttribute('aria-label', label);
  field.value = inputText(value);
  return field;
}

/** The choice the inputs hold, or null (and the problem shown) when one does not fit its argument. */
function readChoice(name: IndicatorName, fields: Field[]): IndicatorChoice | null {
  const params = paramsOf(name);
  const values: ParamValue[] = [];
  for (const [i, param] of params.entries()) {
    const value = parseParam(param, (fields[i] as Field).value);
    const problem = paramProblem(param, value);
    if (problem) {
      showError(`${INDICATOR_UI[name].label}: ${param.name} ${problem}.`);
      return null;
    }
    values.push(value);
  }
  showError(null);
  return { name, params: values };
}

/** Puts a choice in the view (in place, or last when newly picked), or takes it out (null). */
function apply(name: IndicatorName, choice: IndicatorChoice | null): void {
  const state = view();
  const current = state.indicators.find((c) => c.name === name);
  if (current && choice && encodeChoice(current) === encodeChoice(choice)) return;
  const indicators = choice
    ? current
      ? state.indicators.map((c) => (c.name === name ? choice : c))
      : [...state.indicators, choice]
    : state.indicators.filter((c) => c.name !== name);
  changeView({ ...state, indicators });
}

function indicatorRow(name: IndicatorName): HTMLElement {
  const { label } = INDICATOR_UI[name];
  const { description } = INDICATOR_CATALOG[name];
  const row = document.createElement('div');
  row.className = 'indicator';
  row.dataset.indicator = name;
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.name = name;
  const title = document.createElement('label');
  title.title = description;
  title.append(checkbox, label);
  const defaults = defaultChoice(name);
  const fields = paramsOf(name).map((param, i) => paramField(name, param, defaults.params[i] as ParamValue));
  // A form, so that Enter in any input applies the arguments.
  const form = document.createElement('form');
  form.className = 'params';
  form.append(...fields);
  const submit = () => {
    const choice = readChoice(name, fields);
    if (choice) apply(name, choice);
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    submit();
  };
  for (const field of fields) field.onchange = submit;
  checkbox.onchange = () => {
    if (!checkbox.checked) return apply(name, null);
    // Picked: with the arguments in the inputs when they fit, else the defaults.
    apply(name, readChoice(name, fields) ?? defaults);
  };
  const about = document.createElement('details');
  about.className = 'about';
  const summary = document.createElement('summary');
  summary.textContent = '?';
  summary.setAttribute('aria-label', `About ${label}`);
  const text = document.createElement('p');
  text.textContent = description;
  about.append(summary, text);
  row.append(title, form, about);
  rows.set(name, { checkbox, fields });
  return row;
}

function build(box: HTMLElement): void {
  const chosen = new Set(view().indicators.map((c) => c.name));
  box.replaceChildren(
    ...GROUPS.map((group) => {
      const names = INDICATOR_NAMES.filter((name) => INDICATOR_UI[name].group === group.id);
      const details = document.createElement('details');
      details.className = 'indicator-group';
      details.dataset.group = group.id;
      // Open where something is picked: a shared link shows its indicators' settings.
      details.open = names.some((name) => chosen.has(name));
      const summary = document.createElement('summary');
      const count = document.createElement('span');
      count.className = 'count';
      counts.set(group.id, count);
      summary.append(`${group.label} `, count);
      details.append(summary, ...names.map(indicatorRow));
      return details;
    }),
  );
}

/** Shows the panel in the detail view, with the view's indicators ticked and their arguments in the inputs. */
export function renderIndicatorPanel(): void {
  const state = view();
  const box = $<HTMLDivElement>('#indicator-controls');
  box.hidden = state.mode !== 'detail';
  if (box.hidden) return;
  if (rows.size === 0) build(box);
  const chosen = new Map(state.indicators.map((c) => [c.name, c]));
  for (const [name, { checkbox, fields }] of rows) {
    const choice = chosen.get(name);
    checkbox.checked = choice !== undefined;
    fields.forEach((field, i) => {
      field.disabled = !choice;
      if (choice) field.value = inputText(choice.params[i] as ParamValue);
    });
  }
  for (const group of GROUPS) {
    const on = state.indicators.filter((c) => INDICATOR_UI[c.name].group === group.id).length;
    (counts.get(group.id) as HTMLElement).textContent = on > 0 ? `(${on})` : '';
  }
}

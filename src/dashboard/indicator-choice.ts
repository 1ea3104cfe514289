// One indicator as the view has it: its name and its arguments, in the
// catalog's order. Checked against the catalog's kinds and bounds, and written
// in the URL as `name:arg:arg` (list items joined by `|`), e.g.
// `ind=sma:50,macd:5:35:5,kst:10|15|20|30:10|10|10|15:9:1|2|3|4`.
import { INDICATOR_CATALOG } from './generated/indicator-catalog.js';
import { INDICATOR_NAMES, type IndicatorName, PANEL_DEFAULTS } from './indicator-groups.js';
import type { BrowserParam } from './indicator-spec.js';

export type ParamValue = number | string | readonly number[];
export type IndicatorChoice = { name: IndicatorName; params: ParamValue[] };

export const paramsOf = (name: IndicatorName): readonly BrowserParam[] => INDICATOR_CATALOG[name].params;

const isName = (name: string): name is IndicatorName => (INDICATOR_NAMES as string[]).includes(name);

/** A number's problem against a range (as src/indicators/params.ts states it), or null. */
function numberProblem(value: number, whole: boolean, p: { min: number; max: number; above?: boolean }) {
  if (!Number.isFinite(value)) return 'must be a number';
  if (whole && !Number.isInteger(value)) return `must be a whole number from ${p.min} to ${p.max}`;
  const inside = p.above ? value > p.min && value <= p.max : value >= p.min && value <= p.max;
  if (inside) return null;
  return p.above ? `must be above ${p.min} and at most ${p.max}` : `must be from ${p.min} to ${p.max}`;
}

const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;

/** Why a value does not fit its argument, or null. Checks across arguments (MACD's fast < slow) are the API's. */
export function paramProblem(param: BrowserParam, value: ParamValue): string | null {
  switch (param.kind) {
    case 'int':
    case 'float':
      return typeof value === 'number' ? numberProblem(value, param.kind === 'int', param) : 'must be a number';
    case 'ints':
    case 'floats': {
      if (!Array.isArray(value)) return 'must be a list of numbers';
      if (value.length < param.minLength || value.length > param.maxLength) {
        return param.minLength === param.maxLength
          ? `must hold exactly ${param.minLength} values`
          : `must hold ${param.minLength} to ${param.maxLength} values`;
      }
      for (const item of value) {
        const problem = numberProblem(item, param.kind === 'ints', param);
        if (problem) return `each value ${problem}`;
      }
      return null;
    }
    case 'enum':
      return param.values.some((v) => v.value === value) ? null : 'is not one of the choices';
    case 'ticker':
      return typeof value === 'string' && TICKER.test(value) ? null : 'must be a ticker';
  }
}

function defaultValue(name: IndicatorName, param: BrowserParam): ParamValue {
  if (param.default !== null) return param.default;
  const fallback = PANEL_DEFAULTS[name]?.[param.name];
  if (fallback !== undefined) return fallback;
  // Not reached for today's catalog (PANEL_DEFAULTS covers it); a safe value for a new entry.
  return param.kind === 'ticker'
    ? 'SPY'
    : param.kind === 'int' || param.kind === 'float'
      ? Math.max(param.min, 20)
      : '';
}

export const defaultChoice = (name: IndicatorName): IndicatorChoice => ({
  name,
  params: paramsOf(name).map((param) => defaultValue(name, param)),
});

/** A value as the URL and the inputs write it: a list's items joined by `|`. */
export const paramText = (value: ParamValue): string =>
  Array.isArray(value) ? value.join('|') : String(value as number | string);

/** Reads an input's or the URL's text as a value of the argument's kind (unchecked). */
export function parseParam(param: BrowserParam, text: string): ParamValue {
  const trimmed = text.trim();
  switch (param.kind) {
    case 'int':
    case 'float':
      return trimmed === '' ? Number.NaN : Number(trimmed);
    case 'ints':
    case 'floats':
      return trimmed.split(/[|,\s]+/).map((item) => (item === '' ? Number.NaN : Number(item)));
    case 'ticker':
      return trimmed.toUpperCase();
    case 'enum':
      return trimmed;
  }
}

/** `name:arg:arg` → a choice; missing trailing arguments take their defaults; null when anything is malformed. */
export function decodeChoice(text: string): IndicatorChoice | null {
  const [name = '', ...raw] = text.split(':');
  if (!isName(name)) return null;
  const params = paramsOf(name);
  if (raw.length > params.length) return null;
  const choice = defaultChoice(name);
  for (const [i, item] of raw.entries()) {
    const param = params[i] as BrowserParam;
    const value = parseParam(param, item);
    if (paramProblem(param, value) !== null) return null;
    choice.params[i] = value;
  }
  return choice;
}

export const encodeChoice = (choice: IndicatorChoice): string =>
  [choice.name, ...choice.params.map(paramText)].join(':');

/** The label of a drawn indicator with its arguments, e.g. "MACD(5,35,5)"; "OBV" without any. */
export function choiceTitle(label: string, choice: IndicatorChoice): string {
  return choice.params.length === 0 ? label : `${label}(${choice.params.map(paramText).join(',')})`;
}

/**
 * The indicators of a URL from before every indicator was offered:
 * `overlays=sma:50,ema:20,bb:20,dc:20&panes=rsi:14,macd:12-26-9,stoch:14-3-3`.
 * Bollinger keeps its default width (those URLs had no other).
 */
export function legacyChoices(overlays: string | null, panes: string | null): IndicatorChoice[] {
  const renamed: Record<string, IndicatorName> = { bb: 'bollinger', dc: 'donchian', stoch: 'stochastic' };
  const items = [overlays, panes].flatMap((list) => (list ?? '').split(',').filter(Boolean));
  return items.flatMap((item) => {
    const [key = '', periods = ''] = item.split(':');
    const name = renamed[key] ?? key;
    if (!['sma', 'ema', 'bollinger', 'donchian', 'rsi', 'macd', 'stochastic'].includes(name)) return [];
    const choice = decodeChoice([name, ...periods.split('-')].join(':'));
    // The old triples were all-or-nothing: a partial one was dropped, not completed with defaults.
    const expected = name === 'macd' || name === 'stochastic' ? 3 : 1;
    return choice && periods.split('-').length === expected ? [choice] : [];
  });
}

/** Choices from the URL's `ind` list: each name once (the first wins), malformed items dropped. */
export function decodeChoices(list: string): IndicatorChoice[] {
  const seen = new Set<string>();
  return list
    .split(',')
    .map(decodeChoice)
    .filter((choice): choice is IndicatorChoice => {
      if (!choice || seen.has(choice.name)) return false;
      seen.add(choice.name);
      return true;
    });
}

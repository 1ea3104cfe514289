// The kinds of indicator arguments, their bounds and the check of one value.
// The catalog declares each indicator's arguments with these; the schema turns
// each kind into its GraphQL type, and validation runs before any SQL.
import { tickerProblem } from '../etfs/ticker.js';

/** Periods above this are refused: nobody charts a 4-year moving average of daily bars by accident. */
export const MAX_PERIOD = 1000;

/** The most values an argument list may hold (KST's lists); ultimateOscillator's hold exactly 3. */
const MAX_LIST = 10;

export type ParamValue = number | string | readonly number[];
export type Params = Readonly<Record<string, ParamValue>>;

type Range = { min: number; max: number /** Whether min itself is refused. */; above?: boolean };

type IntParam = { kind: 'int'; default?: number } & Range;
type FloatParam = { kind: 'float'; default?: number } & Range;
type ListParam = { kind: 'ints' | 'floats'; default?: readonly number[]; minLength: number; maxLength: number } & Range;
type EnumParam<E extends ParamEnumName = ParamEnumName> = {
  kind: 'enum';
  enumName: E;
  default?: keyof (typeof PARAM_ENUMS)[E];
};
type TickerParam = { kind: 'ticker'; default?: string };

/** One argument of an indicator, as the catalog declares it under its name. */
export type ParamKind = IntParam | FloatParam | ListParam | EnumParam | TickerParam;

/** An argument as the schema, validation and tests read it: its kind, with its name. */
export type ParamSpec = ParamKind & { name: string };

/** The value a kernel receives for an argument of kind K, once validated. */
export type ParamValueOf<K extends ParamKind> = K extends IntParam | FloatParam
  ? number
  : K extends ListParam
    ? readonly number[]
    : K extends EnumParam<infer E>
      ? keyof (typeof PARAM_ENUMS)[E]
      : string;

type Problem = { path: string; message: string };

export const PARAM_KINDS = {
  /** A whole number of bars, 1 (or `min`) to MAX_PERIOD; required without a default. */
  period: (defaultValue?: number, min = 1): IntParam => ({ kind: 'int', default: defaultValue, min, max: MAX_PERIOD }),
  whole: (defaultValue: number, range: Range): IntParam => ({ kind: 'int', default: defaultValue, ...range }),
  /** A finite number in a range, e.g. { above: 0, max: 100 } or { min: 0, max: 1 }. */
  float: (defaultValue: number, range: { above: number; max: number } | { min: number; max: number }): FloatParam =>
    'above' in range
      ? { kind: 'float', default: defaultValue, min: range.above, max: range.max, above: true }
      : { kind: 'float', default: defaultValue, min: range.min, max: range.max },
  /** Periods, each 1 to MAX_PERIOD; 1 to MAX_LIST of them, or exactly `length`. */
  ints: (defaultValue: readonly number[], size?: { length: number }): ListParam => ({
    kind: 'ints',
    default: defaultValue,
    min: 1,
    max: MAX_PERIOD,
    minLength: size?.length ?? 1,
    maxLength: size?.length ?? MAX_LIST,
  }),
  /** Weights, each from −1,000 to 1,000; 1 to MAX_LIST of them, or exactly `length`. */
  floats: (defaultValue: readonly number[], size?: { length: number }): ListParam => ({
    kind: 'floats',
    default: defaultValue,
    min: -1000,
    max: 1000,
    minLength: size?.length ?? 1,
    maxLength: size?.length ?? MAX_LIST,
  }),
  /** One value of a GraphQL enum of PARAM_ENUMS. */
  choice: <E extends ParamEnumName>(enumName: E, defaultValue: keyof (typeof PARAM_ENUMS)[E]): EnumParam<E> => ({
    kind: 'enum',
    enumName,
    default: defaultValue,
  }),
  /** An ETF's ticker (beta's benchmark): checked as any ticker, upper-cased when looked up. */
  ticker: (): TickerParam => ({ kind: 'ticker' }),
};

/** The estimators of `volatility`, as the GraphQL enum VolatilityEstimator names and describes them. */
export const VOLATILITY_ESTIMATORS = {
  CLOSE: 'Close to close: the sample standard deviation of the n − 1 log returns of the last n closes.',
  GARMAN_KLASS: 'Garman-Klass: Σ (½·log(H/L)² − (2·log 2 − 1)·log(C/O)²) over n bars.',
  PARKINSON: 'Parkinson: Σ log(H/L)² over n bars, divided by 4·log 2.',
  ROGERS_SATCHELL: 'Rogers-Satchell: Σ (log(H/C)·log(H/O) + log(L/C)·log(L/O)) over n bars; allows for a drift.',
  GARMAN_KLASS_YANG_ZHANG: 'Garman-Klass with the overnight gap log(O/previous C)² added to each term. First at n.',
  YANG_ZHANG:
    'Yang-Zhang: the variances of the overnight and the open-to-close log moves and the Rogers-Satchell one, combined with k = 0.34/(1.34 + (n+1)/(n−1)). Period ≥ 2; first at n.',
} as const;
export type VolatilityEstimator = keyof typeof VOLATILITY_ESTIMATORS;

/** The enums that indicator arguments use, by GraphQL enum name: value → description. */
export const PARAM_ENUMS = { VolatilityEstimator: VOLATILITY_ESTIMATORS };
type ParamEnumName = keyof typeof PARAM_ENUMS;

/** The problem with one number against a range, or null. */
function numberProblem(value: unknown, whole: boolean, range: Range): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number, got ${value}`;
  const { min, max, above } = range;
  if (whole && (!Number.isInteger(value) || value < min || value > max)) {
    return `must be a whole number from ${min} to ${max}, got ${value}`;
  }
  if (above ? !(value > min && value <= max) : !(value >= min && value <= max)) {
    return above
      ? `must be above ${min} and at most ${max}, got ${value}`
      : `must be from ${min} to ${max}, got ${value}`;
  }
  return null;
}

/** Problems with one argument's value, each naming the argument (and the item of a list). */
export function paramValueProblems(spec: ParamSpec, value: ParamValue | null | undefined): Problem[] {
  const problem = (message: string, path = spec.name) => [{ path, message }];
  if (value === undefined || value === null) return problem('is required');
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const message = numberProblem(value, spec.kind === 'int', spec);
      return message ? problem(message) : [];
    }
    case 'ints':
    case 'floats': {
      if (!Array.isArray(value)) return problem('must be a list of numbers');
      const { minLength, maxLength } = spec;
      if (value.length < minLength || value.length > maxLength) {
        const size = minLength === maxLength ? `exactly ${minLength}` : `${minLength} to ${maxLength}`;
        return problem(`must hold ${size} values, got ${value.length}`);
      }
      return value.flatMap((item: unknown, i) => {
        const message = numberProblem(item, spec.kind === 'ints', spec);
        return message ? problem(message, `${spec.name}[${i}]`) : [];
      });
    }
    case 'enum': {
      const values = Object.keys(PARAM_ENUMS[spec.enumName]);
      return typeof value === 'string' && values.includes(value)
        ? []
        : problem(`must be one of ${values.join(', ')}, got ${String(value)}`);
    }
    case 'ticker': {
      const message = typeof value === 'string' ? tickerProblem(value) : 'must be a ticker';
      return message ? problem(message) : [];
    }
  }
}

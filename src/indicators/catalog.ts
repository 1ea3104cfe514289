// Every indicator the API serves: its parameters (names, defaults, bounds) and
// its kernel. The GraphQL schema, validation, the golden tests and the benchmark
// all read this one table.
import { adx } from './kernels/adx.js';
import { atr } from './kernels/atr.js';
import { bollinger } from './kernels/bollinger.js';
import { cci } from './kernels/cci.js';
import { dema } from './kernels/dema.js';
import { donchian } from './kernels/donchian.js';
import { ema } from './kernels/ema.js';
import { macd } from './kernels/macd.js';
import { mfi } from './kernels/mfi.js';
import { obv } from './kernels/obv.js';
import { roc } from './kernels/roc.js';
import { rsi } from './kernels/rsi.js';
import type { Bars } from './kernels/series.js';
import { sma } from './kernels/sma.js';
import { stochastic } from './kernels/stochastic.js';
import { volatility } from './kernels/volatility.js';
import { williamsR } from './kernels/williams-r.js';
import { wma } from './kernels/wma.js';

/** Periods above this are refused: nobody charts a 4-year moving average of daily bars by accident. */
export const MAX_PERIOD = 1000;

export type ParamSpec = { name: string; kind: 'period' | 'multiplier'; default?: number };
export type Outputs = Record<string, Float64Array>;
export type Params = Record<string, number>;

type IndicatorSpec = {
  params: ParamSpec[];
  /** The GraphQL point type: its fields are the kernel's outputs. */
  point: 'IndicatorPoint' | 'MacdPoint' | 'BandPoint' | 'StochasticPoint' | 'AdxPoint';
  compute(bars: Bars, params: Params): Outputs;
  description: string;
};

const period = (name = 'period', defaultValue?: number): ParamSpec => ({ name, kind: 'period', default: defaultValue });
const p = (params: Params, name: string) => params[name] as number;

export const INDICATORS = {
  sma: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => sma(b, p(a, 'period')),
    description: 'Simple moving average of the close.',
  },
  ema: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => ema(b, p(a, 'period')),
    description: 'Exponential moving average of the close, k = 2/(n+1), seeded with the SMA of the first n closes.',
  },
  wma: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => wma(b, p(a, 'period')),
    description: 'Weighted moving average of the close, weights 1..n (newest heaviest).',
  },
  dema: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => dema(b, p(a, 'period')),
    description: 'Double EMA: 2·EMA − EMA(EMA).',
  },
  rsi: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => rsi(b, p(a, 'period')),
    description: "Wilder's relative strength index, 0 to 100.",
  },
  macd: {
    params: [period('fast', 12), period('slow', 26), period('signal', 9)],
    point: 'MacdPoint',
    compute: (b, a) => macd(b, p(a, 'fast'), p(a, 'slow'), p(a, 'signal')),
    description: 'EMA(fast) − EMA(slow), its EMA(signal), and their difference.',
  },
  bollinger: {
    params: [period('period', 20), { name: 'stdDev', kind: 'multiplier', default: 2 }],
    point: 'BandPoint',
    compute: (b, a) => bollinger(b, p(a, 'period'), p(a, 'stdDev')),
    description: 'SMA of the close ± stdDev population standard deviations.',
  },
  atr: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => atr(b, p(a, 'period')),
    description: "Wilder's average true range.",
  },
  stochastic: {
    params: [period('kPeriod', 14), period('dPeriod', 3), period('slowDPeriod', 3)],
    point: 'StochasticPoint',
    compute: (b, a) => stochastic(b, p(a, 'kPeriod'), p(a, 'dPeriod'), p(a, 'slowDPeriod')),
    description: 'Stochastic oscillator (0 to 100): fast %K, fast %D = SMA(%K), slow %D = SMA(fast %D).',
  },
  williamsR: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => williamsR(b, p(a, 'period')),
    description: 'Williams %R, −100 to 0.',
  },
  cci: {
    params: [period('period', 20)],
    point: 'IndicatorPoint',
    compute: (b, a) => cci(b, p(a, 'period')),
    description: 'Commodity channel index over the typical price.',
  },
  adx: {
    params: [period('period', 14)],
    point: 'AdxPoint',
    compute: (b, a) => adx(b, p(a, 'period')),
    description: "Wilder's average directional index with +DI and −DI.",
  },
  mfi: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => mfi(b, p(a, 'period')),
    description: 'Money flow index, 0 to 100.',
  },
  obv: {
    params: [],
    point: 'IndicatorPoint',
    compute: (b) => obv(b),
    description: 'On-balance volume, from the first bar of the history.',
  },
  roc: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => roc(b, p(a, 'period')),
    description: 'Rate of change in percent: 100·(C_t/C_{t−n} − 1).',
  },
  donchian: {
    params: [period('period', 20)],
    point: 'BandPoint',
    compute: (b, a) => donchian(b, p(a, 'period')),
    description: 'Donchian channel: highest high, lowest low and their mean.',
  },
  volatility: {
    params: [period('period', 20)],
    point: 'IndicatorPoint',
    compute: (b, a) => volatility(b, p(a, 'period')),
    description: 'Annualized close-to-close volatility: √252 × sample standard deviation of the log returns.',
  },
} satisfies Record<string, IndicatorSpec>;

export type IndicatorName = keyof typeof INDICATORS;
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];

/** Problems with an indicator's arguments, each naming its argument; [] when valid. */
export function paramProblems(name: IndicatorName, params: Params): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const spec of INDICATORS[name].params as ParamSpec[]) {
    const value = params[spec.name];
    if (value === undefined || value === null) {
      problems.push({ path: spec.name, message: 'is required' });
    } else if (!Number.isFinite(value)) {
      problems.push({ path: spec.name, message: `must be a finite number, got ${value}` });
    } else if (spec.kind === 'period' && (!Number.isInteger(value) || value < 1 || value > MAX_PERIOD)) {
      problems.push({ path: spec.name, message: `must be a whole number from 1 to ${MAX_PERIOD}, got ${value}` });
    } else if (spec.kind === 'multiplier' && !(value > 0 && value <= 100)) {
      problems.push({ path: spec.name, message: `must be above 0 and at most 100, got ${value}` });
    }
  }
  if (name === 'macd' && (params.fast as number) >= (params.slow as number)) {
    problems.push({ path: 'fast', message: `must be below slow (${params.slow}), got ${params.fast}` });
  }
  return problems;
}

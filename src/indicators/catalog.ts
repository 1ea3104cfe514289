// Every indicator the API serves: its parameters (names, kinds, defaults,
// bounds) and its kernel. The GraphQL schema, validation, the golden tests, the
// window tests and the benchmark all read this one table.
import type { Bars, History } from '../prices/history.js';
import { adx } from './kernels/adx.js';
import { alma } from './kernels/alma.js';
import { aroon } from './kernels/aroon.js';
import { atr } from './kernels/atr.js';
import { beta } from './kernels/beta.js';
import { bollinger } from './kernels/bollinger.js';
import { cci } from './kernels/cci.js';
import { chaikinAD } from './kernels/chaikin-ad.js';
import { chaikinMoneyFlow } from './kernels/chaikin-money-flow.js';
import { chaikinVolatility } from './kernels/chaikin-volatility.js';
import { clv } from './kernels/clv.js';
import { cmo } from './kernels/cmo.js';
import { cti } from './kernels/cti.js';
import { dema } from './kernels/dema.js';
import { donchian } from './kernels/donchian.js';
import { ema } from './kernels/ema.js';
import { emv } from './kernels/emv.js';
import { evwma } from './kernels/evwma.js';
import { hma } from './kernels/hma.js';
import { keltner } from './kernels/keltner.js';
import { kst } from './kernels/kst.js';
import { macd } from './kernels/macd.js';
import { mfi } from './kernels/mfi.js';
import { momentum } from './kernels/momentum.js';
import { obv } from './kernels/obv.js';
import { type RangeEstimator, rangeVolatility } from './kernels/range-volatility.js';
import { roc } from './kernels/roc.js';
import { rsi } from './kernels/rsi.js';
import { sma } from './kernels/sma.js';
import { smi } from './kernels/smi.js';
import { snr } from './kernels/snr.js';
import { stochastic } from './kernels/stochastic.js';
import { tdi } from './kernels/tdi.js';
import { trix } from './kernels/trix.js';
import { ultimateOscillator } from './kernels/ultimate-oscillator.js';
import { vhf } from './kernels/vhf.js';
import { volatility } from './kernels/volatility.js';
import { vwap } from './kernels/vwap.js';
import { williamsAD } from './kernels/williams-ad.js';
import { williamsR } from './kernels/williams-r.js';
import { wma } from './kernels/wma.js';
import { zlema } from './kernels/zlema.js';
import { PARAM_KINDS, type ParamSpec, type Params, paramValueProblems, type VolatilityEstimator } from './params.js';

export { MAX_PERIOD, type ParamSpec, type Params, type ParamValue } from './params.js';

export type Outputs = Record<string, Float64Array>;

/** What an indicator may read besides the ETF's bars: their dates, and the history of the benchmark it names. */
export type Companions = { dates: readonly string[]; benchmark?: History };

type IndicatorSpec = {
  params: ParamSpec[];
  /** The GraphQL point type: its fields are the kernel's outputs. */
  point:
    | 'IndicatorPoint'
    | 'MacdPoint'
    | 'BandPoint'
    | 'StochasticPoint'
    | 'AdxPoint'
    | 'AroonPoint'
    | 'SignalPoint'
    | 'TdiPoint'
    | 'EmvPoint'
    | 'BetaPoint';
  compute(bars: Bars, params: Params, companions?: Companions): Outputs;
  /** Problems that involve more than one argument, once each argument is valid on its own. */
  check?(params: Params): Problem[];
  description: string;
};

type Problem = { path: string; message: string };

const { period, whole, float, ints, floats } = PARAM_KINDS;
const num = (params: Params, name: string) => params[name] as number;
const list = (params: Params, name: string) => params[name] as readonly number[];

export const INDICATORS = {
  sma: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => sma(b, num(a, 'period')),
    description: 'Simple moving average of the close.',
  },
  ema: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => ema(b, num(a, 'period')),
    description: 'Exponential moving average of the close, k = 2/(n+1), seeded with the SMA of the first n closes.',
  },
  wma: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => wma(b, num(a, 'period')),
    description: 'Weighted moving average of the close, weights 1..n (newest heaviest).',
  },
  dema: {
    params: [period()],
    point: 'IndicatorPoint',
    compute: (b, a) => dema(b, num(a, 'period')),
    description: 'Double EMA: 2·EMA − EMA(EMA).',
  },
  rsi: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => rsi(b, num(a, 'period')),
    description: "Wilder's relative strength index, 0 to 100.",
  },
  macd: {
    params: [period('fast', 12), period('slow', 26), period('signal', 9)],
    point: 'MacdPoint',
    compute: (b, a) => macd(b, num(a, 'fast'), num(a, 'slow'), num(a, 'signal')),
    check: (a) =>
      num(a, 'fast') >= num(a, 'slow')
        ? [{ path: 'fast', message: `must be below slow (${a.slow}), got ${a.fast}` }]
        : [],
    description: 'EMA(fast) − EMA(slow), its EMA(signal), and their difference.',
  },
  bollinger: {
    params: [period('period', 20), float('stdDev', 2, { above: 0, max: 100 })],
    point: 'BandPoint',
    compute: (b, a) => bollinger(b, num(a, 'period'), num(a, 'stdDev')),
    description: 'SMA of the close ± stdDev population standard deviations.',
  },
  atr: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => atr(b, num(a, 'period')),
    description: "Wilder's average true range.",
  },
  stochastic: {
    params: [period('kPeriod', 14), period('dPeriod', 3), period('slowDPeriod', 3)],
    point: 'StochasticPoint',
    compute: (b, a) => stochastic(b, num(a, 'kPeriod'), num(a, 'dPeriod'), num(a, 'slowDPeriod')),
    description: 'Stochastic oscillator (0 to 100): fast %K, fast %D = SMA(%K), slow %D = SMA(fast %D).',
  },
  williamsR: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => williamsR(b, num(a, 'period')),
    description: 'Williams %R, −100 to 0.',
  },
  cci: {
    params: [period('period', 20)],
    point: 'IndicatorPoint',
    compute: (b, a) => cci(b, num(a, 'period')),
    description: 'Commodity channel index over the typical price.',
  },
  adx: {
    params: [period('period', 14)],
    point: 'AdxPoint',
    compute: (b, a) => adx(b, num(a, 'period')),
    description: "Wilder's average directional index with +DI and −DI.",
  },
  mfi: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => mfi(b, num(a, 'period')),
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
    compute: (b, a) => roc(b, num(a, 'period')),
    description: 'Rate of change in percent: 100·(C_t/C_{t−n} − 1).',
  },
  donchian: {
    params: [period('period', 20)],
    point: 'BandPoint',
    compute: (b, a) => donchian(b, num(a, 'period')),
    description: 'Donchian channel: highest high, lowest low and their mean.',
  },
  volatility: {
    params: [
      period('period', 20),
      { name: 'estimator', kind: 'enum', enumName: 'VolatilityEstimator', default: 'CLOSE' },
      whole('annualization', 252, { min: 1, max: 366 }),
    ],
    point: 'IndicatorPoint',
    compute: (b, a) => {
      const estimator = a.estimator as VolatilityEstimator;
      return estimator === 'CLOSE'
        ? volatility(b, num(a, 'period'), num(a, 'annualization'))
        : rangeVolatility(b, num(a, 'period'), estimator as RangeEstimator, num(a, 'annualization'));
    },
    check: (a) =>
      a.estimator === 'YANG_ZHANG' && num(a, 'period') < 2
        ? [{ path: 'period', message: `must be at least 2 for YANG_ZHANG, got ${a.period}` }]
        : [],
    description:
      'Annualized volatility (a decimal: 0.2 is 20 %) by the chosen estimator, as TTR computes it: √annualization × a standard deviation per bar. `annualization` is the bars in a year (252 daily, 52 weekly, 12 monthly). Estimators other than CLOSE sum a per-bar term over n bars.',
  },

  aroon: {
    params: [period('period', 20)],
    point: 'AroonPoint',
    compute: (b, a) => aroon(b, num(a, 'period')),
    description:
      'Aroon: up = 100·(n − bars since the highest high)/n and down likewise from the lowest low, over the last n + 1 bars (ties: the most recent); oscillator = up − down. First at n − 1.',
  },
  chaikinMoneyFlow: {
    params: [period('period', 20)],
    point: 'IndicatorPoint',
    compute: (b, a) => chaikinMoneyFlow(b, num(a, 'period')),
    description: 'Chaikin money flow, −1 to 1: Σ CLV·volume / Σ volume over n bars.',
  },
  chaikinAD: {
    params: [],
    point: 'IndicatorPoint',
    compute: (b) => chaikinAD(b),
    description:
      'Chaikin accumulation/distribution: the running total of CLV·volume from the first bar of the history.',
  },
  chaikinVolatility: {
    params: [period('period', 10)],
    point: 'IndicatorPoint',
    compute: (b, a) => chaikinVolatility(b, num(a, 'period')),
    description:
      'Chaikin volatility in percent: 100·(m_t/m_{t−n} − 1), m the EMA(n) of high − low (TTR gives the fraction). First at 2n − 1.',
  },
  cmo: {
    params: [period('period', 14)],
    point: 'IndicatorPoint',
    compute: (b, a) => cmo(b, num(a, 'period')),
    description:
      'Chande momentum oscillator, −100 to 100: 100·(ΣUp − ΣDown)/(ΣUp + ΣDown) of the close changes over n bars.',
  },
  hma: {
    params: [period('period', 20, 2)],
    point: 'IndicatorPoint',
    compute: (b, a) => hma(b, num(a, 'period')),
    description: 'Hull moving average: WMA(2·WMA(C, n/2) − WMA(C, n), √n), lengths truncated; period ≥ 2.',
  },
  zlema: {
    params: [period('period', 10)],
    point: 'IndicatorPoint',
    compute: (b, a) => zlema(b, num(a, 'period')),
    description:
      'Zero-lag EMA: the EMA (k = 2/(n+1)) of 2·C_t − C_{t−lag}, lag = (n+1)/2 as a floating quotient, the lagged close interpolated.',
  },
  trix: {
    params: [period('period', 20)],
    point: 'SignalPoint',
    compute: (b, a) => trix(b, num(a, 'period')),
    description:
      'TRIX in percent: 100·(e_t/e_{t−1} − 1), e the triple EMA(n) of the close; signal = EMA(n) of TRIX (TTR uses `period` for the signal). First values at 3n − 2 and 4n − 3.',
  },
  kst: {
    params: [
      ints('rocPeriods', [10, 15, 20, 30]),
      ints('smaPeriods', [10, 10, 10, 15]),
      period('signal', 9),
      floats('weights', [1, 2, 3, 4]),
    ],
    point: 'SignalPoint',
    compute: (b, a) => kst(b, list(a, 'rocPeriods'), list(a, 'smaPeriods'), num(a, 'signal'), list(a, 'weights')),
    check: (a) => {
      const count = list(a, 'rocPeriods').length;
      return ['smaPeriods', 'weights']
        .filter((name) => list(a, name).length !== count)
        .map((name) => ({
          path: name,
          message: `must hold as many values as rocPeriods (${count}), got ${list(a, name).length}`,
        }));
    },
    description:
      'Know Sure Thing: 100·Σ weight_k·SMA(ROC(C, rocPeriods_k), smaPeriods_k), the ROC continuous (a log return, as TTR defaults); signal = SMA(signal) of KST. First at max(rocPeriods_k + smaPeriods_k) − 1.',
  },
  keltner: {
    params: [period('period', 20), float('multiplier', 2, { above: 0, max: 100 })],
    point: 'BandPoint',
    compute: (b, a) => keltner(b, num(a, 'period'), num(a, 'multiplier')),
    description:
      'Keltner channels: middle = EMA(n) of the typical price (H+L+C)/3, upper and lower ± multiplier × ATR(n). First values: middle at n − 1, the bands at n.',
  },
  ultimateOscillator: {
    params: [ints('periods', [7, 14, 28], { length: 3 }), floats('weights', [4, 2, 1], { length: 3 })],
    point: 'IndicatorPoint',
    compute: (b, a) => ultimateOscillator(b, list(a, 'periods'), list(a, 'weights')),
    check: (a) => {
      const [w0, w1, w2] = list(a, 'weights') as [number, number, number];
      return w0 + w1 + w2 === 0 ? [{ path: 'weights', message: 'must not add up to 0' }] : [];
    },
    description:
      'Ultimate oscillator, 0 to 100: 100·Σ w_k·(Σ buying pressure / Σ true range over periods_k) / Σ w_k, buying pressure = C − min(L, previous C). First at the longest period.',
  },
  vwap: {
    params: [period('period', 10)],
    point: 'IndicatorPoint',
    compute: (b, a) => vwap(b, num(a, 'period')),
    description:
      'Volume-weighted average close over n bars: Σ C·V / Σ V. Null on the first n − 1 bars (and, as in TTR, on the first bar when n = 1).',
  },
  evwma: {
    params: [period('period', 10)],
    point: 'IndicatorPoint',
    compute: (b, a) => evwma(b, num(a, 'period')),
    description:
      'Elastic volume-weighted moving average: starts at the close of bar n − 1, then ((S − V)·previous + V·C)/S, S the volume of the last n bars.',
  },
  momentum: {
    params: [period('period', 1)],
    point: 'IndicatorPoint',
    compute: (b, a) => momentum(b, num(a, 'period')),
    description: 'Momentum: C_t − C_{t−n}.',
  },
  smi: {
    params: [period('period', 13), period('fast', 2), period('slow', 25), period('signal', 9)],
    point: 'SignalPoint',
    compute: (b, a) => smi(b, num(a, 'period'), num(a, 'fast'), num(a, 'slow'), num(a, 'signal')),
    description:
      'Stochastic momentum index (about −100 to 100): 100·num/(den/2), num the EMA(fast) of the EMA(slow) of the close less the middle of the n-bar range, den that of the range; signal = EMA(signal) of SMI. First values at slow + fast − 2 and slow + fast + signal − 3.',
  },
  tdi: {
    params: [period('period', 20), float('multiple', 2, { above: 0, max: 100 })],
    point: 'TdiPoint',
    compute: (b, a) => tdi(b, num(a, 'period'), num(a, 'multiple')),
    check: (a) =>
      Math.trunc(num(a, 'period') * num(a, 'multiple')) < 1
        ? [{ path: 'multiple', message: `must make period × multiple at least 1, got ${a.multiple}` }]
        : [],
    description:
      'Trend detection index: di = Σ (C_t − C_{t−n}) over n bars; tdi = |di| − (Σ|C_t − C_{t−n}| over trunc(n·multiple) bars − the same over n bars). First values: tdi at max(n, trunc(n·multiple)) − 1, di at n − 1.',
  },
  vhf: {
    params: [period('period', 28)],
    point: 'IndicatorPoint',
    compute: (b, a) => vhf(b, num(a, 'period')),
    description:
      'Vertical horizontal filter: (highest − lowest close of n bars) / Σ|C_t − C_{t−1}| over n bars. First at n.',
  },
  alma: {
    params: [
      period('period', 9),
      float('offset', 0.85, { min: 0, max: 1 }),
      float('sigma', 6, { above: 0, max: 1000 }),
    ],
    point: 'IndicatorPoint',
    compute: (b, a) => alma(b, num(a, 'period'), num(a, 'offset'), num(a, 'sigma')),
    description:
      'Arnaud Legoux moving average: Gaussian weights exp(−(k − m)²/(2s²)) over the window, m = floor(offset·(n − 1)) from the oldest bar, s = n/sigma.',
  },
  emv: {
    params: [period('period', 9), float('volumeDivisor', 10000, { above: 0, max: 1e12 })],
    point: 'EmvPoint',
    compute: (b, a) => emv(b, num(a, 'period'), num(a, 'volumeDivisor')),
    description:
      "Ease of movement: the change of the high-low midpoint divided by (volume/volumeDivisor)/(H − L), and its SMA(n) as `ma`. emv is null on a bar without volume, and `ma` from that bar on (TTR's running sum never recovers from it).",
  },
  williamsAD: {
    params: [],
    point: 'IndicatorPoint',
    compute: (b) => williamsAD(b),
    description:
      'Williams accumulation/distribution: the running total from the second bar of C − true low on an up close, C − true high on a down close, 0 when unchanged.',
  },
  clv: {
    params: [],
    point: 'IndicatorPoint',
    compute: (b) => clv(b),
    description: 'Close location value, −1 to 1: ((C − L) − (H − C))/(H − L); 0 when H = L.',
  },
  cti: {
    params: [period('period', 20, 2)],
    point: 'IndicatorPoint',
    compute: (b, a) => cti(b, num(a, 'period')),
    description:
      'Correlation trend indicator, −1 to 1: the Spearman correlation of the last n closes with time; null on a flat window; period ≥ 2.',
  },
  snr: {
    params: [period('period', 20)],
    point: 'IndicatorPoint',
    compute: (b, a) => snr(b, num(a, 'period')),
    description: "Signal-to-noise ratio: |C_t − C_{t−n}| / Wilder's ATR(n). First at n.",
  },
  beta: {
    params: [{ name: 'benchmark', kind: 'ticker' }, period('period', 60, 2)],
    point: 'BetaPoint',
    compute: (b, a, companions?: Companions) => {
      if (!companions?.benchmark) throw new Error('beta needs the history of its benchmark');
      const { benchmark } = companions;
      return beta(companions.dates, b.close, benchmark.dates, benchmark.bars.close, num(a, 'period'));
    },
    description:
      'Rolling regression of the simple returns on those of `benchmark` (TTR rollSFM) over the last `period` returns, on the dates both have a bar: alpha (per-bar return units), beta, and rSquared (needs period ≥ 3). Null on dates the benchmark has no bar, and where the benchmark did not move. First at the period-th joined return.',
  },
} satisfies Record<string, IndicatorSpec>;

export type IndicatorName = keyof typeof INDICATORS;
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];

/** Problems with an indicator's arguments, each naming its argument; [] when valid. */
export function paramProblems(name: IndicatorName, params: Params): Problem[] {
  const spec: IndicatorSpec = INDICATORS[name];
  const problems = spec.params.flatMap((param) => paramValueProblems(param, params[param.name]));
  return problems.length === 0 && spec.check ? spec.check(params) : problems;
}

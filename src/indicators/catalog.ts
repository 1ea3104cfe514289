// Every indicator the API serves, declared once and typed: the shape of its
// values (a point type and its fields), its parameters (names, kinds,
// defaults, bounds) and its kernel. The GraphQL schema, validation, the read
// path, the golden tests, the window tests and the benchmark all read this table.
import { defineIndicator, type Indicator, type PointShape } from './define-indicator.js';
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
import { rangeVolatility } from './kernels/range-volatility.js';
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
import { PARAM_KINDS, type Params, paramValueProblems } from './params.js';

export type { Companions, Indicator, PointShape } from './define-indicator.js';
export { MAX_PERIOD, type ParamSpec, type Params, type ParamValue } from './params.js';

type Problem = { path: string; message: string };

const point = <const F extends string>(name: string, fields: readonly F[], description: string): PointShape<F> => ({
  name,
  fields,
  description,
});

/** The shapes of indicator values, each a GraphQL point type that every indicator naming it shares. */
export const POINTS = {
  value: point('IndicatorPoint', ['value'], 'One value of an indicator; null during its warm-up or where it is 0/0.'),
  macd: point('MacdPoint', ['macd', 'signal', 'histogram'], 'MACD line, signal line and histogram (macd − signal).'),
  band: point('BandPoint', ['upper', 'middle', 'lower'], 'A channel: upper, middle and lower band.'),
  stochastic: point(
    'StochasticPoint',
    ['fastK', 'fastD', 'slowD'],
    'Stochastic oscillator: fast %K, fast %D and slow %D, 0 to 100.',
  ),
  adx: point('AdxPoint', ['adx', 'plusDI', 'minusDI'], 'Average directional index with the +DI and −DI it comes from.'),
  aroon: point(
    'AroonPoint',
    ['up', 'down', 'oscillator'],
    'Aroon up and down (0 to 100) and their difference, the oscillator (−100 to 100).',
  ),
  signal: point('SignalPoint', ['value', 'signal'], 'An indicator value and its signal line.'),
  tdi: point('TdiPoint', ['tdi', 'di'], 'Trend detection index (tdi) and the directional index (di) it comes from.'),
  emv: point('EmvPoint', ['emv', 'ma'], 'Ease of movement (emv) and its moving average (ma).'),
  beta: point('BetaPoint', ['alpha', 'beta', 'rSquared'], 'A rolling regression on a benchmark: alpha, beta and R².'),
};

const { period, whole, float, ints, floats, choice, ticker } = PARAM_KINDS;

export const INDICATORS = {
  sma: defineIndicator({
    params: { period: period() },
    point: POINTS.value,
    compute: (b, a) => sma(b, a.period),
    description: 'Simple moving average of the close.',
  }),
  ema: defineIndicator({
    params: { period: period() },
    point: POINTS.value,
    compute: (b, a) => ema(b, a.period),
    description: 'Exponential moving average of the close, k = 2/(n+1), seeded with the SMA of the first n closes.',
  }),
  wma: defineIndicator({
    params: { period: period() },
    point: POINTS.value,
    compute: (b, a) => wma(b, a.period),
    description: 'Weighted moving average of the close, weights 1..n (newest heaviest).',
  }),
  dema: defineIndicator({
    params: { period: period() },
    point: POINTS.value,
    compute: (b, a) => dema(b, a.period),
    description: 'Double EMA: 2·EMA − EMA(EMA).',
  }),
  rsi: defineIndicator({
    params: { period: period(14) },
    point: POINTS.value,
    compute: (b, a) => rsi(b, a.period),
    description: "Wilder's relative strength index, 0 to 100.",
  }),
  macd: defineIndicator({
    params: { fast: period(12), slow: period(26), signal: period(9) },
    point: POINTS.macd,
    compute: (b, a) => macd(b, a.fast, a.slow, a.signal),
    check: (a) =>
      a.fast >= a.slow ? [{ path: 'fast', message: `must be below slow (${a.slow}), got ${a.fast}` }] : [],
    description: 'EMA(fast) − EMA(slow), its EMA(signal), and their difference.',
  }),
  bollinger: defineIndicator({
    params: { period: period(20), stdDev: float(2, { above: 0, max: 100 }) },
    point: POINTS.band,
    compute: (b, a) => bollinger(b, a.period, a.stdDev),
    description: 'SMA of the close ± stdDev population standard deviations.',
  }),
  atr: defineIndicator({
    params: { period: period(14) },
    point: POINTS.value,
    compute: (b, a) => atr(b, a.period),
    description: "Wilder's average true range.",
  }),
  stochastic: defineIndicator({
    params: { kPeriod: period(14), dPeriod: period(3), slowDPeriod: period(3) },
    point: POINTS.stochastic,
    compute: (b, a) => stochastic(b, a.kPeriod, a.dPeriod, a.slowDPeriod),
    description: 'Stochastic oscillator (0 to 100): fast %K, fast %D = SMA(%K), slow %D = SMA(fast %D).',
  }),
  williamsR: defineIndicator({
    params: { period: period(14) },
    point: POINTS.value,
    compute: (b, a) => williamsR(b, a.period),
    description: 'Williams %R, −100 to 0.',
  }),
  cci: defineIndicator({
    params: { period: period(20) },
    point: POINTS.value,
    compute: (b, a) => cci(b, a.period),
    work: (a) => a.period, // the mean deviation of each window afresh
    description: 'Commodity channel index over the typical price.',
  }),
  adx: defineIndicator({
    params: { period: period(14) },
    point: POINTS.adx,
    compute: (b, a) => adx(b, a.period),
    description: "Wilder's average directional index with +DI and −DI.",
  }),
  mfi: defineIndicator({
    params: { period: period(14) },
    point: POINTS.value,
    compute: (b, a) => mfi(b, a.period),
    description: 'Money flow index, 0 to 100.',
  }),
  obv: defineIndicator({
    params: {},
    point: POINTS.value,
    compute: (b) => obv(b),
    description: 'On-balance volume, from the first bar of the history.',
  }),
  roc: defineIndicator({
    params: { period: period() },
    point: POINTS.value,
    compute: (b, a) => roc(b, a.period),
    description: 'Rate of change in percent: 100·(C_t/C_{t−n} − 1).',
  }),
  donchian: defineIndicator({
    params: { period: period(20) },
    point: POINTS.band,
    compute: (b, a) => donchian(b, a.period),
    description: 'Donchian channel: highest high, lowest low and their mean.',
  }),
  volatility: defineIndicator({
    params: {
      period: period(20),
      estimator: choice('VolatilityEstimator', 'CLOSE'),
      annualization: whole(252, { min: 1, max: 366 }),
    },
    point: POINTS.value,
    compute: (b, a) =>
      a.estimator === 'CLOSE'
        ? volatility(b, a.period, a.annualization)
        : rangeVolatility(b, a.period, a.estimator, a.annualization),
    work: (a) => a.period, // TTR's runSD/runCov of each window afresh
    check: (a) =>
      a.estimator === 'YANG_ZHANG' && a.period < 2
        ? [{ path: 'period', message: `must be at least 2 for YANG_ZHANG, got ${a.period}` }]
        : [],
    description:
      'Annualized volatility (a decimal: 0.2 is 20 %) by the chosen estimator, as TTR computes it: √annualization × a standard deviation per bar. `annualization` is the bars in a year (252 daily, 52 weekly, 12 monthly). Estimators other than CLOSE sum a per-bar term over n bars.',
  }),

  aroon: defineIndicator({
    params: { period: period(20) },
    point: POINTS.aroon,
    compute: (b, a) => aroon(b, a.period),
    description:
      'Aroon: up = 100·(n − bars since the highest high)/n and down likewise from the lowest low, over the last n + 1 bars (ties: the most recent); oscillator = up − down. First at n − 1.',
  }),
  chaikinMoneyFlow: defineIndicator({
    params: { period: period(20) },
    point: POINTS.value,
    compute: (b, a) => chaikinMoneyFlow(b, a.period),
    description: 'Chaikin money flow, −1 to 1: Σ CLV·volume / Σ volume over n bars.',
  }),
  chaikinAD: defineIndicator({
    params: {},
    point: POINTS.value,
    compute: (b) => chaikinAD(b),
    description:
      'Chaikin accumulation/distribution: the running total of CLV·volume from the first bar of the history.',
  }),
  chaikinVolatility: defineIndicator({
    params: { period: period(10) },
    point: POINTS.value,
    compute: (b, a) => chaikinVolatility(b, a.period),
    description:
      'Chaikin volatility in percent: 100·(m_t/m_{t−n} − 1), m the EMA(n) of high − low (TTR gives the fraction). First at 2n − 1.',
  }),
  cmo: defineIndicator({
    params: { period: period(14) },
    point: POINTS.value,
    compute: (b, a) => cmo(b, a.period),
    description:
      'Chande momentum oscillator, −100 to 100: 100·(ΣUp − ΣDown)/(ΣUp + ΣDown) of the close changes over n bars.',
  }),
  hma: defineIndicator({
    params: { period: period(20, 2) },
    point: POINTS.value,
    compute: (b, a) => hma(b, a.period),
    description: 'Hull moving average: WMA(2·WMA(C, n/2) − WMA(C, n), √n), lengths truncated; period ≥ 2.',
  }),
  zlema: defineIndicator({
    params: { period: period(10) },
    point: POINTS.value,
    compute: (b, a) => zlema(b, a.period),
    description:
      'Zero-lag EMA: the EMA (k = 2/(n+1)) of 2·C_t − C_{t−lag}, lag = (n+1)/2 as a floating quotient, the lagged close interpolated.',
  }),
  trix: defineIndicator({
    params: { period: period(20) },
    point: POINTS.signal,
    compute: (b, a) => trix(b, a.period),
    description:
      'TRIX in percent: 100·(e_t/e_{t−1} − 1), e the triple EMA(n) of the close; signal = EMA(n) of TRIX (TTR uses `period` for the signal). First values at 3n − 2 and 4n − 3.',
  }),
  kst: defineIndicator({
    params: {
      rocPeriods: ints([10, 15, 20, 30]),
      smaPeriods: ints([10, 10, 10, 15]),
      signal: period(9),
      weights: floats([1, 2, 3, 4]),
    },
    point: POINTS.signal,
    compute: (b, a) => kst(b, a.rocPeriods, a.smaPeriods, a.signal, a.weights),
    check: (a) => {
      const count = a.rocPeriods.length;
      return (['smaPeriods', 'weights'] as const)
        .filter((name) => a[name].length !== count)
        .map((name) => ({
          path: name,
          message: `must hold as many values as rocPeriods (${count}), got ${a[name].length}`,
        }));
    },
    description:
      'Know Sure Thing: 100·Σ weight_k·SMA(ROC(C, rocPeriods_k), smaPeriods_k), the ROC continuous (a log return, as TTR defaults); signal = SMA(signal) of KST. First at max(rocPeriods_k + smaPeriods_k) − 1.',
  }),
  keltner: defineIndicator({
    params: { period: period(20), multiplier: float(2, { above: 0, max: 100 }) },
    point: POINTS.band,
    compute: (b, a) => keltner(b, a.period, a.multiplier),
    description:
      'Keltner channels: middle = EMA(n) of the typical price (H+L+C)/3, upper and lower ± multiplier × ATR(n). First values: middle at n − 1, the bands at n.',
  }),
  ultimateOscillator: defineIndicator({
    params: { periods: ints([7, 14, 28], { length: 3 }), weights: floats([4, 2, 1], { length: 3 }) },
    point: POINTS.value,
    compute: (b, a) => ultimateOscillator(b, a.periods, a.weights),
    check: (a) => {
      const [w0, w1, w2] = a.weights as [number, number, number];
      return w0 + w1 + w2 === 0 ? [{ path: 'weights', message: 'must not add up to 0' }] : [];
    },
    description:
      'Ultimate oscillator, 0 to 100: 100·Σ w_k·(Σ buying pressure / Σ true range over periods_k) / Σ w_k, buying pressure = C − min(L, previous C). First at the longest period.',
  }),
  vwap: defineIndicator({
    params: { period: period(10) },
    point: POINTS.value,
    compute: (b, a) => vwap(b, a.period),
    description:
      'Volume-weighted average close over n bars: Σ C·V / Σ V. Null on the first n − 1 bars (and, as in TTR, on the first bar when n = 1).',
  }),
  evwma: defineIndicator({
    params: { period: period(10) },
    point: POINTS.value,
    compute: (b, a) => evwma(b, a.period),
    description:
      'Elastic volume-weighted moving average: starts at the close of bar n − 1, then ((S − V)·previous + V·C)/S, S the volume of the last n bars.',
  }),
  momentum: defineIndicator({
    params: { period: period(1) },
    point: POINTS.value,
    compute: (b, a) => momentum(b, a.period),
    description: 'Momentum: C_t − C_{t−n}.',
  }),
  smi: defineIndicator({
    params: { period: period(13), fast: period(2), slow: period(25), signal: period(9) },
    point: POINTS.signal,
    compute: (b, a) => smi(b, a.period, a.fast, a.slow, a.signal),
    description:
      'Stochastic momentum index (about −100 to 100): 100·num/(den/2), num the EMA(fast) of the EMA(slow) of the close less the middle of the n-bar range, den that of the range; signal = EMA(signal) of SMI. First values at slow + fast − 2 and slow + fast + signal − 3.',
  }),
  tdi: defineIndicator({
    params: { period: period(20), multiple: float(2, { above: 0, max: 100 }) },
    point: POINTS.tdi,
    compute: (b, a) => tdi(b, a.period, a.multiple),
    check: (a) =>
      Math.trunc(a.period * a.multiple) < 1
        ? [{ path: 'multiple', message: `must make period × multiple at least 1, got ${a.multiple}` }]
        : [],
    description:
      'Trend detection index: di = Σ (C_t − C_{t−n}) over n bars; tdi = |di| − (Σ|C_t − C_{t−n}| over trunc(n·multiple) bars − the same over n bars). First values: tdi at max(n, trunc(n·multiple)) − 1, di at n − 1.',
  }),
  vhf: defineIndicator({
    params: { period: period(28) },
    point: POINTS.value,
    compute: (b, a) => vhf(b, a.period),
    description:
      'Vertical horizontal filter: (highest − lowest close of n bars) / Σ|C_t − C_{t−1}| over n bars. First at n.',
  }),
  alma: defineIndicator({
    params: {
      period: period(9),
      offset: float(0.85, { min: 0, max: 1 }),
      sigma: float(6, { above: 0, max: 1000 }),
    },
    point: POINTS.value,
    compute: (b, a) => alma(b, a.period, a.offset, a.sigma),
    work: (a) => a.period, // a weighted sum over each window
    description:
      'Arnaud Legoux moving average: Gaussian weights exp(−(k − m)²/(2s²)) over the window, m = floor(offset·(n − 1)) from the oldest bar, s = n/sigma.',
  }),
  emv: defineIndicator({
    params: { period: period(9), volumeDivisor: float(10000, { above: 0, max: 1e12 }) },
    point: POINTS.emv,
    compute: (b, a) => emv(b, a.period, a.volumeDivisor),
    description:
      "Ease of movement: the change of the high-low midpoint divided by (volume/volumeDivisor)/(H − L), and its SMA(n) as `ma`. emv is null on a bar without volume, and `ma` from that bar on (TTR's running sum never recovers from it).",
  }),
  williamsAD: defineIndicator({
    params: {},
    point: POINTS.value,
    compute: (b) => williamsAD(b),
    description:
      'Williams accumulation/distribution: the running total from the second bar of C − true low on an up close, C − true high on a down close, 0 when unchanged.',
  }),
  clv: defineIndicator({
    params: {},
    point: POINTS.value,
    compute: (b) => clv(b),
    description: 'Close location value, −1 to 1: ((C − L) − (H − C))/(H − L); 0 when H = L.',
  }),
  cti: defineIndicator({
    params: { period: period(20, 2) },
    point: POINTS.value,
    compute: (b, a) => cti(b, a.period),
    work: (a) => a.period, // each bar re-ranks the window
    description:
      'Correlation trend indicator, −1 to 1: the Spearman correlation of the last n closes with time; null on a flat window; period ≥ 2.',
  }),
  snr: defineIndicator({
    params: { period: period(20) },
    point: POINTS.value,
    compute: (b, a) => snr(b, a.period),
    description: "Signal-to-noise ratio: |C_t − C_{t−n}| / Wilder's ATR(n). First at n.",
  }),
  beta: defineIndicator({
    params: { benchmark: ticker(), period: period(60, 2) },
    point: POINTS.beta,
    compute: (b, a, companions) => {
      if (!companions?.benchmark) throw new Error('beta needs the history of its benchmark');
      const { benchmark } = companions;
      return beta(companions.dates, b.close, benchmark.dates, benchmark.bars.close, a.period);
    },
    work: (a) => a.period, // TTR's runCov of each window afresh
    description:
      'Rolling regression of the simple returns on those of `benchmark` (TTR rollSFM) over the last `period` returns, on the dates both have a bar: alpha (per-bar return units), beta, and rSquared (needs period ≥ 3). Null on dates the benchmark has no bar, and where the benchmark did not move. First at the period-th joined return.',
  }),
};

export type IndicatorName = keyof typeof INDICATORS;
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];

/** Problems with an indicator's arguments, each naming its argument; [] when valid. */
export function paramProblems(name: IndicatorName, params: Params): Problem[] {
  const spec: Indicator = INDICATORS[name];
  const problems = spec.params.flatMap((param) => paramValueProblems(param, params[param.name]));
  return problems.length === 0 && spec.check ? spec.check(params) : problems;
}

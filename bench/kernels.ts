// Kernel throughput: every indicator of the catalog (volatility once per
// estimator) over 500 series × 5,000 daily bars on one thread, timed one
// indicator at a time, against the same indicators from the `trading-signals`
// package where it has them (its classes take plain numbers), fed bar by bar
// as that API is meant to be. Its VWAP is cumulative, not over n bars, and it
// has no beta, CTI, SNR, TDI, EVWMA, CLV or close-to-close, Garman-Klass,
// Parkinson or Yang-Zhang volatility: those rows are ours alone.
import {
  AD,
  ADX,
  ALMA,
  Aroon,
  ATR,
  BollingerBands,
  CCI,
  CMF,
  CMO,
  CVI,
  DEMA,
  DonchianChannels,
  EMA,
  EMV,
  HMA,
  KeltnerChannels,
  KST,
  MACD,
  MFI,
  MOM,
  OBV,
  ROC,
  RogersSatchellVolatility,
  RSI,
  SMA,
  SMI,
  StochasticOscillator,
  TRIX,
  UltimateOscillator,
  VHF,
  WAD,
  WilliamsR,
  WMA,
  ZLEMA,
} from 'trading-signals';
import { syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { INDICATOR_NAMES, INDICATORS, type IndicatorName, type Params } from '../src/indicators/catalog.js';
import { PARAM_ENUMS } from '../src/indicators/params.js';
import type { Bars } from '../src/prices/history.js';

export const SERIES = Number(process.env.BENCH_SERIES ?? 500);
export const DAYS = 5000;
const DATES = tradingDays('2000-01-03', '2030-01-01').slice(0, DAYS);

type Candle = { open: number; high: number; low: number; close: number; volume: number };

export function makeSeries(count = SERIES): Bars[] {
  const bars: Bars[] = [];
  for (let s = 0; s < count; s++) {
    const series = syntheticBars(`S${s}`, DATES, { start: 50 + (s % 100), drift: 0.05, volatility: 0.25, volume: 1e6 });
    bars.push({
      open: Float64Array.from(series, (b) => b.open),
      high: Float64Array.from(series, (b) => b.high),
      low: Float64Array.from(series, (b) => b.low),
      close: Float64Array.from(series, (b) => b.close),
      volume: Float64Array.from(series, (b) => b.volume),
    });
  }
  return bars;
}

/**
 * The same bars as the candle objects trading-signals takes. Built before each
 * of its runs and dropped after: 2.5 million live objects would make every
 * garbage collection during the other side's run slower, and so unfair.
 */
export function makeCandles(bars: Bars[]): Candle[][] {
  return bars.map((series) =>
    Array.from(series.close, (close, t) => ({
      open: series.open[t] as number,
      high: series.high[t] as number,
      low: series.low[t] as number,
      close,
      volume: series.volume[t] as number,
    })),
  );
}

/** One row of the benchmark: an indicator with its arguments. */
type Workload = { label: string; name: IndicatorName; params: Params };

/**
 * Every indicator with the contract's defaults (20 for the periods without
 * one, 12 for roc), volatility once per estimator, beta against another of
 * the series.
 */
export const WORKLOADS: Workload[] = INDICATOR_NAMES.flatMap((name): Workload[] => {
  const params: Params = Object.fromEntries(
    INDICATORS[name].params.map((param) => [
      param.name,
      param.default ?? (param.kind === 'ticker' ? 'BENCH' : name === 'roc' ? 12 : 20),
    ]),
  );
  if (name !== 'volatility') return [{ label: name, name, params }];
  return Object.keys(PARAM_ENUMS.VolatilityEstimator).map((estimator) => ({
    label: `volatility ${estimator}`,
    name,
    params: { ...params, estimator },
  }));
});

/** Seconds per workload label. */
export type Timings = Map<string, number>;

/** Seconds to compute each workload over every series with etfql's kernels. */
export function runOurs(bars: Bars[]): Timings {
  const timings: Timings = new Map();
  for (const { label, name, params } of WORKLOADS) {
    const started = performance.now();
    let checksum = 0;
    for (let s = 0; s < bars.length; s++) {
      const benchmark = { dates: DATES, bars: bars[(s + 1) % bars.length] as Bars };
      const outputs = INDICATORS[name].compute(bars[s] as Bars, params, { dates: DATES, benchmark }) as Record<
        string,
        Float64Array
      >;
      for (const output of Object.values(outputs)) checksum += output[output.length - 1] as number;
    }
    timings.set(label, (performance.now() - started) / 1000);
    if (Number.isNaN(checksum)) throw new Error(`${label} produced NaN at the end of a series`);
  }
  return timings;
}

type Result = number | null | undefined | { [key: string]: number };
const resultOf = (value: Result) => (typeof value === 'number' ? value : value ? Object.values(value)[0] : 0) ?? 0;

/**
 * trading-signals' side: one function per indicator with its own loop (one
 * shared loop over a list of indicators would make its call sites polymorphic,
 * and so slower than the package is), with the same arguments as ours.
 */
const PEERS: Record<string, (candles: Candle[]) => Result> = {
  sma: (candles) => {
    const x = new SMA(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  ema: (candles) => {
    const x = new EMA(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  wma: (candles) => {
    const x = new WMA(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  dema: (candles) => {
    const x = new DEMA(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  rsi: (candles) => {
    const x = new RSI(14);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  macd: (candles) => {
    const x = new MACD(new EMA(12), new EMA(26), new EMA(9));
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  bollinger: (candles) => {
    const x = new BollingerBands(20, 2);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  atr: (candles) => {
    const x = new ATR(14);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  stochastic: (candles) => {
    const x = new StochasticOscillator({ kPeriod: 14, dPeriod: 3, kSlowingPeriod: 3 } as never);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  williamsR: (candles) => {
    const x = new WilliamsR(14);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  cci: (candles) => {
    const x = new CCI(20);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  adx: (candles) => {
    const x = new ADX(14);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  mfi: (candles) => {
    const x = new MFI(14);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  obv: (candles) => {
    const x = new OBV(2); // it keeps the last `interval` candles and needs the previous one
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  roc: (candles) => {
    const x = new ROC(12);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  donchian: (candles) => {
    const x = new DonchianChannels(20);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  'volatility ROGERS_SATCHELL': (candles) => {
    const x = new RogersSatchellVolatility(20);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  aroon: (candles) => {
    const x = new Aroon(20);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  chaikinMoneyFlow: (candles) => {
    const x = new CMF(20);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  chaikinAD: (candles) => {
    const x = new AD();
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  chaikinVolatility: (candles) => {
    const x = new CVI(10);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  cmo: (candles) => {
    const x = new CMO(14);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  hma: (candles) => {
    const x = new HMA(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  zlema: (candles) => {
    const x = new ZLEMA(10);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  trix: (candles) => {
    const x = new TRIX(20);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  kst: (candles) => {
    const x = new KST();
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  keltner: (candles) => {
    const x = new KeltnerChannels({ atrInterval: 20, emaInterval: 20, multiplier: 2 });
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  ultimateOscillator: (candles) => {
    const x = new UltimateOscillator({ shortPeriod: 7, mediumPeriod: 14, longPeriod: 28 });
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  momentum: (candles) => {
    const x = new MOM(1);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  smi: (candles) => {
    const x = new SMI({ interval: 13, smooth1: 25, smooth2: 2 });
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  vhf: (candles) => {
    const x = new VHF(28);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  alma: (candles) => {
    const x = new ALMA(9, 0.85, 6);
    for (const c of candles) x.update(c.close, false);
    return x.getResult();
  },
  emv: (candles) => {
    const x = new EMV(9, 10000);
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
  williamsAD: (candles) => {
    const x = new WAD();
    for (const c of candles) x.update(c, false);
    return x.getResult();
  },
};

/** The workloads trading-signals has, in table order. */
export const PEER_LABELS = WORKLOADS.map((workload) => workload.label).filter((label) => label in PEERS);

/** Seconds for each indicator trading-signals has, over every series, bar by bar. */
export function runPeer(candles: Candle[][]): Timings {
  const timings: Timings = new Map();
  for (const label of PEER_LABELS) {
    const run = PEERS[label] as (candles: Candle[]) => Result;
    const started = performance.now();
    let checksum = 0;
    for (const series of candles) checksum += resultOf(run(series));
    timings.set(label, (performance.now() - started) / 1000);
    if (Number.isNaN(checksum)) throw new Error(`trading-signals ${label} produced NaN`);
  }
  return timings;
}

// Kernel throughput: the 17 indicators over 500 series × 5,000 daily bars on
// one thread, against the same indicators from the `trading-signals` package
// (its classes take plain numbers), fed bar by bar as that API is meant to be.
// trading-signals has no close-to-close volatility, so its side runs the other
// 16: the comparison is, if anything, in its favour.
import {
  ADX,
  ATR,
  BollingerBands,
  CCI,
  DEMA,
  DonchianChannels,
  EMA,
  MACD,
  MFI,
  OBV,
  ROC,
  RSI,
  SMA,
  StochasticOscillator,
  WilliamsR,
  WMA,
} from 'trading-signals';
import { syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { INDICATOR_NAMES, INDICATORS, type ParamSpec, type Params } from '../src/indicators/catalog.js';
import type { Bars } from '../src/indicators/kernels/series.js';

export const SERIES = Number(process.env.BENCH_SERIES ?? 500);
export const DAYS = 5000;

type Candle = { open: number; high: number; low: number; close: number; volume: number };

export function makeSeries(count = SERIES): Bars[] {
  const days = tradingDays('2000-01-03', '2030-01-01').slice(0, DAYS);
  const bars: Bars[] = [];
  for (let s = 0; s < count; s++) {
    const series = syntheticBars(`S${s}`, days, { start: 50 + (s % 100), drift: 0.05, volatility: 0.25, volume: 1e6 });
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

/** Defaults where the contract has them, 20 for the required periods (12 for roc). */
const PARAMS: Record<string, Params> = Object.fromEntries(
  INDICATOR_NAMES.map((name) => [
    name,
    Object.fromEntries(
      (INDICATORS[name].params as ParamSpec[]).map((param) => [
        param.name,
        param.default ?? (name === 'roc' ? 12 : 20),
      ]),
    ),
  ]),
);

/** Seconds to compute all 17 indicators over every series with etfql's kernels. */
export function runOurs(bars: Bars[]): number {
  const started = performance.now();
  let checksum = 0;
  for (const series of bars) {
    for (const name of INDICATOR_NAMES) {
      const outputs = INDICATORS[name].compute(series, PARAMS[name] as Params) as Record<string, Float64Array>;
      for (const output of Object.values(outputs)) checksum += output[output.length - 1] as number;
    }
  }
  if (Number.isNaN(checksum)) throw new Error('kernels produced NaN at the end of a series');
  return (performance.now() - started) / 1000;
}

/** Seconds for the 16 indicators trading-signals has, over every series, bar by bar. */
export function runPeer(candles: Candle[][]): number {
  const started = performance.now();
  let checksum = 0;
  for (const series of candles) {
    const sma = new SMA(20);
    const ema = new EMA(20);
    const wma = new WMA(20);
    const dema = new DEMA(20);
    const rsi = new RSI(14);
    const macd = new MACD(new EMA(12), new EMA(26), new EMA(9));
    const bollinger = new BollingerBands(20, 2);
    const atr = new ATR(14);
    const stochastic = new StochasticOscillator({ kPeriod: 14, dPeriod: 3, kSlowingPeriod: 3 } as never);
    const williamsR = new WilliamsR(14);
    const cci = new CCI(20);
    const adx = new ADX(14);
    const mfi = new MFI(14);
    const obv = new OBV(2); // it keeps the last `interval` candles and needs the previous one
    const roc = new ROC(12);
    const donchian = new DonchianChannels(20);
    for (const candle of series) {
      const close = candle.close;
      sma.update(close, false);
      ema.update(close, false);
      wma.update(close, false);
      dema.update(close, false);
      rsi.update(close, false);
      macd.update(close, false);
      bollinger.update(close, false);
      atr.update(candle, false);
      stochastic.update(candle, false);
      williamsR.update(candle, false);
      cci.update(candle, false);
      adx.update(candle, false);
      mfi.update(candle, false);
      obv.update(candle, false);
      roc.update(close, false);
      donchian.update(candle, false);
    }
    checksum += (sma.getResult() ?? 0) + (adx.getResult() ?? 0);
  }
  if (Number.isNaN(checksum)) throw new Error('peer produced NaN');
  return (performance.now() - started) / 1000;
}

// Deterministic synthetic daily bars: a geometric Brownian motion per ETF, driven
// by a PRNG seeded from its ticker, on a weekday calendar without fixed-date
// holidays. The same ticker always yields the same bars, on any machine.
import type { IsoDate } from '../dates.js';
import type { BarInput } from '../prices/validate-bars.js';

const HOLIDAYS = new Set(['01-01', '07-04', '12-25']);
const TRADING_DAYS_PER_YEAR = 252;

/** mulberry32: small, fast, and good enough for demo data (and the bench's traffic). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedFrom(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** Whether the synthetic calendar has a bar on this date: a weekday that is not a fixed-date holiday. */
export function isTradingDay(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date.slice(5));
}

export function tradingDays(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    if (iso > last) return days;
    if (isTradingDay(iso)) days.push(iso);
  }
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * `seed` names the random stream (the ticker unless given): a continuation of
 * a series passes its own, so that it does not replay the series' first days.
 */
export function syntheticBars(
  ticker: string,
  days: readonly IsoDate[],
  params: { start: number; drift: number; volatility: number; volume: number },
  seed: string = ticker,
): BarInput[] {
  const random = prng(seedFrom(seed));
  // Box–Muller from two uniforms.
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const dailyVol = params.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
  const dailyDrift = params.drift / TRADING_DAYS_PER_YEAR - (dailyVol * dailyVol) / 2;

  let previousClose = params.start;
  return days.map((date) => {
    const open = cents(previousClose * Math.exp(0.2 * dailyVol * normal()));
    const close = cents(open * Math.exp(dailyDrift + 0.95 * dailyVol * normal()));
    const high = cents(Math.max(open, close) * (1 + Math.abs(0.4 * dailyVol * normal())));
    const low = cents(Math.min(open, close) * (1 - Math.abs(0.4 * dailyVol * normal())));
    const volume = Math.round(params.volume * Math.exp(0.35 * normal()));
    previousClose = close;
    return { date, open, high, low, close, volume };
  });
}

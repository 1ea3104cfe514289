// What Etf.performance adds to the stored or computed figures: the Sharpe
// ratio, whose risk-free rate is the caller's, so it is not stored.
import { badInput } from '../errors.js';
import type { Metrics } from './read-performance.js';

/** A rate beyond ±100 % a year is almost surely a percentage sent as a fraction (5 for 5 %). */
const MAX_RATE = 1;

/** (mean daily log return × 252 − riskFreeRate) / volatility1Y; null without a volatility, or with none at all. */
export function sharpe1y(metrics: Metrics, riskFreeRate: number): number | null {
  if (!Number.isFinite(riskFreeRate) || Math.abs(riskFreeRate) > MAX_RATE) {
    throw badInput([
      {
        path: 'riskFreeRate',
        message: `must be a finite fraction from -${MAX_RATE} to ${MAX_RATE} (0.05 for 5 %), got ${riskFreeRate}`,
      },
    ]);
  }
  const { mean_return_1y: mean, volatility_1y: volatility } = metrics;
  if (mean === null || volatility === null || volatility === 0) return null;
  return (mean - riskFreeRate) / volatility;
}

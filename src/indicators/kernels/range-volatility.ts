import type { Bars } from '../../prices/history.js';
import { nanArray, runCovarianceInto, runSumInto, SLOT, scratch } from './primitives.js';

/** The estimators of TTR's volatility() that use the open, high and low (close-to-close is volatility.ts). */
export type RangeEstimator =
  | 'GARMAN_KLASS'
  | 'PARKINSON'
  | 'ROGERS_SATCHELL'
  | 'GARMAN_KLASS_YANG_ZHANG'
  | 'YANG_ZHANG';

const K = 2 * Math.log(2) - 1;

/**
 * Annualised volatility from each bar's range, as TTR computes it: √(N/n ×
 * runSum of a per-bar term over n bars), N the bars a year. The running sum is
 * TTR's, so a flat window holds its rounding residue, and a negative one
 * (Garman-Klass can be) is null. Yang-Zhang combines the variance of the
 * overnight and open-to-close log moves with Rogers-Satchell's, k =
 * 0.34/(1.34 + (n+1)/(n−1)). First at n − 1; n for the two that use the
 * previous close.
 */
export function rangeVolatility(bars: Bars, period: number, estimator: RangeEstimator, annualization: number) {
  const { open, high, low, close } = bars;
  const length = close.length;
  const n = period;
  if (estimator === 'YANG_ZHANG') return yangZhang(bars, n, annualization);
  const term = scratch(SLOT.difference, length);
  for (let t = 0; t < length; t++) {
    const o = open[t] as number;
    const h = high[t] as number;
    const l = low[t] as number;
    const c = close[t] as number;
    if (estimator === 'PARKINSON') {
      const hl = Math.log(h / l);
      term[t] = hl * hl;
    } else if (estimator === 'ROGERS_SATCHELL') {
      term[t] = Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
    } else {
      const hl = Math.log(h / l);
      const co = Math.log(c / o);
      const rest = 0.5 * (hl * hl) - K * (co * co);
      if (estimator === 'GARMAN_KLASS') term[t] = rest;
      else if (t === 0) term[t] = Number.NaN;
      else {
        const gap = Math.log(o / (close[t - 1] as number));
        term[t] = gap * gap + 0.5 * (hl * hl) - K * (co * co);
      }
    }
  }
  const value = runSumInto(term, n, new Float64Array(length));
  const scale = estimator === 'PARKINSON' ? annualization / (4 * n * Math.log(2)) : annualization / n;
  for (let t = 0; t < length; t++) value[t] = Math.sqrt(scale * (value[t] as number));
  return { value };
}

function yangZhang(bars: Bars, n: number, annualization: number) {
  const { open, close } = bars;
  const length = close.length;
  const value = nanArray(length);
  const rogersSatchell = rangeVolatility(bars, n, 'ROGERS_SATCHELL', annualization).value;
  const overnight = scratch(SLOT.sumA, length);
  const day = scratch(SLOT.sumB, length);
  overnight[0] = Number.NaN;
  for (let t = 0; t < length; t++) {
    if (t > 0) overnight[t] = Math.log((open[t] as number) / (close[t - 1] as number));
    day[t] = Math.log((close[t] as number) / (open[t] as number));
  }
  const variances = {
    covariance: scratch(SLOT.covariance, length),
    varianceX: scratch(SLOT.varianceX, length),
    varianceY: scratch(SLOT.varianceY, length),
  };
  runCovarianceInto(overnight, day, n, variances);
  const k = (1.34 - 1) / (1.34 + (n + 1) / (n - 1));
  for (let t = n; t < length; t++) {
    const rs = rogersSatchell[t] as number;
    const overnightVariance = annualization * (variances.varianceX[t] as number);
    const dayVariance = annualization * (variances.varianceY[t] as number);
    value[t] = Math.sqrt(overnightVariance + k * dayVariance + (1 - k) * (rs * rs));
  }
  return { value };
}

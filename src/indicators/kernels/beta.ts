import { nanArray, runCovarianceInto, runSumInto, SLOT, scratch } from './primitives.js';

/**
 * TTR's rollSFM over the simple returns of the asset and its benchmark on the
 * dates both have a bar (an inner join on date; both lists ascending): beta =
 * cov/var of the benchmark, alpha = mean(Ra) − beta·mean(Rb), and R² of that
 * regression, over the last n returns. Bars of the asset on a date the
 * benchmark lacks are null. A window where the benchmark does not move is
 * null (its variance is exactly 0). First at the n-th joined return.
 */
export function beta(
  dates: readonly string[],
  close: Float64Array,
  benchmarkDates: readonly string[],
  benchmarkClose: Float64Array,
  period: number,
) {
  const length = close.length;
  const alpha = nanArray(length);
  const slope = nanArray(length);
  const rSquared = nanArray(length);
  // Where each joined bar sits in the asset's history, and both closes there.
  const at = scratch(SLOT.joinedAt, length);
  const asset = scratch(SLOT.joinedAsset, length);
  const market = scratch(SLOT.joinedBenchmark, length);
  let joined = 0;
  for (let t = 0, b = 0; t < length && b < benchmarkDates.length; t++) {
    const date = dates[t] as string;
    while (b < benchmarkDates.length && (benchmarkDates[b] as string) < date) b++;
    if (b < benchmarkDates.length && benchmarkDates[b] === date) {
      at[joined] = t;
      asset[joined] = close[t] as number;
      market[joined] = benchmarkClose[b] as number;
      joined++;
    }
  }
  if (joined <= period) return { alpha, beta: slope, rSquared };

  const ra = scratch(SLOT.returns, joined);
  const rb = scratch(SLOT.inner, joined);
  ra[0] = Number.NaN;
  rb[0] = Number.NaN;
  for (let j = 1; j < joined; j++) {
    ra[j] = (asset[j] as number) / (asset[j - 1] as number) - 1;
    rb[j] = (market[j] as number) / (market[j - 1] as number) - 1;
  }
  const covariance = scratch(SLOT.covariance, joined);
  const varianceA = scratch(SLOT.varianceX, joined);
  const varianceB = scratch(SLOT.varianceY, joined);
  runCovarianceInto(ra, rb, period, { covariance, varianceX: varianceA, varianceY: varianceB });
  const sumA = runSumInto(ra, period, scratch(SLOT.sumA, joined));
  const sumB = runSumInto(rb, period, scratch(SLOT.sumB, joined));
  // The squares go through the same scratch array, one after the other.
  const squares = scratch(SLOT.product, joined);
  for (let j = 0; j < joined; j++) squares[j] = (ra[j] as number) * (ra[j] as number);
  const squaresA = runSumInto(squares, period, scratch(SLOT.sumC, joined));
  for (let j = 0; j < joined; j++) squares[j] = (rb[j] as number) * (rb[j] as number);
  const squaresB = runSumInto(squares, period, scratch(SLOT.sumD, joined));

  const n = period;
  for (let j = period; j < joined; j++) {
    const b = (covariance[j] as number) / (varianceB[j] as number);
    const sa = sumA[j] as number;
    const sb = sumB[j] as number;
    const residual =
      (1 / (n * (n - 2))) * (n * (squaresA[j] as number) - sa * sa - b * b * (n * (squaresB[j] as number) - sb * sb));
    const total = ((varianceA[j] as number) * (n - 1)) / (n - 2);
    const t = at[j] as number;
    slope[t] = b;
    alpha[t] = sa / n - b * (sb / n);
    rSquared[t] = 1 - residual / total;
  }
  return { alpha, beta: slope, rSquared };
}

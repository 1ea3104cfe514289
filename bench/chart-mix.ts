// Dashboard traffic as a server sees it: charts drawn from a population of
// ticker sets × windows × intervals whose popularity is skewed (Zipf: a few
// charts are asked for by many users, a long tail by few), and among them
// requests never seen before (a `to:` of their own). Deterministic: the same
// seed gives the same sequence, so rounds and runs compare.
import { DEMO_ETFS } from '../src/demo/demo-etfs.js';
import { prng } from '../src/demo/synthetic-bars.js';
import { everyOneNew } from './chart-workload.js';

const MIX_QUERY = `query DashboardChart($tickers: [String!]!, $last: Int!, $interval: Interval!, $to: Date) {
  etfsByTicker(tickers: $tickers) { ticker prices(last: $last, interval: $interval, to: $to) { date close volume } }
}`;

const TICKER_SETS = 40;
const WINDOWS = [21, 63, 126, 252, 504, 1260];
const INTERVALS = ['DAILY', 'WEEKLY', 'MONTHLY'];
/** The share of requests that no one asked for before. */
export const NEVER_SEEN = 0.1;
/** Zipf's exponent: 1 is the classic web-cache popularity. */
const SKEW = 1;

/** The population of distinct charts, most popular first. */
function population(next: () => number): string[] {
  const tickers = DEMO_ETFS.map((etf) => etf.ticker);
  const sets: string[][] = [];
  for (let i = 0; i < TICKER_SETS; i++) {
    const size = 1 + Math.floor(next() * 10);
    const shuffled = [...tickers].sort(() => next() - 0.5);
    sets.push(shuffled.slice(0, size));
  }
  const charts: string[] = [];
  for (const set of sets) {
    for (const last of WINDOWS) {
      for (const interval of INTERVALS) {
        charts.push(JSON.stringify({ query: MIX_QUERY, variables: { tickers: set, last, interval } }));
      }
    }
  }
  // Popularity in no relation to the order they were made in.
  return charts.sort(() => next() - 0.5);
}

export const MIX_POPULATION = TICKER_SETS * WINDOWS.length * INTERVALS.length;
export const MIX_SHAPE = `${TICKER_SETS} ticker sets of 1–10 × last ${WINDOWS.join('/')} × ${INTERVALS.join('/').toLowerCase()}`;

/** Bodies of the skewed mix: each call gives the next request's. */
export function dashboardMix(seed = 1): () => string {
  const next = prng(seed);
  const charts = population(next);
  // The cumulative Zipf weights of the population's ranks, for sampling by bisection.
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= charts.length; rank++) {
    total += 1 / rank ** SKEW;
    cumulative.push(total);
  }
  const unseen = everyOneNew(MIX_QUERY, { tickers: ['SPY', 'QQQ'], last: 252, interval: 'DAILY' });
  return () => {
    if (next() < NEVER_SEEN) return unseen();
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return charts[low] as string;
  };
}

// How much two funds hold in common: the sum, over the securities both hold,
// of the smaller of the two weights (two funds that hold the same securities
// at the same weights overlap 100 %). Computed for every pair of the funds
// asked at once, from each fund's snapshot in columns: a security held by k
// of them is visited once and adds to its k(k-1)/2 pairs.
import type { SnapshotColumns } from './read-holdings.js';

export type CommonHolding = { securityId: number; weightA: number; weightB: number };

export type PairOverlap = {
  /** Indexes into the funds given. */
  a: number;
  b: number;
  /** Percent: Σ min(weightA, weightB) over common securities. */
  overlap: number;
  commonHoldings: number;
  /** The common securities with the largest smaller weight, largest first. */
  largest: CommonHolding[];
};

/** Keeps the `size` entries of largest min weight, in order. */
function keepLargest(list: CommonHolding[], entry: CommonHolding, size: number): void {
  const key = Math.min(entry.weightA, entry.weightB);
  if (list.length === size) {
    const last = list[size - 1] as CommonHolding;
    if (Math.min(last.weightA, last.weightB) >= key) return;
    list.pop();
  }
  let at = list.length;
  while (at > 0) {
    const before = list[at - 1] as CommonHolding;
    if (Math.min(before.weightA, before.weightB) >= key) break;
    at--;
  }
  list.splice(at, 0, entry);
}

/**
 * Every pair (a < b) of `funds` (null: no holdings), with its `largest` common holdings.
 * Securities get dense indexes in the order first met (fund by fund, position
 * by position), each fund its weights in a typed array over them; then each
 * security, in that order, adds to the pairs of the funds holding it. Twenty
 * funds of 3,000 make 380,000 pair updates: typed arrays, no allocation.
 */
export function overlaps(funds: readonly (SnapshotColumns | null)[], largest: number): PairOverlap[] {
  const n = funds.length;
  const dense = new Map<number, number>();
  for (const columns of funds) {
    if (!columns) continue;
    for (const id of columns.securityIds) if (!dense.has(id)) dense.set(id, dense.size);
  }
  const securityIds = [...dense.keys()];
  const count = securityIds.length;
  // Fund f's weight of security s at [s * n + f]; NaN when it holds none. A
  // long and a short position of one security net out.
  const weights = new Float64Array(count * n).fill(Number.NaN);
  funds.forEach((columns, fund) => {
    if (!columns) return;
    for (let i = 0; i < columns.securityIds.length; i++) {
      const at = (dense.get(columns.securityIds[i] as number) as number) * n + fund;
      const weight = columns.weights[i] as number;
      const held = weights[at] as number;
      weights[at] = Number.isNaN(held) ? weight : held + weight;
    }
  });
  const overlap = new Float64Array(n * n);
  const common = new Int32Array(n * n);
  const lists: CommonHolding[][] = Array.from({ length: n * n }, () => []);
  // The smallest key a full list keeps: a smaller or equal one cannot enter.
  const floor = new Float64Array(n * n).fill(Number.NEGATIVE_INFINITY);
  const holders = new Int32Array(n);
  for (let s = 0; s < count; s++) {
    let k = 0;
    for (let f = 0; f < n; f++) if (!Number.isNaN(weights[s * n + f] as number)) holders[k++] = f;
    if (k < 2) continue;
    for (let i = 0; i < k; i++) {
      const a = holders[i] as number;
      const weightA = weights[s * n + a] as number;
      for (let j = i + 1; j < k; j++) {
        const b = holders[j] as number;
        const weightB = weights[s * n + b] as number;
        const pair = a * n + b;
        const smaller = Math.min(weightA, weightB);
        // Only positive weights overlap: a short position holds nothing in common.
        overlap[pair] = (overlap[pair] as number) + Math.max(smaller, 0);
        common[pair] = (common[pair] as number) + 1;
        if (largest > 0 && smaller > (floor[pair] as number)) {
          const list = lists[pair] as CommonHolding[];
          keepLargest(list, { securityId: securityIds[s] as number, weightA, weightB }, largest);
          if (list.length === largest) {
            const last = list[largest - 1] as CommonHolding;
            floor[pair] = Math.min(last.weightA, last.weightB);
          }
        }
      }
    }
  }
  const result: PairOverlap[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const pair = a * n + b;
      result.push({
        a,
        b,
        overlap: overlap[pair] as number,
        commonHoldings: common[pair] as number,
        largest: lists[pair] as CommonHolding[],
      });
    }
  }
  return result;
}

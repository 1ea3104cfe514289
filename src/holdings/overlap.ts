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

/** One fund's weight per security (a long and a short position of one security net out). */
function weightsBySecurity(columns: SnapshotColumns): Map<number, number> {
  const weights = new Map<number, number>();
  for (let i = 0; i < columns.securityIds.length; i++) {
    const id = columns.securityIds[i] as number;
    weights.set(id, (weights.get(id) ?? 0) + (columns.weights[i] as number));
  }
  return weights;
}

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

/** Every pair (a < b) of `funds` (null: no holdings), with its `largest` common holdings. */
export function overlaps(funds: readonly (SnapshotColumns | null)[], largest: number): PairOverlap[] {
  const n = funds.length;
  const pairs: PairOverlap[] = [];
  const pairAt = (a: number, b: number) => pairs[a * n + b] as PairOverlap;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) pairs.push({ a, b, overlap: 0, commonHoldings: 0, largest: [] });
  }
  // Which funds hold each security, and at what weight.
  const holders = new Map<number, { fund: number; weight: number }[]>();
  funds.forEach((columns, fund) => {
    if (!columns) return;
    for (const [securityId, weight] of weightsBySecurity(columns)) {
      const list = holders.get(securityId);
      if (list) list.push({ fund, weight });
      else holders.set(securityId, [{ fund, weight }]);
    }
  });
  for (const [securityId, list] of holders) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      const x = list[i] as { fund: number; weight: number };
      for (let j = i + 1; j < list.length; j++) {
        const y = list[j] as { fund: number; weight: number };
        const [first, second] = x.fund < y.fund ? [x, y] : [y, x];
        const pair = pairAt(first.fund, second.fund);
        // Only positive weights overlap: a short position holds nothing in common.
        pair.overlap += Math.max(Math.min(first.weight, second.weight), 0);
        pair.commonHoldings++;
        if (largest > 0)
          keepLargest(pair.largest, { securityId, weightA: first.weight, weightB: second.weight }, largest);
      }
    }
  }
  const result: PairOverlap[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) result.push(pairAt(a, b));
  return result;
}

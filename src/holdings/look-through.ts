// Seeing through funds: a portfolio of ETFs (or one ETF) becomes the
// securities underneath, each ETF among the holdings replaced by its own
// holdings scaled by its weight, level by level. Each level's snapshots are
// read in one batch. An ETF on its own path (a cycle) or MAX_DEPTH levels
// down stays a holding of its own, as does one without holdings. The work is
// bounded before it is done: a snapshot's size is known before its positions
// are read, and a walk that would read more positions than the request may
// cost is refused.
import type { IsoDate } from '../dates.js';
import { queryTooCostly } from '../errors.js';
import type { HoldingsLoaders } from './holdings-loaders.js';
import type { ExposureKey } from './read-holdings.js';

/** Levels of funds of funds seen through; real ones nest one or two deep. */
export const MAX_DEPTH = 4;

export type WalkRoot = { etfId: number; weight: number };

/** What is underneath: weights in percent of the whole portfolio (or fund). */
export type LookThroughResult = {
  /** Weight per security, largest first. */
  securities: { securityId: number; weight: number }[];
  /** Weight and positions per value of the grouping column (null: not given). */
  slices: { key: string | null; weight: number; holdings: number }[];
  /** Root ETFs with no holdings on or before the date: their weight is in the null slice. */
  withoutHoldings: number[];
  /** The latest as-of date among the snapshots read. */
  asOf: IsoDate | null;
  /** Positions read. */
  positionsRead: number;
};

type Work = { etfId: number; scale: number; path: readonly number[] };

export async function lookThrough(
  loaders: HoldingsLoaders,
  roots: readonly WalkRoot[],
  options: { asOf: IsoDate | null; key: ExposureKey | null; depth: number; maxPositions: number },
): Promise<LookThroughResult> {
  const securities = new Map<number, number>();
  const slices = new Map<string | null, { weight: number; holdings: number }>();
  const addSlice = (key: string | null, weight: number) => {
    const slice = slices.get(key);
    if (slice) {
      slice.weight += weight;
      slice.holdings++;
    } else slices.set(key, { weight, holdings: 1 });
  };
  const withoutHoldings: number[] = [];
  let positionsRead = 0;
  let asOf: IsoDate | null = null;
  let level: Work[] = roots.map((root) => ({ etfId: root.etfId, scale: root.weight / 100, path: [root.etfId] }));
  for (let depth = 0; level.length > 0; depth++) {
    const snapshots = await loaders.snapshots(options.asOf).loadMany(level.map((work) => work.etfId));
    const next: Work[] = [];
    const read: { work: Work; snapshotId: number }[] = [];
    level.forEach((work, i) => {
      const snapshot = snapshots[i];
      if (snapshot instanceof Error) throw snapshot;
      if (!snapshot) {
        if (depth === 0) {
          withoutHoldings.push(work.etfId);
          addSlice(null, work.scale * 100);
        }
        return;
      }
      positionsRead += snapshot.positionCount;
      if (asOf === null || snapshot.asOf > asOf) asOf = snapshot.asOf;
      read.push({ work, snapshotId: snapshot.id });
    });
    if (positionsRead > options.maxPositions) {
      throw queryTooCostly(
        `Seeing through these funds would read more than ${options.maxPositions} holdings: ask for fewer ETFs or fewer levels.`,
        { limit: options.maxPositions },
      );
    }
    const columns = await loaders.columns(options.key).loadMany(read.map((entry) => entry.snapshotId));
    // The funds among these positions that have holdings to see through (one batch).
    const named = new Set<number>();
    if (depth < options.depth) {
      for (const snapshot of columns) {
        if (snapshot instanceof Error) throw snapshot;
        for (const fund of snapshot.etfIds) if (fund !== 0) named.add(fund);
      }
    }
    const seeThrough = new Set<number>();
    if (named.size > 0) {
      const ids = [...named];
      const found = await loaders.snapshots(options.asOf).loadMany(ids);
      found.forEach((snapshot, i) => {
        if (snapshot instanceof Error) throw snapshot;
        if (snapshot) seeThrough.add(ids[i] as number);
      });
    }
    read.forEach(({ work }, i) => {
      const { securityIds, weights, etfIds, keys } = columns[i] as Exclude<(typeof columns)[number], Error>;
      for (let p = 0; p < securityIds.length; p++) {
        const weight = (weights[p] as number) * work.scale;
        const fund = etfIds[p] as number;
        if (fund !== 0 && seeThrough.has(fund) && !work.path.includes(fund)) {
          next.push({ etfId: fund, scale: weight / 100, path: [...work.path, fund] });
          continue;
        }
        const securityId = securityIds[p] as number;
        securities.set(securityId, (securities.get(securityId) ?? 0) + weight);
        if (options.key) addSlice(keys[p] ?? null, weight);
      }
    });
    level = next;
  }
  return {
    securities: [...securities]
      .map(([securityId, weight]) => ({ securityId, weight }))
      .sort((a, b) => b.weight - a.weight),
    slices: [...slices].map(([key, slice]) => ({ key, ...slice })).sort((a, b) => b.weight - a.weight),
    withoutHoldings,
    asOf,
    positionsRead,
  };
}

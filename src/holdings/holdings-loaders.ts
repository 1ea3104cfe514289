// Holdings reads batched per request: the snapshots of every ETF a request
// asks about (one statement per as-of date), then their pages or columns (one
// statement per page shape or grouping). Twenty ETFs' holdings cost a
// constant number of statements, however they are nested in the query.
import DataLoader from 'dataloader';
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { type EtfReads, keyedLoaders } from '../db/keyed-loaders.js';
import { findEtfsById } from '../etfs/find-etfs.js';
import type { Etf } from '../generated/prisma/client.js';
import {
  type ExposureKey,
  type HoldingRow,
  readHoldingPages,
  readSecurities,
  readSnapshotColumns,
  readSnapshots,
  type SecurityRow,
  type Snapshot,
  type SnapshotColumns,
} from './read-holdings.js';

export type HoldingsLoaders = {
  /** Each ETF's snapshot on or before asOf (latest when null); null when it has none. */
  snapshots(asOf: IsoDate | null): DataLoader<number, Snapshot | null>;
  /** Positions of snapshots after a position, `first` at most. */
  pages(after: number, first: number): DataLoader<number, HoldingRow[]>;
  /** Whole snapshots in columns, with a grouping column when `key` is given. */
  columns(key: ExposureKey | null): DataLoader<number, SnapshotColumns>;
  /** ETFs by id: the funds holdings and holders name. */
  etfs: DataLoader<number, Etf | null>;
  /** Securities by id. */
  securities: DataLoader<number, SecurityRow | null>;
};

const EMPTY: SnapshotColumns = { securityIds: [], weights: [], etfIds: [], keys: [] };

/** Loaders keyed by snapshot id: snapshots never change once written, so nothing here notes ETF reads. */
function bySnapshot<Args, Value>(
  keyOf: (args: Args) => string,
  batch: (args: Args, ids: readonly number[]) => Promise<Map<number, Value>>,
  missing: () => Value,
): (args: Args) => DataLoader<number, Value> {
  const loaders = new Map<string, DataLoader<number, Value>>();
  return (args) => {
    const key = keyOf(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const values = await batch(args, ids);
        return ids.map((id) => values.get(id) ?? missing());
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

export function createHoldingsLoaders(pool: pg.Pool, noteReads: EtfReads): HoldingsLoaders {
  const snapshots = keyedLoaders(
    (asOf: IsoDate | null) => asOf ?? '',
    (asOf, etfIds) => readSnapshots(pool, etfIds, asOf),
    () => null,
    noteReads,
  );
  const pages = bySnapshot(
    (page: { after: number; first: number }) => `${page.after}|${page.first}`,
    (page, ids) => readHoldingPages(pool, ids, page.after, page.first),
    () => [],
  );
  const columns = bySnapshot(
    (key: ExposureKey | null) => key ?? '',
    (key, ids) => readSnapshotColumns(pool, ids, key),
    () => EMPTY,
  );
  return {
    snapshots,
    pages: (after, first) => pages({ after, first }),
    columns,
    etfs: new DataLoader(async (ids) => {
      noteReads(ids);
      const found = new Map((await findEtfsById(pool, ids)).map((etf) => [etf.id, etf]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    securities: new DataLoader(async (ids) => {
      const found = await readSecurities(pool, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

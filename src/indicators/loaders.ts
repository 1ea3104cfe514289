// Batched inputs of the indicator fields: stored columns per daily window,
// whole price histories (up to `to`, per interval) for indicators computed on
// demand, and the ids of the benchmarks they name. Each distinct key costs one SQL statement for all ETFs of a request;
// the histories count against the request's read budget.
import DataLoader from 'dataloader';
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { type EtfReads, keyedLoaders } from '../db/keyed-loaders.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import type { ReadBudget } from '../limits/read-budget.js';
import { BAR_FIELDS } from '../prices/bar-fields.js';
import { type BarWindow, barWindowKey, type Interval } from '../prices/bar-window.js';
import { emptyHistory, type History } from '../prices/history.js';
import { readBars } from '../prices/read-bars.js';
import { readStored, type StoredColumns } from './stored/read-stored.js';

type StoredLoader = { load(etfId: number, columns: readonly string[]): Promise<StoredColumns> };

export type IndicatorLoaders = {
  stored(window: BarWindow): StoredLoader;
  history(interval: Interval, to: IsoDate | null, adjusted: boolean): DataLoader<number, History>;
  /** ETF ids by upper-case ticker (null when unknown), for the benchmarks that indicators name. */
  etfIdByTicker: DataLoader<string, number | null>;
};

type HistoryKey = { interval: Interval; to: IsoDate | null; adjusted: boolean };

export function createIndicatorLoaders(pool: pg.Pool, reads: ReadBudget, noteReads: EtfReads): IndicatorLoaders {
  const history = keyedLoaders(
    (key: HistoryKey) => `${key.interval}|${key.to ?? ''}|${key.adjusted}`,
    (key: HistoryKey, etfIds) =>
      reads.read(async (maxRows) => {
        const histories = await readBars(pool, etfIds, { ...key, from: null, last: null }, BAR_FIELDS, maxRows);
        let rows = 0;
        for (const history of histories.values()) rows += history.dates.length;
        return { value: histories, rows };
      }),
    () => emptyHistory(0),
    noteReads,
  );
  return {
    stored: storedLoaders(pool, noteReads),
    history: (interval, to, adjusted) => history({ interval, to, adjusted }),
    etfIdByTicker: new DataLoader(async (tickers) => {
      const ids = new Map((await findEtfsByTicker(pool, tickers)).map((etf) => [etf.ticker, etf.id]));
      return tickers.map((ticker) => ids.get(ticker) ?? null);
    }),
  };
}

/**
 * One batch per window and tick, reading the union of the columns its fields
 * asked for: sma(50), rsi and macd of ten ETFs are one statement of four
 * columns. Not cached across ticks: a later field may want other columns.
 */
function storedLoaders(pool: pg.Pool, noteReads: EtfReads): (window: BarWindow) => StoredLoader {
  const byWindow = new Map<string, StoredLoader>();
  return (window) => {
    const key = barWindowKey(window);
    let loader = byWindow.get(key);
    if (!loader) {
      const columns = new Set<string>();
      const batches = new DataLoader<number, StoredColumns>(
        async (etfIds) => {
          const wanted = [...columns];
          columns.clear();
          noteReads(etfIds);
          // Not cached, so an ETF comes once per field that asked: read it once.
          const read = await readStored(pool, [...new Set(etfIds)], window, wanted);
          return etfIds.map((id) => read.get(id) as StoredColumns);
        },
        { cache: false },
      );
      loader = {
        load(etfId, wanted) {
          for (const column of wanted) columns.add(column);
          return batches.load(etfId);
        },
      };
      byWindow.set(key, loader);
    }
    return loader;
  };
}

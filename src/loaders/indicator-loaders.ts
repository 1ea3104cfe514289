// Batched inputs of the indicator fields: persisted rows per daily window, and
// whole price histories (up to `to`, per interval) for indicators computed on
// demand. Each distinct key costs one SQL statement for all ETFs of a request.
import DataLoader from 'dataloader';
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import type { Bars } from '../indicators/series.js';
import { type PersistedRow, readPersisted } from '../persisted-indicators/read-persisted.js';
import { type BarWindow, barWindowKey, type Interval } from '../prices/bar-window.js';
import { readBars } from '../prices/read-bars.js';

export type History = { dates: IsoDate[]; bars: Bars };

export type IndicatorLoaders = {
  persisted(window: BarWindow): DataLoader<number, PersistedRow[]>;
  history(interval: Interval, to: IsoDate | null): DataLoader<number, History>;
};

export function createIndicatorLoaders(pool: pg.Pool): IndicatorLoaders {
  const persisted = new Map<string, DataLoader<number, PersistedRow[]>>();
  const histories = new Map<string, DataLoader<number, History>>();
  return {
    persisted(window) {
      const key = barWindowKey(window);
      let loader = persisted.get(key);
      if (!loader) {
        loader = new DataLoader(async (etfIds) => {
          const rows = await readPersisted(pool, etfIds, window);
          return etfIds.map((id) => rows.get(id) ?? []);
        });
        persisted.set(key, loader);
      }
      return loader;
    },
    history(interval, to) {
      const key = `${interval}|${to ?? ''}`;
      let loader = histories.get(key);
      if (!loader) {
        loader = new DataLoader(async (etfIds) => {
          const bars = await readBars(pool, etfIds, { interval, to, from: null, last: null });
          return etfIds.map((id) => toColumns(bars.get(id) ?? []));
        });
        histories.set(key, loader);
      }
      return loader;
    },
  };
}

function toColumns(
  rows: { date: IsoDate; open: number; high: number; low: number; close: number; volume: number }[],
): History {
  const length = rows.length;
  const history: History = {
    dates: new Array(length),
    bars: {
      open: new Float64Array(length),
      high: new Float64Array(length),
      low: new Float64Array(length),
      close: new Float64Array(length),
      volume: new Float64Array(length),
    },
  };
  rows.forEach((row, t) => {
    history.dates[t] = row.date;
    history.bars.open[t] = row.open;
    history.bars.high[t] = row.high;
    history.bars.low[t] = row.low;
    history.bars.close[t] = row.close;
    history.bars.volume[t] = row.volume;
  });
  return history;
}

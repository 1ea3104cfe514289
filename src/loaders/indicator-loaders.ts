// Batched inputs of the indicator fields: persisted rows per daily window, and
// whole price histories (up to `to`, per interval) for indicators computed on
// demand. Each distinct key costs one SQL statement for all ETFs of a request.
import type DataLoader from 'dataloader';
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { type PersistedRow, readPersisted } from '../persisted-indicators/read-persisted.js';
import { type BarWindow, barWindowKey, type Interval } from '../prices/bar-window.js';
import { emptyHistory, type History } from '../prices/history.js';
import { readBars } from '../prices/read-bars.js';
import { keyedLoaders } from './keyed-loaders.js';

export type IndicatorLoaders = {
  persisted(window: BarWindow): DataLoader<number, PersistedRow[]>;
  history(interval: Interval, to: IsoDate | null, adjusted: boolean): DataLoader<number, History>;
};

type HistoryKey = { interval: Interval; to: IsoDate | null; adjusted: boolean };

export function createIndicatorLoaders(pool: pg.Pool): IndicatorLoaders {
  const persisted = keyedLoaders(
    barWindowKey,
    (window, etfIds) => readPersisted(pool, etfIds, window),
    () => [],
  );
  const history = keyedLoaders(
    (key: HistoryKey) => `${key.interval}|${key.to ?? ''}|${key.adjusted}`,
    (key: HistoryKey, etfIds) => readBars(pool, etfIds, { ...key, from: null, last: null }),
    () => emptyHistory(0),
  );
  return { persisted, history: (interval, to, adjusted) => history({ interval, to, adjusted }) };
}

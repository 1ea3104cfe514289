// Price bars per ETF, batched: all `prices`, `series` and `latestPrice` fields of
// one request that share a window become one SQL statement, whatever the number
// of ETFs. Bars travel in columns (History); the object form is built from them.
import type DataLoader from 'dataloader';
import type pg from 'pg';
import { type EtfReads, keyedLoaders } from '../db/keyed-loaders.js';
import { BAR_FIELDS, type BarField } from './bar-fields.js';
import { type BarWindow, barWindowKey } from './bar-window.js';
import { emptyHistory, type History } from './history.js';
import { readBars } from './read-bars.js';

/** Loaders by window and the bar columns a field selects (all when not given). */
export type PriceBarLoaders = (window: BarWindow, fields?: readonly BarField[]) => DataLoader<number, History>;

type Key = { window: BarWindow; fields: readonly BarField[] };

export function createPriceBarLoaders(pool: pg.Pool, noteReads: EtfReads): PriceBarLoaders {
  const loaders = keyedLoaders(
    (key: Key) => `${barWindowKey(key.window)}|${key.fields.join(',')}`,
    (key, etfIds) => readBars(pool, etfIds, key.window, key.fields),
    () => emptyHistory(0),
    noteReads,
  );
  return (window, fields = BAR_FIELDS) => loaders({ window, fields });
}

// Price bars per ETF, batched: all `prices` fields of one request that share a
// window become one SQL statement, whatever the number of ETFs.
import type DataLoader from 'dataloader';
import type pg from 'pg';
import { type BarWindow, barWindowKey } from '../prices/bar-window.js';
import { type PriceBar, readBars } from '../prices/read-bars.js';
import { keyedLoaders } from './keyed-loaders.js';

export type PriceBarLoaders = (window: BarWindow) => DataLoader<number, PriceBar[]>;

export function createPriceBarLoaders(pool: pg.Pool): PriceBarLoaders {
  return keyedLoaders(
    barWindowKey,
    (window, etfIds) => readBars(pool, etfIds, window),
    () => [],
  );
}

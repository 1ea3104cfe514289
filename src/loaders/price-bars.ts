// Price bars per ETF, batched: all `prices` fields of one request that share a
// window become one SQL statement, whatever the number of ETFs.
import DataLoader from 'dataloader';
import type pg from 'pg';
import { type BarWindow, barWindowKey } from '../prices/bar-window.js';
import { type PriceBar, readBars } from '../prices/read-bars.js';

export type PriceBarLoaders = (window: BarWindow) => DataLoader<number, PriceBar[]>;

export function createPriceBarLoaders(pool: pg.Pool): PriceBarLoaders {
  const loaders = new Map<string, DataLoader<number, PriceBar[]>>();
  return (window) => {
    const key = barWindowKey(window);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (etfIds) => {
        const bars = await readBars(pool, etfIds, window);
        return etfIds.map((id) => bars.get(id) ?? []);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

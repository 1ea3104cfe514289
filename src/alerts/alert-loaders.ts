// The delivery attempts of a page of events, in one statement.
import DataLoader from 'dataloader';
import type pg from 'pg';
import { type DeliveryRow, deliveriesOf } from './alert-store.js';

export type AlertLoaders = { deliveries: DataLoader<string, DeliveryRow[]> };

export function createAlertLoaders(pool: pg.Pool): AlertLoaders {
  return {
    deliveries: new DataLoader(async (eventIds) => {
      const found = await deliveriesOf(pool, eventIds);
      return eventIds.map((id) => found.get(id) ?? []);
    }),
  };
}

// Cursors of a screen's pages: the sort keys of the last edge (the ordered
// metrics' values, then the ticker, which is unique), so the next page starts
// after that edge whatever was added or removed meanwhile. A cursor names the
// order it was made for; one from another order is refused, not misread.
import { badInput } from '../errors.js';
import type { ScreenOrder } from './screen-filter.js';

export type CursorKeys = { values: (number | null)[]; ticker: string };

const orderSignature = (order: readonly ScreenOrder[]) =>
  order.map((key) => `${key.metric}${key.descending ? '-' : '+'}`).join(',');

export function encodeCursor(order: readonly ScreenOrder[], keys: CursorKeys): string {
  return Buffer.from(JSON.stringify({ o: orderSignature(order), v: keys.values, t: keys.ticker })).toString(
    'base64url',
  );
}

const refused = (message: string) => badInput([{ path: 'after', message }]);

export function decodeCursor(order: readonly ScreenOrder[], cursor: string): CursorKeys {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused('is not a cursor of this screen');
  }
  const { o, v, t } = (decoded ?? {}) as { o?: unknown; v?: unknown; t?: unknown };
  if (
    typeof t !== 'string' ||
    !Array.isArray(v) ||
    v.length !== order.length ||
    !v.every((value) => value === null || (typeof value === 'number' && Number.isFinite(value)))
  ) {
    throw refused('is not a cursor of this screen');
  }
  if (o !== orderSignature(order)) throw refused('comes from a screen with another orderBy');
  return { values: v as (number | null)[], ticker: t };
}

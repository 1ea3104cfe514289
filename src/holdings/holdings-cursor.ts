// A holdings page's cursor names its snapshot and the last position shown:
// the next page continues in that snapshot, or, if the snapshot was replaced
// meanwhile, says so instead of mixing two portfolios.
import { badInput } from '../errors.js';

const PREFIX = 'holding:';

export function holdingCursor(snapshotId: number, position: number): string {
  return Buffer.from(`${PREFIX}${snapshotId}:${position}`).toString('base64url');
}

/** The position a page starts after; refuses a cursor of another snapshot or none of ours. */
export function positionAfter(cursor: string | null | undefined, snapshotId: number): number {
  if (cursor == null) return 0;
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString() : '';
  const match = /^holding:(\d{1,10}):(\d{1,9})$/.exec(text);
  if (!match) throw badInput([{ path: 'after', message: 'is not a cursor of a holdings page' }]);
  if (Number(match[1]) !== snapshotId) {
    throw badInput([
      { path: 'after', message: 'the holdings it was given for have been replaced since: start from the first page' },
    ]);
  }
  return Number(match[2]);
}

// Positions in the primary's write-ahead log (LSNs), the one measure that a
// primary and its streaming replicas share: a replica has every commit whose
// position is at or below the position it has replayed.
import type pg from 'pg';

const PRIMARY_POSITION = '/* primary-wal-position */ SELECT pg_current_wal_lsn()::text AS lsn';
// NULL when not in recovery: a promoted standby is a primary of its own.
const REPLAYED_POSITION =
  '/* replica-wal-position */ SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn';

/** An LSN as PostgreSQL prints it ('16/B374D848'): the high and low 32 bits, in hex. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  if (!high || !low || !/^[0-9A-F]{1,8}$/i.test(high) || !/^[0-9A-F]{1,8}$/i.test(low)) {
    throw new Error(`not an LSN: ${text.slice(0, 40)}`);
  }
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Where the primary's WAL ends now: every commit acknowledged before this call is at or below it. */
export async function primaryPosition(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ lsn: string }>(PRIMARY_POSITION);
  return parseLsn(rows[0]?.lsn ?? '');
}

/** What a standby has replayed; null when the server is not a standby. */
export async function replayedPosition(db: Queryable): Promise<bigint | null> {
  const { rows } = await db.query<{ standby: boolean; lsn: string | null }>(REPLAYED_POSITION);
  const row = rows[0];
  return row?.standby && row.lsn ? parseLsn(row.lsn) : null;
}

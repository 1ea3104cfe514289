import type pg from 'pg';

/** The query in flight rejects with a connection's error; the listener only keeps the error event from crashing the process. */
const ignore = () => {};

/**
 * Runs `work` in one transaction on one pooled connection: all of it commits, or
 * none of it. A connection that fails (PostgreSQL stopped mid-transaction) is
 * destroyed rather than returned to the pool, and the caller gets the error
 * that stopped the work, not the failed ROLLBACK's.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // pg's pool listens for errors only on idle connections; a checked-out one
  // with no listener would take the process down when its server goes away.
  client.on('error', ignore);
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}

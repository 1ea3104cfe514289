// Keeping the stored indicators current after bars change: in the write's own
// transaction for small writes (the nightly update, a few days through
// loadPrices, a deletion), by a job for large ones (an import, a backfill), so
// that a bulk load commits its prices at close to COPY speed and the dashboard
// reads them at once. `etf.stored_indicators_through` says how far each ETF's
// stored set is current; a window past it is computed on demand, with the same
// kernels, so an answer is the same before and after the job has run.
import type pg from 'pg';
import { refreshAdjustmentFactors } from '../../corporate-actions/adjustment-factors.js';
import { addDays, type IsoDate } from '../../dates.js';
import { withTransaction } from '../../db/transaction.js';
import { lockEtfIds } from '../../etfs/lock-etf.js';
import { lastBarDate } from '../../prices/bar-dates.js';
import { EARLIEST_DATE } from '../../prices/validate-bars.js';
import { etfsWithActions, refreshStoredIndicatorsMany } from './refresh-stored.js';

/** Bars of one ETF changed by one write above which its stored indicators are left to a job. */
export const INLINE_REFRESH_MAX_BARS = 1_000;

/** The task that brings one ETF's stored indicators current (graphile-worker's identifier). */
export const REFRESH_TASK = 'refresh-stored-indicators';

export type BarsChange = {
  etfId: number;
  /** The first date whose bar was inserted, changed or deleted. */
  from: IsoDate;
  /** How many bars changed; unknown (a deletion) counts as few. */
  bars?: number;
};

const THROUGH = `/* stored-through */
  SELECT id, stored_indicators_through::text AS through FROM etf WHERE id = ANY($1)`;

// Through each ETF's last bar.
const MARK_CURRENT = `/* mark-stored-current */
  UPDATE etf e SET stored_indicators_through = l.last
  FROM (SELECT c.id, ${lastBarDate('c.id')} AS last FROM unnest($1::int[]) AS c(id)) l
  WHERE e.id = l.id AND e.stored_indicators_through IS DISTINCT FROM l.last`;

/**
 * Whether the stored set of the ETF row `e` stops before its last bar (an ETF
 * with bars and none stored lags too; one without bars never does). The one
 * rule for the job, start-up and the admins' report.
 */
const LAGS = `${lastBarDate('e.id')} > coalesce(e.stored_indicators_through, '-infinity')`;

// Current up to the day before the first changed bar at most (never stored: stays null).
const MARK_BEHIND = `/* mark-stored-behind */
  UPDATE etf e SET stored_indicators_through = LEAST(e.stored_indicators_through, c.from_date - 1)
  FROM unnest($1::int[], $2::date[]) AS c(id, from_date)
  WHERE e.id = c.id AND e.stored_indicators_through IS NOT NULL`;

// The stored rows the change made stale: none is ever read past the mark, and
// none is left for a later refresh to resume from.
const DELETE_STALE = `/* delete-stale-indicators */
  DELETE FROM daily_indicator i USING unnest($1::int[], $2::date[]) AS c(id, from_date)
  WHERE i.etf_id = c.id AND i.date >= c.from_date`;

// One job per ETF: its key replaces a job still waiting (ten loads, one run),
// and its own queue runs one at a time (never twice for one ETF at once).
// Committed, or rolled back, with the write.
const QUEUE = `/* queue-stored-refresh */
  SELECT graphile_worker.add_job(
    '${REFRESH_TASK}', json_build_object('etfId', c.id),
    queue_name => 'stored-indicators-' || c.id, job_key => 'stored-indicators-' || c.id, max_attempts => 10)
  FROM unnest($1::int[]) AS c(id)`;

/**
 * Runs in the write's transaction, the ETFs locked: refreshes the stored
 * indicators of small changes now, and queues those of large ones.
 */
export async function afterBarsChanged(client: pg.ClientBase, changes: readonly BarsChange[]): Promise<void> {
  const later = changes.filter((change) => (change.bars ?? 0) > INLINE_REFRESH_MAX_BARS);
  const now = changes.filter((change) => (change.bars ?? 0) <= INLINE_REFRESH_MAX_BARS);
  if (now.length > 0) await refreshNow(client, now);
  if (later.length > 0) await refreshLater(client, later);
}

/**
 * Refreshes from each change, or from where the stored set stops when that is
 * earlier (a job still pending); a change `from` null starts where it stops.
 */
async function refreshNow(
  client: pg.ClientBase,
  changes: readonly { etfId: number; from: IsoDate | null }[],
): Promise<void> {
  const ids = changes.map((change) => change.etfId);
  const { rows } = await client.query<{ id: number; through: IsoDate | null }>(THROUGH, [ids]);
  const through = new Map(rows.map((row) => [row.id, row.through]));
  await refreshStoredIndicatorsMany(
    client,
    changes.map((change) => {
      const stored = through.get(change.etfId);
      const resume = stored ? addDays(stored, 1) : EARLIEST_DATE;
      return {
        etfId: change.etfId,
        pricesChangedFrom: change.from !== null && change.from < resume ? change.from : resume,
      };
    }),
  );
  await client.query(MARK_CURRENT, [ids]);
}

async function refreshLater(client: pg.ClientBase, changes: readonly BarsChange[]): Promise<void> {
  const ids = changes.map((change) => change.etfId);
  const froms = changes.map((change) => change.from);
  await client.query(MARK_BEHIND, [ids, froms]);
  await client.query(DELETE_STALE, [ids, froms]);
  // Adjusted prices (not only indicators) read the adjustment factors, and a
  // changed close can change a dividend's factor or make it impossible: those
  // stay in the write, which they may refuse.
  for (const etfId of await etfsWithActions(client, ids)) await refreshAdjustmentFactors(client, etfId);
  await client.query(QUEUE, [ids]);
}

const DELETE_ADJUSTED = `/* delete-stale-adjusted */
  DELETE FROM daily_indicator WHERE etf_id = ANY($1::int[]) AND adjusted`;

/**
 * Runs in the write's transaction, the ETFs locked, after their splits or
 * dividends changed: every adjusted row of theirs is stale (the factors
 * rescale every earlier bar), their raw rows are not. Short histories are
 * recomputed now; long ones are left to a job as a large load is (marked
 * behind, their adjusted rows dropped, reads computing meanwhile), so that
 * fifty ETFs going ex on one day do not hold a nightly update for seconds.
 * Adjustment factors are brought up to the actions now either way.
 */
export async function refreshAfterActions(
  client: pg.ClientBase,
  changes: readonly { etfId: number; bars: number }[],
): Promise<void> {
  const later = changes.filter((change) => change.bars > INLINE_REFRESH_MAX_BARS).map((change) => change.etfId);
  const now = changes.filter((change) => change.bars <= INLINE_REFRESH_MAX_BARS);
  await refreshStoredIndicatorsMany(
    client,
    now.map((change) => ({ etfId: change.etfId, pricesChangedFrom: null })),
  );
  if (later.length === 0) return;
  await client.query(MARK_BEHIND, [later, later.map(() => EARLIEST_DATE)]);
  await client.query(DELETE_ADJUSTED, [later]);
  for (const etfId of later) await refreshAdjustmentFactors(client, etfId);
  await client.query(QUEUE, [later]);
}

const LAGGING_ETF = `/* stored-lags */ SELECT ${LAGS} AS lags FROM etf e WHERE e.id = $1`;

/** The job: brings one ETF's stored indicators current, from where they stop; whether there was anything to do. */
export async function bringCurrent(pool: pg.Pool, etfId: number): Promise<{ refreshed: boolean }> {
  return withTransaction(pool, async (client) => {
    await lockEtfIds(client, [etfId]);
    const { rows } = await client.query<{ lags: boolean | null }>(LAGGING_ETF, [etfId]);
    // Deleted meanwhile, or already current (a small write caught it up).
    if (rows[0]?.lags !== true) return { refreshed: false };
    await refreshNow(client, [{ etfId, from: null }]);
    return { refreshed: true };
  });
}

// ETFs whose stored set lags their bars: behind the mark, or with bars that have
// no stored row (written by hand, or before this version stored them).
const LAGGING = `/* etfs-lagging-indicators */
  SELECT e.id AS etf_id, coalesce(m.from_date, e.stored_indicators_through + 1, '${EARLIEST_DATE}')::text AS from_date
  FROM etf e
  LEFT JOIN (
    SELECT p.etf_id, min(p.date) AS from_date
    FROM daily_price p
    LEFT JOIN daily_indicator i ON i.etf_id = p.etf_id AND NOT i.adjusted AND i.date = p.date
    WHERE i.etf_id IS NULL
    GROUP BY p.etf_id
  ) m ON m.etf_id = e.id
  WHERE m.from_date IS NOT NULL OR ${LAGS}`;

/**
 * Queues a refresh for every ETF whose stored indicators lag its bars. Runs at
 * start-up (so a job lost with a dropped queue, or bars written by hand, are
 * caught up) and returns how many it queued: usually none, for one anti-join.
 */
export async function queueLaggingRefreshes(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ etf_id: number; from_date: IsoDate }>(LAGGING);
  if (rows.length === 0) return 0;
  await withTransaction(pool, async (client) => {
    const ids = rows.map((row) => row.etf_id);
    await lockEtfIds(client, ids);
    await client.query(MARK_BEHIND, [ids, rows.map((row) => row.from_date)]);
    await client.query(QUEUE, [ids]);
  });
  return rows.length;
}

const PROGRESS = `/* stored-indicator-progress */
  SELECT count(*) FILTER (WHERE x.lags IS NOT TRUE)::int AS current, count(*) FILTER (WHERE x.lags)::int AS behind
  FROM (SELECT ${LAGS} AS lags FROM etf e) x`;

/** How many ETFs have their stored indicators current, and how many lag (a job pending). */
export async function storedProgress(pool: pg.Pool): Promise<{ current: number; behind: number }> {
  const { rows } = await pool.query<{ current: number; behind: number }>(PROGRESS);
  return rows[0] ?? { current: 0, behind: 0 };
}

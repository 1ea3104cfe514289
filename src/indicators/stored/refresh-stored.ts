// Keeps daily_indicator current for one ETF after its prices or corporate
// actions changed. Rows before the first changed date cannot change (a value
// depends only on bars up to its date), so only the rows from that date on are
// recomputed, and incrementally: from the LOOKBACK bars before it and the
// stored row of the bar before it, which holds every recursive indicator's
// state. A full recomputation is the fallback when there is no such state
// (a short history, a series still warming up) and the rule when the
// adjustment factors changed, since those rescale every earlier adjusted bar.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { priceSource } from '../../corporate-actions/adjusted-source.js';
import { refreshAdjustmentFactors } from '../../corporate-actions/adjustment-factors.js';
import type { IsoDate } from '../../dates.js';
import { BinaryCopyWriter } from '../../db/binary-copy.js';
import type { PriceBar } from '../../prices/history.js';
import { toHistory } from '../../prices/history.js';
import { computeStoredColumns, LOOKBACK, STATE_COLUMNS, STORED_COLUMNS, type StoredRow } from './default-set.js';

// Every statement below works on a group of ETFs at once, so that a nightly
// append to 500 ETFs or an import of a long file costs a few statements per
// group, not a few per ETF. Groups bound the history held in memory: up to
// MAX_GROUP ETFs, fewer when their histories are long (a backfill), so that a
// group holds about ROWS_PER_GROUP bars whatever the size of the import.
const MAX_GROUP = 50;
const ROWS_PER_GROUP = 50_000;

// From LOOKBACK bars before each ETF's first changed date on (all of its bars
// when there are fewer, or when the date is -infinity). Bars before the change
// only feed windows of closes, so when the series resumes from stored state
// they come with their close alone: reading the tails is most of an append's cost.
const tails = (adjusted: boolean) => `/* indicator-tails${adjusted ? '-adjusted' : ''} */
  SELECT c.etf_id, b.date::text AS date, b.close,
         CASE WHEN s.start IS NULL OR b.date >= c.from_date THEN b.open END AS open,
         CASE WHEN s.start IS NULL OR b.date >= c.from_date THEN b.high END AS high,
         CASE WHEN s.start IS NULL OR b.date >= c.from_date THEN b.low END AS low,
         CASE WHEN s.start IS NULL OR b.date >= c.from_date THEN b.volume::float8 END AS volume
  FROM unnest($1::int[], $2::date[]) AS c(etf_id, from_date)
  CROSS JOIN LATERAL (
    SELECT (
      SELECT date FROM daily_price p WHERE p.etf_id = c.etf_id AND p.date < c.from_date
      ORDER BY p.date DESC OFFSET ${LOOKBACK - 1} LIMIT 1
    ) AS start
    OFFSET 0 -- computed once per ETF, not once per bar: keeps the planner from inlining it
  ) s
  CROSS JOIN LATERAL (
    SELECT date, open, high, low, close, volume FROM ${priceSource(adjusted, 'c.etf_id')}
    WHERE etf_id = c.etf_id AND date >= coalesce(s.start, '-infinity')
    ORDER BY date
  ) b
  ORDER BY c.etf_id, b.date`;
const TAILS = [tails(false), tails(true)] as const;

const STATES = `/* indicator-states */
  SELECT i.etf_id, ${STATE_COLUMNS.map((column) => `i.${column}`).join(', ')}
  FROM unnest($1::int[], $2::date[]) AS c(etf_id, date)
  JOIN daily_indicator i ON i.etf_id = c.etf_id AND i.adjusted = $3 AND i.date = c.date`;

// Rows from the first changed date on are deleted and written again with a
// binary COPY: for a backfill of thousands of rows that is several times
// faster than an upsert of arrays, and for an append it costs about the same.
// The LIMIT keeps the planner from flattening the LATERAL into a hash join over
// the whole table: each ETF's rows are found by one probe of the primary key
// (an append to 500 ETFs deletes in about a millisecond instead of a scan of
// millions of rows), then deleted by their tuple ids.
const DELETE_FROM = `/* delete-indicators-from */
  DELETE FROM daily_indicator WHERE ctid = ANY (ARRAY(
    SELECT d.ctid FROM unnest($1::int[], $2::date[]) AS c(etf_id, from_date)
    CROSS JOIN LATERAL (
      SELECT ctid FROM daily_indicator i
      WHERE i.etf_id = c.etf_id AND i.adjusted = $3 AND i.date >= c.from_date LIMIT ${Number.MAX_SAFE_INTEGER}
    ) d
  ))`;
const DROP_ADJUSTED =
  '/* delete-adjusted-indicators */ DELETE FROM daily_indicator WHERE etf_id = ANY($1) AND adjusted';
const COPY = `/* copy-indicators */ COPY daily_indicator (etf_id, adjusted, date, ${STORED_COLUMNS.join(', ')}) FROM STDIN BINARY`;
const WITH_ACTIONS = '/* etfs-with-actions */ SELECT DISTINCT etf_id FROM corporate_action WHERE etf_id = ANY($1)';

type IndicatorChange = {
  etfId: number;
  /** The first date whose raw bar was inserted, changed or deleted; null when only actions changed. */
  pricesChangedFrom: IsoDate | null;
};

/** Runs inside the caller's transaction, after the prices or actions were written. */
export async function refreshStoredIndicators(
  client: pg.ClientBase,
  etfId: number,
  change: Omit<IndicatorChange, 'etfId'>,
): Promise<void> {
  await refreshStoredIndicatorsMany(client, [{ etfId, ...change }]);
}

/** The same for many ETFs at once (one change per ETF). */
export async function refreshStoredIndicatorsMany(
  client: pg.ClientBase,
  changes: readonly IndicatorChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const raw = changes.filter((change) => change.pricesChangedFrom !== null);
  await refreshSeries(
    client,
    false,
    raw.map((change) => ({ etfId: change.etfId, from: change.pricesChangedFrom })),
  );

  const withActions = await etfsWithActions(
    client,
    changes.map((change) => change.etfId),
  );
  // Without actions the adjusted series is the raw one, served from the raw rows;
  // when the last action went, its adjusted rows go too.
  const dropped = changes.filter((change) => change.pricesChangedFrom === null && !withActions.has(change.etfId));
  if (dropped.length > 0) await client.query(DROP_ADJUSTED, [dropped.map((change) => change.etfId)]);

  const adjusted: SeriesChange[] = [];
  for (const change of changes) {
    if (!withActions.has(change.etfId)) continue;
    const adjustment = await refreshAdjustmentFactors(client, change.etfId);
    const whole = adjustment.factorsChanged || change.pricesChangedFrom === null;
    adjusted.push({ etfId: change.etfId, from: whole ? null : change.pricesChangedFrom });
  }
  await refreshSeries(client, true, adjusted);
}

/** The ETFs among `ids` that have splits or dividends: only they have an adjusted series of their own. */
export async function etfsWithActions(client: pg.ClientBase, ids: readonly number[]): Promise<Set<number>> {
  const { rows } = await client.query<{ etf_id: number }>(WITH_ACTIONS, [ids]);
  return new Set(rows.map((row) => row.etf_id));
}

/** One series (raw or adjusted) of one ETF, to recompute from `from` on, or whole when it is null. */
type SeriesChange = { etfId: number; from: IsoDate | null };

export async function refreshSeries(
  client: pg.ClientBase,
  adjusted: boolean,
  changes: readonly SeriesChange[],
): Promise<void> {
  // The first group is small: until one is read, the length of the histories is unknown.
  let size = 8;
  for (let i = 0; i < changes.length; i += size) {
    const rows = await refreshGroup(client, adjusted, changes.slice(i, i + size));
    const perEtf = rows / Math.min(size, changes.length - i);
    size = Math.max(1, Math.min(MAX_GROUP, Math.floor(ROWS_PER_GROUP / Math.max(perEtf, 1))));
  }
}

type Work = { etfId: number; rows: PriceBar[]; from: number; state?: StoredRow };
/** A row of TAILS: open, high, low and volume are null for the closes-only bars before a resumed change. */
type TailRow = [etfId: number, date: IsoDate, close: number, open: number, high: number, low: number, volume: number];

async function readTails(client: pg.ClientBase, adjusted: boolean, changes: readonly SeriesChange[]) {
  // Rows as arrays: a job reads millions, and one object per bar (not two) halves the garbage.
  const { rows } = await client.query<TailRow>({
    text: TAILS[adjusted ? 1 : 0],
    values: [changes.map((change) => change.etfId), changes.map((change) => change.from ?? '-infinity')],
    rowMode: 'array',
  });
  const byEtf = new Map<number, PriceBar[]>(changes.map((change) => [change.etfId, []]));
  for (const [etfId, date, close, open, high, low, volume] of rows) {
    byEtf.get(etfId)?.push({ date, open, high, low, close, volume } as PriceBar);
  }
  return byEtf;
}

/** Returns the number of bars it read, to size the next group. */
async function refreshGroup(client: pg.ClientBase, adjusted: boolean, changes: readonly SeriesChange[]) {
  if (changes.length === 0) return 0;
  const tailsByEtf = await readTails(client, adjusted, changes);
  const work: Work[] = [];
  for (const change of changes) {
    const rows = tailsByEtf.get(change.etfId) ?? [];
    const from = change.from === null ? 0 : rows.findIndex((row) => row.date >= (change.from as IsoDate));
    if (from !== -1 && rows.length > 0) work.push({ etfId: change.etfId, rows, from });
  }
  if (work.length === 0) return 0;

  // Recursive indicators carry on from the stored row of the bar before the change.
  const resumable = work.filter((item) => item.from >= LOOKBACK);
  if (resumable.length > 0) {
    const states = await client.query<StoredRow & { etf_id: number }>(STATES, [
      resumable.map((item) => item.etfId),
      resumable.map((item) => (item.rows[item.from - 1] as PriceBar).date),
      adjusted,
    ]);
    const byEtf = new Map(states.rows.map((row) => [row.etf_id, row]));
    for (const item of resumable) {
      const state = byEtf.get(item.etfId);
      if (state && STATE_COLUMNS.every((column) => state[column] != null)) item.state = state;
    }
    // No usable state before the change (rows missing, or written before this
    // series existed): recompute and rewrite those ETFs' whole histories.
    const whole = resumable.filter((item) => item.state === undefined);
    if (whole.length > 0) {
      const full = await readTails(
        client,
        adjusted,
        whole.map((item) => ({ etfId: item.etfId, from: null })),
      );
      for (const item of whole) {
        item.rows = full.get(item.etfId) ?? [];
        item.from = 0;
      }
    }
  }

  await client.query(DELETE_FROM, [
    work.map((item) => item.etfId),
    work.map((item) => (item.rows[item.from] as PriceBar).date),
    adjusted,
  ]);
  await pipeline(Readable.from(copyRows(work, adjusted)), client.query(copyFrom(COPY)));
  return work.reduce((sum, item) => sum + item.rows.length, 0);
}

/** Binary COPY data for each ETF's rows `from` on; NaN (warm-up, 0/0) is stored as NULL. */
function* copyRows(work: readonly Work[], adjusted: boolean) {
  const writer = new BinaryCopyWriter();
  for (const item of work) {
    const { dates, bars } = toHistory(item.rows);
    const computed = computeStoredColumns(bars, item.from, item.state);
    const columns = STORED_COLUMNS.map((column) => computed.get(column) as Float64Array);
    for (let t = item.from; t < dates.length; t++) writer.row(item.etfId, adjusted, dates[t] as string, columns, t);
    yield* writer.take();
  }
  yield* writer.end();
}

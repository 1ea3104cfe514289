// Reads from streaming replicas (DATABASE_REPLICA_URLS). Their health is
// checked in the background, never per request, so choosing where a query
// reads is a lookup in memory:
// - Every CHECK_INTERVAL_MS, the primary's WAL position is sampled, then each
//   replica's replayed position. A replica that has replayed the primary's
//   position sampled at time t holds every commit made before t, so its lag is
//   at most now − t for the latest such t. Beyond REPLICA_MAX_LAG_SECONDS (or
//   unknown: no sample it has reached yet), it is skipped; one that does not
//   answer within CHECK_TIMEOUT_MS, or is not a standby (promoted), too.
// - Read-your-writes: after a caller's mutation, the primary's position is
//   remembered for that caller (write-positions.ts, shared with sibling
//   workers by write-position-relay.ts); its queries read from a replica only
//   once that replica is known to have replayed it, else from the primary.
import type pg from 'pg';
import { type DatabaseView, openView } from './database-view.js';
import { monitorConnection } from './monitor-connection.js';
import { primaryPosition, replayedPosition } from './wal-position.js';
import { joinWritePositionRelay, shareWritePosition } from './write-position-relay.js';
import { createWritePositions } from './write-positions.js';

const CHECK_INTERVAL_MS = 500;
const CHECK_TIMEOUT_MS = 2_000;
/** A checkout from a replica's pool fails after this rather than wait on a server that went silent. */
const REPLICA_CONNECT_TIMEOUT_MS = 5_000;

/** Where one request reads, and how far that database had replayed when it was chosen (null: the primary). */
export type ReadSource = { view: DatabaseView; name: string; replayed: bigint | null };

export type DatabaseState = {
  state: 'up' | 'starting' | 'lagging' | 'down' | 'not a standby';
  /** How far behind it may be, in seconds, as of its last check; absent when unknown. */
  lagSeconds?: number;
};

export type ReadRouting = {
  /** Where a query by `callers` reads: a healthy replica that has replayed their last write, else the primary. */
  sourceFor(callers: readonly string[]): ReadSource;
  /** `callers` wrote: resolves once every worker of this server routes their reads accordingly. */
  noteWrite(callers: readonly string[]): Promise<void>;
  /** Whether a read from `source` saw every commit made before `since` (a performance.now() time). */
  currentSince(source: ReadSource, since: number): boolean;
  /** Each replica as of its last check, by name (`replica-1`, …). */
  states(): Record<string, DatabaseState>;
  close(): Promise<void>;
};

type Replica = {
  name: string;
  view: DatabaseView;
  close(): Promise<void>;
  monitor: ReturnType<typeof monitorConnection>;
  state: DatabaseState;
  replayed: bigint;
};

/** The primary's WAL position at a time: `at` is when the query was sent, so the position covers every commit before it. */
type Sample = { at: number; position: bigint };

export function createReadRouting(options: {
  primary: DatabaseView;
  /** The primary's direct URL, for its monitor connection. */
  primaryUrl: string;
  urls: readonly string[];
  maxLagSeconds: number;
  /** Each replica's pool: the same per-process budget as the primary's. */
  poolSize: number;
  Client?: typeof pg.Client;
  /** The replicas too are reached through a transaction pooler: no named statements. */
  behindPooler?: boolean;
}): ReadRouting {
  const maxLagMs = options.maxLagSeconds * 1000;
  const primarySource: ReadSource = { view: options.primary, name: 'primary', replayed: null };
  const primaryMonitor = monitorConnection(options.primaryUrl, CHECK_TIMEOUT_MS);
  const positions = createWritePositions();
  joinWritePositionRelay((callers, position) => positions.note(callers, position));
  const samples: Sample[] = [];
  let routing = false;
  let lastPin = Number.NEGATIVE_INFINITY;

  const replicas: Replica[] = options.urls.map((url, index) => {
    const name = `replica-${index + 1}`;
    const { close, ...view } = openView(name, url, {
      max: options.poolSize,
      Client: options.Client,
      connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
      behindPooler: options.behindPooler,
    });
    // A pooled connection that breaks (the replica stopped) is news: check now, not at the next tick.
    view.pool.on('error', () => void check());
    return {
      name,
      view,
      close,
      monitor: monitorConnection(url, CHECK_TIMEOUT_MS),
      state: { state: 'starting' },
      replayed: 0n,
    };
  });

  /** Seconds since the latest sample the replica has reached; undefined when it has reached none kept. */
  const lagOf = (replayed: bigint, now: number): number | undefined => {
    for (let i = samples.length - 1; i >= 0; i--) {
      const sample = samples[i] as Sample;
      if (sample.position <= replayed) return (now - sample.at) / 1000;
    }
    return undefined;
  };

  async function sampleThePrimary() {
    const at = performance.now();
    try {
      const position = await primaryPosition(await primaryMonitor.client());
      const last = samples.at(-1);
      // An idle primary: the same position, known to hold at a later time.
      if (last?.position === position) last.at = at;
      else samples.push({ at, position });
      // Samples old enough that no replica within the lag limit needs them.
      while (samples.length > 1 && (samples[0] as Sample).at < at - maxLagMs - 4 * CHECK_INTERVAL_MS) samples.shift();
      if (!routing) {
        // Writes made before this process routed anything (through a process
        // that has since restarted, or a sibling worker): every read requires them.
        positions.raiseFloor(position);
        routing = true;
      }
      if (at > lastPin) positions.settle(position);
    } catch {
      primaryMonitor.reset();
    }
  }

  async function checkReplica(replica: Replica) {
    try {
      const replayed = await replayedPosition(await replica.monitor.client());
      if (replayed === null) {
        replica.state = { state: 'not a standby' };
        return;
      }
      replica.replayed = replayed;
      const now = performance.now();
      const lag = lagOf(replayed, now);
      const known = (samples[0]?.at ?? now) < now - maxLagMs;
      if (lag === undefined) replica.state = known ? { state: 'lagging' } : { state: 'starting' };
      else
        replica.state = {
          state: lag > options.maxLagSeconds ? 'lagging' : 'up',
          lagSeconds: Math.round(lag * 10) / 10,
        };
    } catch {
      replica.monitor.reset();
      replica.state = { state: 'down' };
    }
  }

  let checking: Promise<void> | null = null;
  const check = () => {
    checking ??= (async () => {
      // The primary first: a replica's lag is measured against samples taken before it answers.
      await sampleThePrimary();
      await Promise.all(replicas.map(checkReplica));
      let replayedByAll = replicas[0]?.replayed ?? 0n;
      for (const replica of replicas) if (replica.replayed < replayedByAll) replayedByAll = replica.replayed;
      positions.forgetReplayed(replayedByAll);
    })().finally(() => {
      checking = null;
    });
    return checking;
  };
  void check();
  const timer = setInterval(() => void check(), CHECK_INTERVAL_MS);
  timer.unref();

  let next = 0;
  return {
    sourceFor(callers) {
      const required = positions.required(callers);
      for (let i = 0; i < replicas.length; i++) {
        const replica = replicas[(next + i) % replicas.length] as Replica;
        if (replica.state.state === 'up' && replica.replayed >= required) {
          next = (next + i + 1) % replicas.length;
          return { view: replica.view, name: replica.name, replayed: replica.replayed };
        }
      }
      return primarySource;
    },
    async noteWrite(callers) {
      let position: bigint;
      try {
        position = await primaryPosition(options.primary.pool);
      } catch {
        // The write committed, but where it ended is unknown: the primary
        // serves these callers until the next sample says.
        lastPin = performance.now();
        positions.pin(callers);
        return;
      }
      positions.note(callers, position);
      await shareWritePosition(callers, position);
    },
    currentSince(source, since) {
      if (source.replayed === null) return true;
      // The earliest sample sent after `since`: its position covers every commit before it.
      let first: Sample | undefined;
      for (let i = samples.length - 1; i >= 0 && (samples[i] as Sample).at >= since; i--) first = samples[i];
      return first !== undefined && source.replayed >= first.position;
    },
    states: () => Object.fromEntries(replicas.map((replica) => [replica.name, replica.state])),
    async close() {
      clearInterval(timer);
      await checking?.catch(() => {});
      await primaryMonitor.close();
      await Promise.all(replicas.flatMap((replica) => [replica.monitor.close(), replica.close()]));
    },
  };
}

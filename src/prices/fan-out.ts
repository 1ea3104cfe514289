// One stream of notices, many subscribers, none of which can hold up the
// process or the others:
// - Notices are kept once, the last `backlog` of them, shared by every
//   subscriber; each subscriber is only a position among them. A subscriber
//   that stops reading (its socket backs up, so its stream stops asking for
//   events) costs nothing per notice, and when a notice it still wants is
//   about to be forgotten it is dropped: its last event says so, and its
//   stream ends. One that is asking is never dropped, nor one that asked
//   within STALLED_MS (its socket may have backed up for a moment): it is
//   behind only because delivery is paced (below), so a burst larger than the
//   backlog is kept until the subscribers that read have had it.
// - Delivery is off the path of the notice that causes it: publishing only
//   appends, and events go out in turns of at most DELIVERIES_PER_TURN, one
//   turn per pass of the event loop (setImmediate), so that a burst of notices
//   to many subscribers lets every other request through between turns. Each
//   subscriber gets at most one event per turn, so all progress together.
import { DomainError } from '../errors.js';
import { subscriptionsDropped, subscriptionsOpen } from '../metrics/metrics.js';

/** What each delivery starts (execution, serialization, a socket write) takes some 20-50 µs: a turn stays near 2 ms. */
const DELIVERIES_PER_TURN = 64;
/** Notices looked at (and passed over by a subscriber's filter) per turn, at most. */
const SCANS_PER_TURN = 10_000;
/** How long a subscriber may go without asking for an event before it counts as stalled. */
const STALLED_MS = 1000;

/** The last thing a dropped subscriber reads: why its stream ends. */
export class Dropped {
  constructor(readonly error: DomainError<'SUBSCRIBER_TOO_SLOW'>) {}
}

export type FanOutSubscription<T> = AsyncIterableIterator<T | Dropped>;

export type FanOut<T> = {
  publish(notice: T): void;
  /** `wants` picks this subscriber's notices; `onEnd` runs once, when it is closed or dropped. */
  subscribe(options: { wants(notice: T): boolean; onEnd?: () => void }): FanOutSubscription<T>;
};

type Member<T> = {
  /** The sequence number of the first notice it has not yet been offered. */
  position: number;
  wants(notice: T): boolean;
  /** Its pending next(), while it waits for a notice. */
  waiter: ((result: IteratorResult<T | Dropped>) => void) | null;
  state: 'open' | 'dropped' | 'closed';
  /** When it last asked for an event (performance.now()). */
  askedAt: number;
  /** Whether its Dropped event is still to be read. */
  owesDropped: boolean;
  queued: boolean;
  onEnd: () => void;
  signalDropped: () => void;
};

const dropped = new WeakMap<object, Promise<void>>();

/** Resolves when the subscription is dropped for being too slow; undefined for anything but a fan-out's subscription. */
export const whenDropped = (subscription: object): Promise<void> | undefined => dropped.get(subscription);

export function createFanOut<T>({ backlog }: { backlog: number }): FanOut<T> {
  /** The notices kept, from `kept[offset]` on: sequence numbers `first` to `end - 1`. */
  let kept: (T | undefined)[] = [];
  let offset = 0;
  let first = 0;
  let end = 0;
  const at = (position: number) => kept[offset + position - first] as T;
  const members = new Set<Member<T>>();
  /** Members with a pending next() and nothing left to be offered. */
  const idle = new Set<Member<T>>();
  /** Members with a pending next() and notices to be offered, in turn. */
  let queue: Member<T>[] = [];
  let head = 0;
  let scheduled = false;
  /** Set while trim waits to see whether a subscriber that stopped asking is stalled. */
  let recheck: NodeJS.Timeout | undefined;

  const finish = (member: Member<T>, state: 'dropped' | 'closed') => {
    if (member.state !== 'open') return;
    member.state = state;
    members.delete(member);
    idle.delete(member);
    subscriptionsOpen.dec();
    member.onEnd();
  };

  const drop = (member: Member<T>) => {
    finish(member, 'dropped');
    subscriptionsDropped.inc();
    member.owesDropped = true;
    const waiter = member.waiter;
    member.waiter = null;
    if (waiter) {
      member.owesDropped = false;
      waiter({ value: droppedEvent(), done: false });
    }
    member.signalDropped();
  };

  const droppedEvent = () =>
    new Dropped(
      new DomainError(
        'SUBSCRIBER_TOO_SLOW',
        `This subscription fell more than ${backlog} notices behind (its client stopped reading) and was closed: subscribe again, and refetch what you show.`,
        { limit: backlog },
      ),
    );

  const enqueue = (member: Member<T>) => {
    if (member.queued) return;
    member.queued = true;
    queue.push(member);
    schedule();
  };

  /** A turn is due while someone is queued, or more is kept than the backlog and no recheck is set (see trim). */
  const schedule = () => {
    if (scheduled) return;
    if (head >= queue.length && (end - first <= backlog || recheck)) return;
    scheduled = true;
    setImmediate(turn);
  };

  /** Offers each queued member its next wanted notice, within the turn's budget. */
  const turn = () => {
    scheduled = false;
    // Here, not after the deliveries below: whoever got one last turn has
    // written it and asked again by now, unless its socket is backed up.
    trim();
    let delivered = 0;
    let scanned = 0;
    while (head < queue.length && delivered < DELIVERIES_PER_TURN && scanned < SCANS_PER_TURN) {
      const member = queue[head++] as Member<T>;
      member.queued = false;
      if (member.state !== 'open' || !member.waiter) continue;
      let found: { notice: T } | undefined;
      while (member.position < end && scanned < SCANS_PER_TURN) {
        const notice = at(member.position);
        member.position++;
        scanned++;
        if (member.wants(notice)) {
          found = { notice };
          break;
        }
      }
      if (found) {
        const waiter = member.waiter;
        member.waiter = null;
        delivered++;
        waiter({ value: found.notice, done: false });
      } else if (member.position < end) {
        enqueue(member);
      } else {
        idle.add(member);
      }
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
    }
    schedule();
  };

  /** No member's position is below it: the notices before it are nobody's, and go without a look at anyone. */
  let floor = 0;

  /**
   * Forgets the oldest notices past the backlog, and drops the subscribers
   * that still wanted them and have stalled; stops at one that has not.
   */
  const trim = () => {
    while (end - first > backlog) {
      if (first < floor) {
        forgetOldest();
        continue;
      }
      const notice = at(first);
      const now = performance.now();
      let needed = false;
      let recheckIn = Number.POSITIVE_INFINITY;
      let lowest = end;
      for (const member of members) {
        if (member.position === first) {
          const quiet = now - member.askedAt;
          if (!member.wants(notice)) member.position++;
          else if (member.waiter) needed = true;
          else if (quiet < STALLED_MS) {
            needed = true;
            recheckIn = Math.min(recheckIn, STALLED_MS - quiet);
          } else {
            drop(member);
            continue;
          }
        }
        lowest = Math.min(lowest, member.position);
      }
      floor = lowest;
      if (needed) {
        if (recheckIn < Number.POSITIVE_INFINITY && !recheck) {
          recheck = setTimeout(() => {
            recheck = undefined;
            trim();
            schedule();
          }, recheckIn + 1);
          recheck.unref();
        }
        return;
      }
      forgetOldest();
    }
  };

  const forgetOldest = () => {
    kept[offset] = undefined;
    offset++;
    first++;
    if (offset > 1024 && offset * 2 > kept.length) {
      kept = kept.slice(offset);
      offset = 0;
    }
  };

  return {
    publish(notice) {
      kept.push(notice);
      end++;
      trim();
      for (const member of idle) enqueue(member);
      idle.clear();
      schedule();
    },

    subscribe({ wants, onEnd = () => {} }) {
      let signalDropped = () => {};
      const member: Member<T> = {
        position: end,
        wants,
        waiter: null,
        state: 'open',
        askedAt: performance.now(),
        owesDropped: false,
        queued: false,
        onEnd,
        signalDropped: () => signalDropped(),
      };
      members.add(member);
      subscriptionsOpen.inc();
      const close = (): IteratorResult<T | Dropped> => {
        finish(member, 'closed');
        const waiter = member.waiter;
        member.waiter = null;
        waiter?.({ value: undefined, done: true });
        return { value: undefined, done: true };
      };
      const subscription: FanOutSubscription<T> = {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          if (member.owesDropped) {
            member.owesDropped = false;
            return Promise.resolve({ value: droppedEvent(), done: false });
          }
          if (member.state !== 'open' || member.waiter) return Promise.resolve({ value: undefined, done: true });
          member.askedAt = performance.now();
          return new Promise((resolve) => {
            member.waiter = resolve;
            if (member.position < end) enqueue(member);
            else idle.add(member);
          });
        },
        return: async () => close(),
        throw: async () => close(),
      };
      dropped.set(
        subscription,
        new Promise((resolve) => {
          signalDropped = resolve;
        }),
      );
      return subscription;
    },
  };
}

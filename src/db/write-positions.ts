// Read-your-writes: after a caller's write, the primary's WAL position is
// remembered for that caller, and its reads go to a replica only once the
// replica has replayed that far (else to the primary). Memory is bounded:
// a position every replica has replayed is forgotten, and when too many
// callers wrote recently the oldest entry is folded into a floor that every
// caller's reads then require, which errs towards the primary, never towards
// stale data. The floor starts at the primary's position when the process
// starts, so writes made through a process that has since restarted (or a
// sibling worker) are covered too.

export type WritePositions = {
  /** The WAL position a replica must have replayed to serve a read by any of `callers`. */
  required(callers: readonly string[]): bigint;
  /** `callers` wrote: their reads must see the primary as of `position`. */
  note(callers: readonly string[], position: bigint): void;
  /**
   * `callers` wrote, but the primary's position could not be read: their reads
   * go to the primary until `settle` gives the next position read.
   */
  pin(callers: readonly string[]): void;
  /** The primary is at `position`, read after every pin: pinned callers require it from now on. */
  settle(position: bigint): void;
  /** Every read requires at least `position` (the primary's, when this process began routing). */
  raiseFloor(position: bigint): void;
  /** Every replica has replayed `position`: what is at or below it no longer constrains anyone. */
  forgetReplayed(position: bigint): void;
  size(): number;
};

const MAX_CALLERS = 100_000;
/** Beyond any WAL position: no replica reaches it. */
const UNREACHED = (1n << 64n) - 1n;

export function createWritePositions(maxCallers = MAX_CALLERS): WritePositions {
  const positions = new Map<string, bigint>();
  const pinned = new Set<string>();
  let floor = 0n;
  const note = (callers: readonly string[], position: bigint) => {
    for (const caller of callers) {
      const known = positions.get(caller);
      if (known !== undefined && known >= position) continue;
      // Re-inserted, so that the map's order is the order of last writes.
      positions.delete(caller);
      if (positions.size >= maxCallers) {
        const [oldest, at] = positions.entries().next().value as [string, bigint];
        positions.delete(oldest);
        pinned.delete(oldest);
        if (at !== UNREACHED && at > floor) floor = at;
      }
      positions.set(caller, position);
    }
  };
  return {
    required(callers) {
      let required = floor;
      for (const caller of callers) {
        const position = positions.get(caller);
        if (position !== undefined && position > required) required = position;
      }
      return required;
    },
    note,
    pin(callers) {
      note(callers, UNREACHED);
      for (const caller of callers) pinned.add(caller);
    },
    settle(position) {
      for (const caller of pinned) if (positions.get(caller) === UNREACHED) positions.set(caller, position);
      pinned.clear();
    },
    raiseFloor(position) {
      if (position > floor) floor = position;
    },
    forgetReplayed(position) {
      for (const [caller, at] of positions) if (at <= position) positions.delete(caller);
    },
    size: () => positions.size,
  };
}

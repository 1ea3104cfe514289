// How many subscriptions a caller may hold open at once, and the server in
// all: each is a socket and a place in every notice's fan-out, so one client
// holding hundreds would take a share of every notice's work from the rest.
// Counted per process (a subscription lives on one), per principal for a
// credential and per address without one.
import { DomainError } from '../errors.js';

export type SubscriptionLimits = { perCaller: number; perAddress: number; total: number };

/** Gives its slot back; a second call does nothing. */
export type Release = () => void;

export type SubscriptionSlots = {
  /** A slot for `caller` (its key: src/auth/caller.ts), or TOO_MANY_SUBSCRIPTIONS. */
  take(caller: { key: string; anonymous: boolean }): Release;
};

export function createSubscriptionSlots(limits: SubscriptionLimits): SubscriptionSlots {
  const held = new Map<string, number>();
  let total = 0;
  return {
    take({ key, anonymous }) {
      const limit = anonymous ? limits.perAddress : limits.perCaller;
      const mine = held.get(key) ?? 0;
      if (mine >= limit) {
        throw new DomainError(
          'TOO_MANY_SUBSCRIPTIONS',
          `At most ${limit} subscriptions may be open at once ${anonymous ? 'from one address without credentials' : 'per API key or user'}: close one first.`,
          { limit },
        );
      }
      if (total >= limits.total) {
        throw new DomainError(
          'TOO_MANY_SUBSCRIPTIONS',
          `The server holds its most subscriptions (${limits.total}): try again later.`,
          { limit: limits.total },
        );
      }
      held.set(key, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (held.get(key) ?? 1) - 1;
        if (left === 0) held.delete(key);
        else held.set(key, left);
      };
    },
  };
}

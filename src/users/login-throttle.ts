// Repeated failed logins slow down: after a few failures for one email or from
// one address, each further attempt waits twice as long as the one before (up
// to a cap), so guessing passwords costs hours instead of seconds, while a
// person who mistypes twice notices nothing. Failures are forgotten after a
// quiet quarter of an hour.

const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const FORGET_AFTER_MS = 15 * 60_000;
const MAX_TRACKED = 100_000;

export type LoginThrottle = {
  /** How long the next attempt for these keys must wait, in ms. */
  delayFor(keys: string[]): number;
  failed(keys: string[]): void;
  succeeded(keys: string[]): void;
};

export function createLoginThrottle(now = () => Date.now()): LoginThrottle {
  const failures = new Map<string, { count: number; last: number }>();
  const countOf = (key: string) => {
    const entry = failures.get(key);
    if (!entry || now() - entry.last > FORGET_AFTER_MS) return 0;
    return entry.count;
  };
  return {
    delayFor(keys) {
      const count = Math.max(0, ...keys.map(countOf));
      if (count < FREE_FAILURES) return 0;
      return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (count - FREE_FAILURES));
    },
    failed(keys) {
      if (failures.size >= MAX_TRACKED) failures.clear();
      for (const key of keys) failures.set(key, { count: countOf(key) + 1, last: now() });
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}

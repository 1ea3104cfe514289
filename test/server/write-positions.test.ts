// Read-your-writes bookkeeping (src/db/write-positions.ts) and WAL positions,
// without a server: what a caller's reads require after its writes, and that
// bounding the memory errs towards the primary, never towards stale data.
import { expect, it } from 'vitest';
import { parseLsn } from '../../src/db/wal-position.js';
import { createWritePositions } from '../../src/db/write-positions.js';

it('reads LSNs as PostgreSQL prints them, in order', () => {
  expect(parseLsn('0/0')).toBe(0n);
  expect(parseLsn('0/3015FF8')).toBe(0x3015ff8n);
  expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
  expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  for (const bad of ['', '12', '0/', 'G/1', '0/123456789']) expect(() => parseLsn(bad), bad).toThrow(/not an LSN/);
});

it("requires a caller's last write of the callers it reads as, and nothing of others", () => {
  const positions = createWritePositions();
  expect(positions.required(['key:1'])).toBe(0n);
  positions.note(['key:1'], 100n);
  positions.note(['key:1'], 50n); // an older position never lowers it
  positions.note(['address:10.0.0.1'], 70n);
  expect(positions.required(['key:1'])).toBe(100n);
  expect(positions.required(['user:2', 'address:10.0.0.1'])).toBe(70n);
  expect(positions.required(['key:1', 'address:10.0.0.1'])).toBe(100n);
  expect(positions.required(['address:10.0.0.2'])).toBe(0n);
});

it('forgets what every replica has replayed, and keeps the rest', () => {
  const positions = createWritePositions();
  positions.note(['a'], 10n);
  positions.note(['b'], 20n);
  positions.forgetReplayed(15n);
  expect(positions.size()).toBe(1);
  expect(positions.required(['a'])).toBe(0n);
  expect(positions.required(['b'])).toBe(20n);
});

it('past its bound, folds the oldest writer into a floor every read requires', () => {
  const positions = createWritePositions(2);
  positions.note(['a'], 30n);
  positions.note(['b'], 10n);
  positions.note(['c'], 20n);
  expect(positions.size()).toBe(2);
  // `a` is forgotten, but its position became everyone's floor: `a` still reads its write.
  expect(positions.required(['a'])).toBe(30n);
  expect(positions.required(['nobody'])).toBe(30n);
  positions.raiseFloor(25n); // lower than the floor: no change
  expect(positions.required(['nobody'])).toBe(30n);
});

it('sends a caller whose write position is unknown to the primary until the next sample settles it', () => {
  const positions = createWritePositions();
  positions.pin(['key:9']);
  expect(positions.required(['key:9'])).toBeGreaterThan(1n << 63n);
  positions.settle(500n);
  expect(positions.required(['key:9'])).toBe(500n);
  expect(positions.required(['key:8'])).toBe(0n);
});

// Compares indicator series to a relative tolerance. A series maintained
// incrementally sums its windows in a different order than one computed over
// the whole history, so windowed values may differ in the last bits;
// recursive ones are carried on from stored state and match exactly.
import { expect } from 'vitest';

type Point = Record<string, unknown>;

/** |a − b| ≤ tolerance × max(1, |a|, |b|) for every number; everything else equal. */
export function expectPointsClose(actual: Point[], expected: Point[], label: string, tolerance = 1e-12): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  actual.forEach((point, i) => {
    const other = expected[i] as Point;
    expect(Object.keys(point).sort(), label).toEqual(Object.keys(other).sort());
    for (const [key, value] of Object.entries(point)) {
      const wanted = other[key];
      if (typeof value === 'number' && typeof wanted === 'number') {
        const scale = Math.max(1, Math.abs(value), Math.abs(wanted));
        if (Math.abs(value - wanted) > tolerance * scale) {
          expect.fail(`${label}: [${i}].${key} (${point.date}) is ${value}, expected ${wanted} to ${tolerance}`);
        }
      } else {
        expect(value, `${label}: [${i}].${key}`).toEqual(wanted);
      }
    }
  });
}

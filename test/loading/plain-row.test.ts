// The bulk importer's quick reader (src/ingest/plain-row.ts) against the
// general one (vendor-layout.ts): on every line it accepts, it must read the
// same bar the general parser reads, to the bit; what it declines the general
// parser handles. Lines come from a seeded generator of plain rows and of
// near misses (signs, exponents, spaces, long numerals, bad dates).
import { describe, expect, it } from 'vitest';
import { type PlainBar, readPlainRow } from '../../src/ingest/plain-row.js';
import { parseDate, parseNumber } from '../../src/ingest/vendor-layout.js';

/** Park–Miller: the same lines on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const bar = (): PlainBar => ({ open: 0, high: 0, low: 0, close: 0, volume: 0 });

function numeral(next: () => number): string {
  // Mostly plain numerals, so that whole lines of them come up often.
  const plain = [
    () => (next() * 1000).toFixed(Math.floor(next() * 8)),
    () => String(next() * 500),
    () => String(Math.floor(next() * 1e6)),
  ];
  if (next() < 0.8) return (plain[Math.floor(next() * plain.length)] as () => string)();
  const kinds = [
    () => (next() * 1000).toFixed(Math.floor(next() * 8)),
    () => String(next() * 500),
    () => String(Math.floor(next() * 1e6)),
    () => `${Math.floor(next() * 100)}.`,
    () => `.${Math.floor(next() * 1e6)}`,
    () => `${Math.floor(next() * 10)}e${Math.floor(next() * 4)}`,
    () => `+${(next() * 100).toFixed(2)}`,
    () => ` ${(next() * 100).toFixed(2)}`,
    () => '1234567890.123456', // 16 digits: beyond the exact fast path
    () => '0.1000000000000000055511151231257827',
    () => '',
    () => '12.5.1',
    () => 'null',
  ];
  return (kinds[Math.floor(next() * kinds.length)] as () => string)();
}

function line(next: () => number): string {
  const dates = ['2024-03-28', '2024-02-29', '2023-02-29', '2024-13-01', '1899-12-31', '2024-3-28', '20240328xx'];
  const date = dates[Math.floor(next() * dates.length)] as string;
  const fields = [date, numeral(next), numeral(next), numeral(next), numeral(next), numeral(next)];
  if (next() < 0.05) fields.push('7');
  return fields.join(',');
}

describe('the quick reader of plain rows', () => {
  it('reads what the general parser reads, on every line it accepts', () => {
    const next = random(20261125);
    let accepted = 0;
    for (let i = 0; i < 50_000; i++) {
      const text = line(next);
      const read = bar();
      const date = readPlainRow(text, read);
      if (date === null) continue;
      accepted++;
      // The general parser's own readers of each field.
      const fields = text.split(',');
      expect({ date, ...read }, text).toEqual({
        date: parseDate(fields[0]),
        open: parseNumber(fields[1]),
        high: parseNumber(fields[2]),
        low: parseNumber(fields[3]),
        close: parseNumber(fields[4]),
        volume: parseNumber(fields[5]),
      });
      expect(Number.isInteger(read.volume), text).toBe(true);
    }
    // The generator must exercise both sides.
    expect(accepted).toBeGreaterThan(500);
  });

  it('reads typical vendor numerals to the same double as Number()', () => {
    const next = random(7);
    for (let i = 0; i < 100_000; i++) {
      const price = (next() * 10 ** Math.floor(next() * 6)).toFixed(Math.floor(next() * 10));
      const read = bar();
      expect(readPlainRow(`2020-01-02,${price},${price},${price},${price},100`, read)).toBe('2020-01-02');
      expect(read.open).toBe(Number(price));
    }
  });

  it.each([
    ['a sign', '2024-03-28,+1.5,2,1,1.5,100'],
    ['an exponent', '2024-03-28,1e2,200,100,150,100'],
    ['a space', '2024-03-28, 1.5,2,1,1.5,100'],
    ['16 digits', '2024-03-28,1234567890.123456,2e9,1,1.5,100'],
    ['a fractional volume', '2024-03-28,1.5,2,1,1.5,100.0'],
    ['an empty field', '2024-03-28,,2,1,1.5,100'],
    ['a seventh field', '2024-03-28,1.5,2,1,1.5,100,1'],
    ['five fields', '2024-03-28,1.5,2,1,1.5'],
    ['no calendar date', '2023-02-29,1.5,2,1,1.5,100'],
    ['a short date', '2024-3-28,1.5,2,1,1.5,100'],
    ['two points', '2024-03-28,1.5.1,2,1,1.5,100'],
    ['nulls', '2024-03-28,null,null,null,null,100'],
  ])('declines %s, leaving it to the general parser', (_name, text) => {
    expect(readPlainRow(text, bar())).toBeNull();
  });
});

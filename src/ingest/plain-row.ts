// The common row of a vendor file, `date,open,high,low,close,volume` with plain
// numerals (`2024-03-28,512.25,515.5,510.75,514.0,48213000`), read straight
// from the line's characters: no field strings, no regular expressions. On the
// bulk import's hot path this halves the cost of reading a row. Anything else
// (other column orders, whitespace, quotes, signs, exponents, long numerals, a
// bad value) is left to the general parser (vendor-layout.ts), which reads
// every row the same way and says what is wrong; so this reader only has to be
// exact for what it accepts.
import { isCalendarDate } from './vendor-layout.js';

export type PlainBar = { open: number; high: number; low: number; close: number; volume: number };

// Powers of ten that are exact doubles (up to 1e22).
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COMMA = 44;
const DOT = 46;
const DASH = 45;
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** Where the last readNumber stopped: the index of the comma after the numeral, or the line's end. */
let stop = 0;

/**
 * A numeral of digits with at most one point and at most 15 digits, starting
 * at `start` and ending at a comma or the end of the line; NaN for anything
 * else. Up to 15 digits the digits form an exact integer below 2^53 and 10^k
 * is exact, so their one correctly rounded division is exactly the double
 * Number() reads from the same text (Clinger's fast path).
 */
function readNumber(line: string, start: number, integer: boolean): number {
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  let i = start;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
      if (point) scale++;
    } else if (c === DOT && !point && !integer) point = true;
    else if (c === COMMA) break;
    else return Number.NaN;
  }
  stop = i;
  if (digits === 0 || digits > 15) return Number.NaN;
  return scale === 0 ? mantissa : mantissa / (POW10[scale] as number);
}

const digit = (line: string, i: number) => line.charCodeAt(i) - DIGIT_0;
const isDigit = (line: string, i: number) => {
  const d = digit(line, i);
  return d >= 0 && d <= 9;
};

/**
 * Reads a plain row into `bar` and returns its date (the line's first ten
 * characters), or null when the line is not a plain row. The volume must be
 * a whole numeral: the line itself then is valid COPY input (CSV).
 */
export function readPlainRow(line: string, bar: PlainBar): string | null {
  if (line.length < 20 || line.charCodeAt(4) !== DASH || line.charCodeAt(7) !== DASH || line.charCodeAt(10) !== COMMA) {
    return null;
  }
  for (const i of DATE_DIGITS) if (!isDigit(line, i)) return null;
  const year = digit(line, 0) * 1000 + digit(line, 1) * 100 + digit(line, 2) * 10 + digit(line, 3);
  if (!isCalendarDate(year, digit(line, 5) * 10 + digit(line, 6), digit(line, 8) * 10 + digit(line, 9))) return null;
  bar.open = readNumber(line, 11, false);
  if (stop >= line.length) return null;
  bar.high = readNumber(line, stop + 1, false);
  if (stop >= line.length) return null;
  bar.low = readNumber(line, stop + 1, false);
  if (stop >= line.length) return null;
  bar.close = readNumber(line, stop + 1, false);
  if (stop >= line.length) return null;
  bar.volume = readNumber(line, stop + 1, true);
  if (stop !== line.length) return null; // a seventh field
  if (Number.isNaN(bar.open + bar.high + bar.low + bar.close + bar.volume)) return null;
  return line.slice(0, 10);
}

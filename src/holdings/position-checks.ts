// Checks of a whole file's positions, the same for every format: what one
// row cannot show on its own (weights that do not add up to the fund, the
// same security twice) and the bounds every position must keep. Each problem
// names its line; 0 means the file as a whole.
import type { FileProblem, Position } from './position.js';

/** Far beyond any real fund (the largest hold a few tens of thousands of lines); bounds a file's memory. */
export const MAX_POSITIONS = 100_000;
/** Reasons enough to fix a file; reading on would only add more of them. */
export const MAX_PROBLEMS = 1000;
export const MAX_NAME_LENGTH = 500;
/** A weight beyond ±1000 % of net assets is a misplaced decimal point, not leverage. */
export const MAX_ABS_WEIGHT = 1000;
/**
 * How far (in percentage points) the weights may sum from 100. Real files miss
 * it by a few points: rounding, cash left out, a leveraged fund's swap marks
 * (a three-times fund files about 101 %). Ten points more is a missing page of
 * positions or a column of the wrong unit.
 */
export const WEIGHT_SUM_TOLERANCE = 10;

const payoffWord = (position: Position) => (position.payoff === null ? 'no payoff' : position.payoff.toLowerCase());

/** The keys one security is known by: its ISIN and CUSIP; its ticker, or else its name, when it has neither. */
function securityKeys(position: Position): string[] {
  const keys: string[] = [];
  if (position.isin !== null) keys.push(`ISIN ${position.isin}`);
  if (position.cusip !== null) keys.push(`CUSIP ${position.cusip}`);
  if (keys.length > 0) return keys;
  if (position.ticker !== null) return [`ticker ${position.ticker}`];
  return [`name ${JSON.stringify(position.name.trim().toLowerCase().replace(/\s+/g, ' '))}`];
}

/**
 * Problems of the positions as a whole. `complete` is false when rows were
 * already refused: their positions are missing, so the count and the sum of
 * weights would only repeat those refusals in a misleading way.
 */
export function positionProblems(positions: readonly Position[], options: { complete?: boolean } = {}): FileProblem[] {
  const complete = options.complete ?? true;
  const problems: FileProblem[] = [];
  if (positions.length === 0) return complete ? [{ line: 0, reason: 'the file has no positions' }] : [];
  const seen = new Map<string, number>();
  let sum = 0;
  for (const position of positions) {
    const { line, weight } = position;
    if (problems.length >= MAX_PROBLEMS) break;
    if (position.name.length > MAX_NAME_LENGTH) {
      problems.push({ line, reason: `the name is ${position.name.length} characters, more than ${MAX_NAME_LENGTH}` });
    }
    for (const [field, value] of [
      ['weight', weight],
      ['shares', position.shares],
      ['market value', position.marketValue],
    ] as const) {
      if (value !== null && !Number.isFinite(value)) problems.push({ line, reason: `${field} is not a finite number` });
    }
    if (Number.isFinite(weight) && Math.abs(weight) > MAX_ABS_WEIGHT) {
      problems.push({ line, reason: `weight ${weight} % is beyond ±${MAX_ABS_WEIGHT} % of net assets` });
    }
    if (
      weight < 0 &&
      position.payoff !== 'SHORT' &&
      position.assetClass !== 'DERIVATIVE' &&
      position.assetClass !== 'CASH'
    ) {
      problems.push({
        line,
        reason: `weight ${weight} % is negative, but the position is ${position.assetClass} with ${payoffWord(position)} payoff: only short positions, derivatives and cash may be negative`,
      });
    }
    // A row repeated is a mistake; one security on two lines is not: real
    // filings list a holding in two lots (a money market fund once as the
    // cash sweep, once as collateral) or in each currency it trades in. So a
    // duplicate is the same security, side, currency and amounts.
    const amounts = `${position.currency ?? '-'} ${position.shares ?? '-'} ${position.marketValue ?? '-'} ${weight}`;
    for (const key of securityKeys(position)) {
      const slot = `${key} ${payoffWord(position)} ${amounts}`;
      const first = seen.get(slot);
      if (first !== undefined) {
        problems.push({
          line,
          reason: `repeats line ${first}: the same security (${key}), ${payoffWord(position)}, currency and amounts`,
        });
        break;
      }
      seen.set(slot, line);
    }
    sum += weight;
  }
  if (complete && Number.isFinite(sum) && Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
    problems.push({
      line: 0,
      reason: `the weights sum to ${round(sum)} %, more than ${WEIGHT_SUM_TOLERANCE} points from 100 %`,
    });
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** Enough digits to recognise a sum, no floating-point noise (99.99999999999 → 100). */
const round = (n: number) => Number(n.toFixed(4));

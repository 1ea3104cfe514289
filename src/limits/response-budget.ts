// A hard ceiling on what one response may hold, whatever the cost estimate
// let through: every field that returns bars or points takes its values from
// the request's budget before it builds them, so an over-budget request stops
// building at once, and the whole response becomes one RESPONSE_TOO_LARGE error
// (no partial data): it fails the request, never the process.
import { responseTooLarge } from '../errors.js';

export type ResponseBudget = {
  /** Counts `values` (bars × fields, points × outputs); throws once past the limit. */
  take(values: number): void;
  readonly exceeded: boolean;
  readonly limit: number;
};

export function createResponseBudget(limit: number): ResponseBudget {
  let used = 0;
  let exceeded = false;
  return {
    take(values) {
      used += values;
      if (used > limit) {
        exceeded = true;
        throw tooLarge(limit);
      }
    },
    get exceeded() {
      return exceeded;
    },
    limit,
  };
}

/** The one error of a response past its budget. */
export const tooLarge = (limit: number) =>
  responseTooLarge(
    `The response would hold more than ${limit} values: ask for fewer tickers, fewer fields or a shorter window.`,
    { limit },
  );

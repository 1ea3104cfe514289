// A hard ceiling on what one response may hold, whatever the cost estimate
// let through: every field that returns bars or points takes its values from
// the request's budget before it builds them, so an over-budget request stops
// building at once, and the whole response becomes one RESPONSE_TOO_LARGE error
// (no partial data): it fails the request, never the process.
import type { Plugin } from 'graphql-yoga';
import { responseTooLarge } from '../errors.js';
import { toGraphQLError } from '../graphql/domain-errors.js';
import type { ReadBudget } from './read-budget.js';

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

const tooLarge = (limit: number) =>
  responseTooLarge(
    `The response would hold more than ${limit} values: ask for fewer tickers, fewer fields or a shorter window.`,
    { limit },
  );

/** Replaces the result of a request past its response or read budget by the single error, dropping what was built. */
export function useResponseBudget(): Plugin<{ budget?: ResponseBudget }> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, setResult }) {
          const { budget, reads } = args.contextValue as { budget?: ResponseBudget; reads?: ReadBudget };
          if (budget?.exceeded) {
            setResult({ errors: [toGraphQLError(tooLarge(budget.limit))] });
          } else if (reads?.exceeded) {
            setResult({ errors: [toGraphQLError(reads.error())] });
          }
        },
      };
    },
  };
}

// The response budget's one error in place of the whole result: a request past
// its response or read budget (src/limits/response-budget.ts, read-budget.ts)
// answers RESPONSE_TOO_LARGE or QUERY_TOO_COSTLY and nothing else, dropping
// what was built.
import type { Plugin } from 'graphql-yoga';
import type { ReadBudget } from '../limits/read-budget.js';
import { type ResponseBudget, tooLarge } from '../limits/response-budget.js';
import { toGraphQLError } from './domain-errors.js';

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

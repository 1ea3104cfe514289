// Queries and mutations run as JavaScript compiled by graphql-jit, once per
// parsed document (Yoga caches those): a chart resolves ~7,500 fields, and
// compiled code runs them without graphql-js's per-field bookkeeping.
//
// graphql-jit is used only where it behaves exactly as graphql-js does:
// - variables are first coerced by graphql-js; a request with bad variables runs
//   through graphql-js, whose errors name the problem ("Date cannot represent an
//   invalid date-string …"), where graphql-jit's only say "Expected type Date";
// - subscriptions stay on graphql-js (their per-event execution and filters).
// Its fast-json serializer rejects custom scalars, so results use JSON.stringify.

import type { Plugin } from '@envelop/core';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST } from 'graphql';
import type { Logger } from 'pino';
import { coercedVariables } from './coerced-variables.js';

export function useCompiledExecution(logger?: Logger): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: (args) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (!operation || operation.operation === 'subscription') return false;
        return coercedVariables(args).errors === undefined;
      },
      onError: (result) => logger?.warn({ errors: result.errors }, 'graphql-jit could not compile a query'),
    },
  );
}

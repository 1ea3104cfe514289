// Queries and mutations run as JavaScript compiled by graphql-jit, once per
// parsed document (Yoga caches those): a chart resolves ~7,500 fields, and
// compiled code runs them without graphql-js's per-field bookkeeping.
//
// graphql-jit is used only where it behaves exactly as graphql-js does:
// - variables are first coerced by graphql-js; a request with bad variables runs
//   through graphql-js, whose errors name the problem ("Date cannot represent an
//   invalid date-string …"), where graphql-jit's only say "Expected type Date";
// - subscriptions stay on graphql-js (their per-event execution and filters).
// - graphql-jit leaves out the default of a non-null variable (`$n: Int! = 2`
//   sent without `n` fails "was not provided"), so defaults are filled in, as
//   their literal's JSON, before it runs.
// Its fast-json serializer rejects custom scalars, so results use JSON.stringify.

import type { Plugin } from '@envelop/core';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { type ExecutionArgs, getOperationAST, type ValueNode, valueFromASTUntyped } from 'graphql';
import type { Logger } from 'pino';
import { coercedVariables } from './coerced-variables.js';

/** Sets each omitted variable that has a default to that default, as a client would have sent it. */
function withVariableDefaults(args: ExecutionArgs): void {
  const definitions = getOperationAST(args.document, args.operationName)?.variableDefinitions ?? [];
  const given = args.variableValues ?? {};
  const missing = definitions.filter(
    (definition) => definition.defaultValue && !Object.hasOwn(given, definition.variable.name.value),
  );
  if (missing.length === 0) return;
  const filled = { ...given };
  for (const definition of missing) {
    filled[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue as ValueNode);
  }
  args.variableValues = filled;
}

export function useCompiledExecution(logger?: Logger): Plugin[] {
  return [
    { onExecute: ({ args }) => withVariableDefaults(args) },
    useGraphQlJit(
      {},
      {
        enableIf: (args) => {
          const operation = getOperationAST(args.document, args.operationName);
          if (!operation || operation.operation === 'subscription') return false;
          return coercedVariables(args).errors === undefined;
        },
        onError: (result) => logger?.warn({ errors: result.errors }, 'graphql-jit could not compile a query'),
      },
    ),
  ];
}

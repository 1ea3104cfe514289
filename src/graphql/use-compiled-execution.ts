// Queries and mutations run as JavaScript compiled by graphql-jit, once per
// parsed document (Yoga caches those): a chart resolves ~7,500 fields, and
// compiled code runs them without graphql-js's per-field bookkeeping.
//
// graphql-jit is used only where it behaves exactly as graphql-js does:
// - variables are first coerced by graphql-js; a request with bad variables runs
//   through graphql-js, whose errors name the problem ("Date cannot represent an
//   invalid date-string …"), where graphql-jit's only say "Expected type Date";
// - subscriptions stay on graphql-js (their per-event execution and filters);
// - so do operations with a variable of a recursive input type (a screen's
//   ScreenFilter): graphql-jit's variable code recurses into the type forever.
// - graphql-jit leaves out the default of a non-null variable (`$n: Int! = 2`
//   sent without `n` fails "was not provided"), so defaults are filled in, as
//   their literal's JSON, before it runs.
// Its fast-json serializer rejects custom scalars, so results use JSON.stringify.

import type { Plugin } from '@envelop/core';
import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  type ExecutionArgs,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  type OperationDefinitionNode,
  typeFromAST,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
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

/** Input object types that contain themselves, or such a type, per schema. */
const recursiveInputs = new WeakMap<GraphQLSchema, Set<string>>();

function recursiveInputTypes(schema: GraphQLSchema): Set<string> {
  let found = recursiveInputs.get(schema);
  if (found) return found;
  found = new Set();
  const reaches = (from: GraphQLInputType, target: string, seen: Set<string>): boolean => {
    const type = getNamedType(from);
    if (!isInputObjectType(type) || seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((field) => {
      const inner = getNamedType(field.type);
      return inner.name === target || reaches(inner as GraphQLInputType, target, seen);
    });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type) && reaches(type, type.name, new Set())) found.add(type.name);
  }
  // And those that hold one (an alert's input holds a ScreenFilter): graphql-jit recurses through them too.
  const recursive = [...found];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type) && recursive.some((name) => reaches(type, name, new Set()))) found.add(type.name);
  }
  recursiveInputs.set(schema, found);
  return found;
}

function hasRecursiveVariable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const recursive = recursiveInputTypes(schema);
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type);
    return type !== undefined && recursive.has(getNamedType(type).name);
  });
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
          if (hasRecursiveVariable(args.schema, operation)) return false;
          return coercedVariables(args).errors === undefined;
        },
        onError: (result) => logger?.warn({ errors: result.errors }, 'graphql-jit could not compile a query'),
      },
    ),
  ];
}

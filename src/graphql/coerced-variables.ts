// The variables of an execution as graphql-js coerces them (defaults applied,
// input types checked), computed once per execution: the cost estimate and the
// choice of executor both need them, and coercing a 100,000-bar loadPrices
// twice is real work. Memoized on the execution's args object, which envelop
// hands to every plugin's onExecute.
import { type ExecutionArgs, getOperationAST, getVariableValues } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

const memo = new WeakMap<object, Coerced>();

export function coercedVariables(args: ExecutionArgs): Coerced {
  let coerced = memo.get(args);
  if (!coerced) {
    const operation = getOperationAST(args.document, args.operationName);
    coerced = getVariableValues(args.schema, operation?.variableDefinitions ?? [], args.variableValues ?? {});
    memo.set(args, coerced);
  }
  return coerced;
}

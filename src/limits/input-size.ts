// Inputs bounded before GraphQL coerces them. Coercing a variable builds a copy
// of every object in it, so a ScreenFilter of 10⁵ empty filters cost seconds
// and hundreds of MB before any check of ours could count them. An input type
// that declares `extensions: { maxNodes }` may hold at most that many objects
// of its own type and those nested in it, per argument; a variable is walked
// along its declared type and the walk stops at the first object past the bound.
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
} from 'graphql';
import { type DomainError, queryTooLarge } from '../errors.js';

type Counter = { left: number };

const maxNodesOf = (type: GraphQLInputType): number | undefined => {
  const declared = isInputObjectType(type) ? type.extensions.maxNodes : undefined;
  return typeof declared === 'number' ? declared : undefined;
};

/** Whether a value of `type` can hold an object of a bounded type (memoised: loadPrices' 10⁵ bars are not walked). */
function canHoldBounded(type: GraphQLInputType, memo: Map<GraphQLInputType, boolean>): boolean {
  const named = getNamedType(type);
  const known = memo.get(named);
  if (known !== undefined) return known;
  memo.set(named, false); // a type that holds itself is not bounded through itself
  const holds =
    isInputObjectType(named) &&
    (maxNodesOf(named) !== undefined ||
      Object.values(named.getFields()).some((field) => canHoldBounded(field.type, memo)));
  memo.set(named, holds);
  return holds;
}

const memos = new WeakMap<GraphQLSchema, Map<GraphQLInputType, boolean>>();

/** The refusal of the first variable that holds more objects of a bounded type than it allows; null when none does. */
export function oversizedInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): DomainError | null {
  const operation = getOperationAST(document, operationName);
  if (!operation?.variableDefinitions?.length || !variables) return null;
  const holdsBounded = memos.get(schema) ?? new Map<GraphQLInputType, boolean>();
  memos.set(schema, holdsBounded);

  let refusal: DomainError | null = null;
  const walk = (value: unknown, type: GraphQLInputType, counter: Counter | null, name: string): void => {
    if (refusal || value == null) return;
    if (isNonNullType(type)) {
      walk(value, type.ofType, counter, name);
      return;
    }
    if (isListType(type)) {
      if (!Array.isArray(value)) {
        walk(value, type.ofType, counter, name); // a single value where a list is declared is a list of one
        return;
      }
      for (const item of value) {
        walk(item, type.ofType, counter, name);
        if (refusal) return;
      }
      return;
    }
    if (!isInputObjectType(type) || typeof value !== 'object') return;
    if (!counter && !canHoldBounded(type, holdsBounded)) return;
    const max = maxNodesOf(type);
    const own = counter ?? (max !== undefined ? { left: max } : null);
    if (own && --own.left < 0) {
      refusal = queryTooLarge(
        `The variable $${name} holds more than ${max ?? 'the allowed number of'} ${type.name} objects (every nested one, empty or not, counts).`,
        { limit: max },
      );
      return;
    }
    const fields = type.getFields();
    for (const key in value) {
      const field = fields[key];
      if (field) walk((value as Record<string, unknown>)[key], field.type, own, name);
      if (refusal) return;
    }
  };
  for (const definition of operation.variableDefinitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) walk(variables[name], type, null, name);
    if (refusal) return refusal;
  }
  return null;
}

// The one place where domain errors (src/errors.ts) become GraphQL errors: the
// message, the code and details in `extensions`, the path of the field that
// threw. Every other error thrown by a resolver is masked by Yoga as before
// (INTERNAL_SERVER_ERROR, "Unexpected error."), and logged.
import { GraphQLError } from 'graphql';
import { type MaskError, maskError } from 'graphql-yoga';
import { DomainError } from '../errors.js';

export const maskErrors: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof DomainError)) return maskError(error, message, isDev);
  return toGraphQLError(original, error instanceof GraphQLError ? error : undefined);
};

/** The GraphQL error of a domain error, at the location of `located` when given. */
export function toGraphQLError(original: DomainError, located?: GraphQLError): GraphQLError {
  return new GraphQLError(original.message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code: original.code, ...original.details },
  });
}

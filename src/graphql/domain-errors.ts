// The one place where domain errors (src/errors.ts) become what a client
// sees: GraphQL errors (the message, the code and details in `extensions`,
// the path of the field that threw), and the answers to requests refused
// before GraphQL runs (the same body, with the HTTP status that
// src/error-catalogue.ts gives the code). Every other error thrown by a
// resolver is masked by Yoga as before (INTERNAL_SERVER_ERROR, "Unexpected
// error."), and logged.
import { GraphQLError } from 'graphql';
import { type MaskError, maskError } from 'graphql-yoga';
import { type HttpErrorCode, httpStatusOf } from '../error-catalogue.js';
import { DomainError } from '../errors.js';

export const maskErrors: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof DomainError)) return maskError(error, message, isDev);
  return toGraphQLError(original, error instanceof GraphQLError ? error : undefined);
};

/** Where in the request an error is: a GraphQL error that graphql-js located, or the nodes a validation rule saw. */
type Location = Pick<GraphQLError, 'nodes' | 'source' | 'positions' | 'path'>;

/** The GraphQL error of a domain error, at `located` when given. */
export function toGraphQLError(original: DomainError, located?: Partial<Location>): GraphQLError {
  return new GraphQLError(original.message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code: original.code, ...original.details },
  });
}

/** The HTTP answer to a request refused before GraphQL runs; `headers` are added to its own. */
export function httpAnswer(
  error: DomainError<HttpErrorCode>,
  headers: Record<string, string> = {},
): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: httpStatusOf(error.code),
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ errors: [toGraphQLError(error)] }),
  };
}

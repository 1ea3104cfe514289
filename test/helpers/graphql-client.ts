// Runs typed documents against the app in-process, through yoga.fetch: the
// same HTTP handling, parsing, validation and error masking as a real request.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';
import type { App } from '../../src/yoga.js';

type GraphQLResponse<T> = { data?: T | null; errors?: GraphQLFormattedError[] };

export async function execute<T, V>(
  app: App,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch('http://etfql.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of a response that must have no errors. */
export async function executeOk<T, V>(
  app: App,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await execute(app, document, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** Sends raw query text, for malformed or hostile requests that no typed document can express. */
export async function executeText(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const response = await app.fetch('http://etfql.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

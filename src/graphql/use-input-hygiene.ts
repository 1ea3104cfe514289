// Client mistakes that once surfaced as INTERNAL_SERVER_ERROR (and a stack trace
// in the log per request) get a clear, coded answer instead:
// - a NUL character in any string: PostgreSQL's text can never hold one, so it
//   is refused before parsing, whether in the variables or in the document
//   (raw, or as the GraphQL escape \u0000);
// - errors that graphql-js or Pothos make about the request itself (a variable
//   that does not coerce, a malformed global ID or cursor) carry no code: they
//   are the caller's input, so they get BAD_USER_INPUT. Errors caused by an
//   unexpected exception are left to Yoga's masking (INTERNAL_SERVER_ERROR).
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DomainError } from '../errors.js';
import { toGraphQLError } from './domain-errors.js';

const NUL_ESCAPE = /\\u0000/i;

/** Whether any string in a JSON value holds a NUL, without copying it (variables can be 32 MiB). */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (key.includes('\0') || holdsNul((value as Record<string, unknown>)[key])) return true;
    }
  }
  return false;
}

/** An error about the request: no code yet, and not caused by an unexpected exception. */
const aboutTheRequest = (error: GraphQLError) =>
  !error.extensions?.code && (error.originalError === undefined || error.originalError instanceof GraphQLError);

/** The same error, with the caller's input to blame: its message, place and extensions, coded BAD_USER_INPUT. */
function asBadInput(error: GraphQLError): GraphQLError {
  const { code: _none, ...extensions } = error.extensions ?? {};
  return toGraphQLError(new DomainError('BAD_USER_INPUT', error.message, extensions), {
    nodes: error.nodes,
    path: error.path,
  });
}

export function useInputHygiene(): Plugin {
  return {
    onParams({ params, setResult }) {
      // Not always a string: a body may hold any JSON (Yoga refuses other types after this hook).
      const query = typeof params.query === 'string' ? params.query : '';
      if (query.includes('\0') || NUL_ESCAPE.test(query) || holdsNul(params.variables)) {
        const refusal = new DomainError('BAD_USER_INPUT', 'Strings may not contain the NUL character (U+0000).');
        setResult({ errors: [toGraphQLError(refusal)] });
      }
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          if (!result.errors.some(aboutTheRequest)) return;
          setResult({
            ...result,
            errors: result.errors.map((error) => (aboutTheRequest(error) ? asBadInput(error) : error)),
          });
        },
      };
    },
  };
}

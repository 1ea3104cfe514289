// Client mistakes that once surfaced as INTERNAL_SERVER_ERROR (and a stack trace
// in the log per request) get a clear, coded answer instead:
// - a NUL character in any string: PostgreSQL's text can never hold one, so it
//   is refused before parsing, whether in the variables or in the document
//   (raw, or as the GraphQL escape \u0000);
// - Pothos's own errors for malformed global IDs and cursors carry no code:
//   they are the caller's input, so they get BAD_USER_INPUT.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const NUL_ESCAPE = /\\u0000/i;
const CALLER_INPUT = /^(Invalid global ID|Invalid cursor|\w+ has not been implemented)/;

export function useInputHygiene(): Plugin {
  return {
    onParams({ params, setResult }) {
      const query = params.query ?? '';
      const variables = params.variables ? JSON.stringify(params.variables) : '';
      if (query.includes('\0') || NUL_ESCAPE.test(query) || NUL_ESCAPE.test(variables)) {
        setResult({
          errors: [
            new GraphQLError('Strings may not contain the NUL character (U+0000).', {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ],
        });
      }
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          if (!result.errors.some((error) => !error.extensions?.code && CALLER_INPUT.test(error.message))) return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              !error.extensions?.code && CALLER_INPUT.test(error.message)
                ? new GraphQLError(error.message, {
                    nodes: error.nodes,
                    path: error.path,
                    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
                  })
                : error,
            ),
          });
        },
      };
    },
  };
}

// Errors that users can cause. Each carries a stable extensions.code, and input
// errors list every problem found, each with the path of the offending value.
import { GraphQLError } from 'graphql';

export type InputProblem = { path: string; message: string };

export function badInput(problems: InputProblem[]): GraphQLError {
  const shown = problems.slice(0, 20).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  return new GraphQLError(`Invalid input: ${shown.join('; ')}${more}`, {
    extensions: { code: 'BAD_USER_INPUT', problems },
  });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function rateLimited(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } });
}

// Errors that users can cause, as the domain states them: a stable code and,
// for input, every problem found with the path of the offending value. They
// know nothing of GraphQL, so a CLI handles them as well as the API:
// src/graphql/domain-errors.ts turns them into GraphQL errors (the code and
// details in `extensions`), the importer and the update into reasons per file
// or ticker.

export type InputProblem = { path: string; message: string };

type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_LARGE'
  | 'QUERY_TOO_COSTLY';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Shown to the caller beside the code (e.g. `problems`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function badInput(problems: InputProblem[]): DomainError {
  const shown = problems.slice(0, 20).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  return new DomainError('BAD_USER_INPUT', `Invalid input: ${shown.join('; ')}${more}`, { problems });
}

/** The problems of a BAD_USER_INPUT error; none for any other error. */
export function problemsOf(error: unknown): InputProblem[] {
  return error instanceof DomainError && error.code === 'BAD_USER_INPUT'
    ? ((error.details.problems as InputProblem[] | undefined) ?? [])
    : [];
}

export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);
/** A request larger than a limit allows (`limit` and what was asked in details). */
export const queryTooLarge = (message: string, details: Record<string, unknown>) =>
  new DomainError('QUERY_TOO_LARGE', message, details);
/** A request that would read more than the caller may (its `cost` and `limit` in details). */
export const queryTooCostly = (message: string, details: Record<string, unknown>) =>
  new DomainError('QUERY_TOO_COSTLY', message, details);

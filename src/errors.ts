// Errors that users can cause, as the domain states them: a stable code (one
// of src/error-catalogue.ts) and, for input, every problem found with the path
// of the offending value. They know nothing of GraphQL, so a CLI handles them
// as well as the API: src/graphql/domain-errors.ts turns them into GraphQL
// errors (the code and details in `extensions`) and into the answers refused
// before GraphQL runs, the importer and the update into reasons per file or
// ticker.
import type { OwnErrorCode } from './error-catalogue.js';

export type InputProblem = { path: string; message: string };

export class DomainError<Code extends OwnErrorCode = OwnErrorCode> extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: Code,
    message: string,
    /** Shown to the caller beside the code (e.g. `problems`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Problems listed in an error's extensions: past them, their count says how many more there were. */
export const MAX_LISTED_PROBLEMS = 100;

export function badInput(problems: InputProblem[]): DomainError {
  const shown = problems.slice(0, 20).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  // A list as long as a hostile input's would make an answer of megabytes.
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const count = problems.length > listed.length ? { problemCount: problems.length } : {};
  return new DomainError('BAD_USER_INPUT', `Invalid input: ${shown.join('; ')}${more}`, { problems: listed, ...count });
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
/** Too many requests (`retryAfterSeconds` in details when the wait is known). */
export const rateLimited = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('RATE_LIMITED', message, details);
/** A request larger than a limit allows (`limit` and what was asked in details). */
export const queryTooLarge = (message: string, details: Record<string, unknown>) =>
  new DomainError('QUERY_TOO_LARGE', message, details);
/** A request that would read more than the caller may (its `limit`, and its `cost` when estimated, in details). */
export const queryTooCostly = (message: string, details: Record<string, unknown>) =>
  new DomainError('QUERY_TOO_COSTLY', message, details);
/** A response that would hold more values than its `limit` (in details). */
export const responseTooLarge = (message: string, details: Record<string, unknown>) =>
  new DomainError('RESPONSE_TOO_LARGE', message, details);

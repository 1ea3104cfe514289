// The dashboard's one way to the API: POST /graphql with a typed document.
// Every failure becomes an ApiError with a message a person can act on.
import type { ErrorCode } from '../error-catalogue.js';
import type { TypedDocumentString } from './gql/graphql.js';

export type Problem = { path: string; message: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** A BAD_USER_INPUT error's problems, each with the path of the field at fault. */
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'etfql.token';

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
    // Views that depend on who is signed in (holdings' look-through) listen for it.
    window.dispatchEvent(new Event('etfql:session'));
  },
};

/** When the last response arrived, for the drawing-time measurement. */
export let lastResponseAt = 0;

export async function request<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const query = document.toString();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The server cannot be reached. Is etfql running?');
  }
  // The drawing time counts from here: reading and parsing the body are part of it.
  lastResponseAt = performance.now();
  let body: {
    data?: Data | null;
    errors?: { message: string; extensions?: { code?: ErrorCode; problems?: Problem[] } }[];
  };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  const error = body.errors?.[0];
  if (error) {
    // An expired session is not the view's fault: drop it and say so.
    if (error.extensions?.code === 'UNAUTHENTICATED' && session.token) session.token = null;
    throw new ApiError(error.message, error.extensions?.problems ?? []);
  }
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data.`);
  return body.data;
}

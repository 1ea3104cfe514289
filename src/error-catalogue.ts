// Every `extensions.code` a client can get, in one place: when it happens,
// the HTTP status when it answers a request before GraphQL runs, and what a
// client should do. `ErrorCode` is derived from it, so a code missing here
// does not compile wherever the server makes an error (src/errors.ts); the
// README's Errors table is generated from it (npm run docs), and
// test/api/error-catalogue.test.ts provokes each code from a running server.
//
// graphql-yoga sends some codes itself: they are here because clients get
// them, marked `sentBy: 'graphql-yoga'` so that no code of ours sends them.
// Yoga's REQUEST_ENTITY_TOO_LARGE is not: over HTTP a body is never longer
// than its Content-Length, which is required and checked first
// (LENGTH_REQUIRED, PAYLOAD_TOO_LARGE).

type CatalogueEntry = {
  /** When a client gets it, and what `extensions` holds beside the code. */
  when: string;
  /** What the client should do about it. */
  remedy: string;
  /** The HTTP status when it answers a request before GraphQL runs; without one, it comes in a GraphQL result. */
  status?: number;
  sentBy?: 'graphql-yoga';
};

export const ERROR_CATALOGUE = {
  GRAPHQL_PARSE_FAILED: {
    when: 'the query is not GraphQL, or has more tokens than `MAX_TOKENS`',
    remedy: 'fix the query at the position the message gives; send a smaller one',
    sentBy: 'graphql-yoga',
  },
  GRAPHQL_VALIDATION_FAILED: {
    when: 'a field or argument the schema does not have, a literal of the wrong type; introspection with `INTROSPECTION=false`',
    remedy: 'check the query against `schema.graphql`',
    sentBy: 'graphql-yoga',
  },
  BAD_REQUEST: {
    when: 'no query, a body that is not JSON; 405 for a method other than GET and POST, or a mutation sent with GET',
    remedy: 'POST `{ "query": …, "variables": … }` as JSON',
    status: 400,
    sentBy: 'graphql-yoga',
  },
  OPERATION_RESOLUTION_FAILURE: {
    when: 'the document holds several operations and `operationName` names none of them',
    remedy: 'send `operationName`, spelled as in the document',
    status: 400,
    sentBy: 'graphql-yoga',
  },
  BAD_USER_INPUT: {
    when: 'a value the domain refuses, a variable that does not coerce, a malformed ID or cursor, a NUL character in a string; from the domain, with `extensions.problems`, a list of `{ path, message }`; 400 for a variable that does not coerce',
    remedy: 'fix each value `problems` (or the message) names; sent unchanged, it is refused again',
  },
  ONE_MUTATION_PER_REQUEST: {
    when: 'a mutation document selects more than one mutation field (each commits on its own)',
    remedy: 'send one mutation field per request, or batch with a list input (`upsertEtfs`, `loadPrices`)',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    when: 'a POST to `/graphql` that is not `Content-Type: application/json`',
    remedy: 'post JSON with `Content-Type: application/json`',
    status: 415,
  },
  LENGTH_REQUIRED: {
    when: 'a POST without a `Content-Length` header (a streamed body)',
    remedy: 'send the body with its `Content-Length`, as HTTP clients do for a body they hold',
    status: 411,
  },
  UNAUTHENTICATED: {
    when: 'no credential for a field that needs one; a session token that is invalid, expired or signed out; an API key that is unknown, revoked or expired; a wrong email or password',
    remedy: 'sign in again (`signIn`), or send a valid key as `Authorization: Bearer <key>`',
  },
  FORBIDDEN: {
    when: 'the role of the credential does not allow the field; `signUp` while `ALLOW_SIGNUP` is off',
    remedy:
      'use an account or key with a role that may (see [Accounts, keys and roles](#accounts-keys-and-roles)), or ask an admin',
  },
  LAST_ACTIVE_ADMIN: {
    when: 'demoting or deactivating the last active ADMIN account, also when two admins do it to each other at the same moment',
    remedy: 'promote another account to ADMIN first',
  },
  NOT_FOUND: {
    when: 'an unknown ticker or id in a mutation, a watchlist without a signed-in user; 404 for a path other than `/graphql` that would serve GraphQL (`/graphql/`)',
    remedy: 'check the ticker or id (it may have been deleted); send GraphQL to `/graphql`',
    status: 404,
  },
  QUERY_TOO_LARGE: {
    when: 'a query that names more tickers than `MAX_TICKERS`, with `tickers` and `limit`; deeper than `MAX_QUERY_DEPTH`, with more aliases than `MAX_ALIASES` or more than 20 directives, with `limit`',
    remedy: 'split the tickers, or the fields, over several requests',
  },
  QUERY_TOO_COSTLY: {
    when: 'an estimated cost above `MAX_QUERY_COST` (`MAX_QUERY_COST_ANONYMOUS` without credentials), with `cost` and `limit`; indicators computed on demand that would read more bars of history than that limit, with `limit`',
    remedy:
      "ask for fewer tickers, fewer series or a shorter window; use an indicator's stored default parameters; send a credential for the larger limit",
  },
  RESPONSE_TOO_LARGE: {
    when: 'a response that would hold more than `MAX_RESPONSE_VALUES` values (`MAX_RESPONSE_VALUES_ANONYMOUS` without credentials), with `limit`; it is the only error, with no data',
    remedy: 'ask for fewer tickers, fewer fields or a shorter window',
  },
  RATE_LIMITED: {
    when: 'more requests than `RATE_LIMIT_PER_SECOND` (bursts of `RATE_LIMIT_BURST`) from one caller: 429, with a `Retry-After` header and `retryAfterSeconds`; too many sign-in attempts at once for one account or address',
    remedy: 'wait `Retry-After` seconds, then retry; spread requests out',
    status: 429,
  },
  TOO_MANY_SUBSCRIPTIONS: {
    when: 'a subscription beyond `SUBSCRIPTIONS_PER_CALLER` open at once for one API key or user (`SUBSCRIPTIONS_PER_ADDRESS` for one address without credentials), or beyond `SUBSCRIPTIONS_MAX` on the server, with `limit`; the subscription is not opened',
    remedy:
      'close a subscription you no longer read (one per page is enough: list the tickers in it), then subscribe again',
  },
  SUBSCRIBER_TOO_SLOW: {
    when: 'the last event of a subscription whose client fell more than `SUBSCRIPTION_BACKLOG` notices behind (it stopped reading its stream), with `limit`; the server then closes the stream',
    remedy: 'subscribe again, and refetch what you show: updates may have been missed meanwhile',
  },
  PAYLOAD_TOO_LARGE: {
    when: 'a request body over `MAX_BODY_BYTES`, with `limit`; refused before it is read',
    remedy: 'send less in one request: split a load into several calls',
    status: 413,
  },
  INTERNAL_SERVER_ERROR: {
    when: 'anything unexpected (a bug, a database outage): the message is only `Unexpected error.`, the cause is in the server log',
    remedy: 'retry later; if it persists, report the time of the request',
    sentBy: 'graphql-yoga',
  },
} as const satisfies Record<string, CatalogueEntry>;

type Catalogue = typeof ERROR_CATALOGUE;

export type ErrorCode = keyof Catalogue;

/** The codes this server's own code sends: the others are graphql-yoga's. */
export type OwnErrorCode = { [C in ErrorCode]: Catalogue[C] extends { sentBy: string } ? never : C }[ErrorCode];

/** The codes that may answer a request before GraphQL runs: those with an HTTP status. */
export type HttpErrorCode = { [C in OwnErrorCode]: Catalogue[C] extends { status: number } ? C : never }[OwnErrorCode];

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);

export const httpStatusOf = (code: HttpErrorCode): number => ERROR_CATALOGUE[code].status;

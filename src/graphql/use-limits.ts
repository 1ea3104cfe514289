// The limits that keep one client or one query from taking the server down,
// checked in order of cost: request size and rate before parsing, the query's
// size and shape when it is parsed and validated, and its estimated cost before
// any root field resolves (declared on the fields: src/limits/query-cost.ts): a
// refused query never reaches the database.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Callers } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { HttpErrorCode } from '../error-catalogue.js';
import { DomainError, notFound, queryTooLarge, rateLimited } from '../errors.js';
import { addressOf, type ServerContext } from '../http/server-context.js';
import type { DataExtent, DataExtentReader } from '../limits/data-extent.js';
import { oversizedInput } from '../limits/input-size.js';
import { costRefusal, estimateCost, NEEDS_EXTENT } from '../limits/query-cost.js';
import { createRateLimiter, createSharedRateLimiter, type RateLimiter } from '../limits/rate-limit.js';
import { limitsFor } from '../limits/request-limits.js';
import { rateLimitRefusals } from '../metrics/metrics.js';
import { MAX_BARS_PER_CALL } from '../prices/validate-bars.js';
import type { RedisLink } from '../redis/redis-link.js';
import { coercedVariables } from './coerced-variables.js';
import { httpAnswer, toGraphQLError } from './domain-errors.js';
import { useResponseBudget } from './use-response-budget.js';

type Limits = Config['limits'];

/** The answer to a request refused before GraphQL runs, built with Yoga's own Response class. */
const errorResponse = (
  Response: typeof globalThis.Response,
  error: DomainError<HttpErrorCode>,
  headers: Record<string, string> = {},
) => {
  const answer = httpAnswer(error, headers);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
};

/** Paths that Yoga would also serve GraphQL on (/graphql/, //graphql): only /graphql itself is served. */
const isGraphqlAlias = (pathname: string) =>
  pathname !== GRAPHQL_PATH && `/${pathname.split('/').filter(Boolean).join('/')}` === GRAPHQL_PATH;

export const GRAPHQL_PATH = '/graphql';

const isJson = (contentType: string | null) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

function useRequestGate(
  limits: Limits,
  limiter: RateLimiter,
  callers: Callers,
  logger?: Logger,
): Plugin<Record<string, unknown>, ServerContext> {
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (isGraphqlAlias(url.pathname)) {
        endResponse(errorResponse(fetchAPI.Response, notFound(`GraphQL is served at ${GRAPHQL_PATH} only.`)));
        return;
      }
      if (url.pathname !== GRAPHQL_PATH) return;
      // A browser sends form and multipart posts across origins without asking
      // (no CORS preflight); JSON needs one. So GraphQL is posted as JSON only.
      if (request.method === 'POST' && !isJson(request.headers.get('content-type'))) {
        endResponse(
          errorResponse(
            fetchAPI.Response,
            new DomainError('UNSUPPORTED_MEDIA_TYPE', 'POST requests must have Content-Type: application/json.'),
          ),
        );
        return;
      }
      const sender = callers.of(request, addressOf(serverContext));
      const declared = request.headers.get('content-length');
      const length = Number(declared ?? 0);
      const { maxBodyBytes } = limitsFor(limits, sender.hasCredentials);
      if (length > maxBodyBytes) {
        const withKey =
          maxBodyBytes < limits.maxBodyBytes
            ? ` for requests without credentials (${limits.maxBodyBytes} with an API key or a session)`
            : '';
        endResponse(
          errorResponse(
            fetchAPI.Response,
            new DomainError(
              'PAYLOAD_TOO_LARGE',
              `The request body is ${length} bytes; the limit is ${maxBodyBytes}${withKey}.`,
              { limit: maxBodyBytes },
            ),
          ),
        );
        return;
      }
      const caller = await sender.key();
      const retryAfter = await limiter.take(caller);
      if (retryAfter > 0) {
        logger?.warn({ caller: caller.slice(0, 20) }, 'rate limited');
        rateLimitRefusals.inc();
        endResponse(
          errorResponse(
            fetchAPI.Response,
            rateLimited(
              `Too many requests: at most ${limits.rateLimitPerSecond} a second (bursts of ${limits.rateLimitBurst}). Retry in ${retryAfter} s.`,
              { retryAfterSeconds: retryAfter },
            ),
            { 'retry-after': String(retryAfter) },
          ),
        );
      }
    },
  };
}

/**
 * Objects and arrays one JSON body may hold: loadPrices' largest call (its
 * bars) and room besides. Counted in the raw text before it is parsed, since
 * parsing 2.7 MB of empty filters built 7.6×10⁵ objects (130 MB, 300 ms of one
 * thread) before any check could look at them. Braces inside strings count
 * too, which can only refuse sooner.
 */
export const MAX_JSON_CONTAINERS = MAX_BARS_PER_CALL + 10_000;
/**
 * The same for callers who may not load data (anonymous, VIEWER): their
 * largest input, a screen's filter or a list of tickers, holds a few hundred.
 */
export const MAX_JSON_CONTAINERS_READER = 10_000;

function jsonContainersExceed(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 123 || c === 91) && ++count > limit) return true; // { [
  }
  return false;
}

/**
 * Reads a JSON body as text first, and refuses one that holds more objects and
 * arrays than its caller may send before parsing it. The caller was
 * authenticated by the request gate already (its rate-limit key).
 */
function useJsonShape(callers: Callers): Plugin<Record<string, unknown>, ServerContext> {
  return {
    onRequestParse({ request, serverContext, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || request.method !== 'POST') return;
      setRequestParser(async (incoming) => {
        const text = await incoming.text();
        const scopes = await callers
          .of(request, addressOf(serverContext))
          .scopes()
          .catch(() => null);
        const limit = scopes?.editor ? MAX_JSON_CONTAINERS : MAX_JSON_CONTAINERS_READER;
        if (jsonContainersExceed(text, limit)) {
          const withRole =
            limit < MAX_JSON_CONTAINERS
              ? ` for callers who may not load data (${MAX_JSON_CONTAINERS} for an EDITOR)`
              : '';
          return errorResponse(
            fetchAPI.Response,
            new DomainError(
              'PAYLOAD_TOO_LARGE',
              `The request body holds more than ${limit} JSON objects and arrays${withRole}.`,
              { limit },
            ),
          );
        }
        return requestParser(
          new fetchAPI.Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: text }),
        );
      });
    },
  };
}

const MAX_DIRECTIVES = 20;

/**
 * graphql-armor throws its depth, alias and directive refusals out of
 * validation, and they reached clients with no code at all. Reported as
 * validation errors instead, each is QUERY_TOO_LARGE with its `limit`, its
 * message unchanged.
 */
function refusedAsTooLarge(limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = toGraphQLError(queryTooLarge(error.message, { limit }));
        // Without a context to report to, a refusal must still refuse.
        if (!context) throw refusal;
        context.reportError(refusal);
      },
    ],
  };
}

/** Refuses, before it runs, a query whose declared cost (src/limits/query-cost.ts) is above the caller's limit. */
function useQueryCost(limits: Limits, extent: DataExtentReader): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      // Sized before anything copies them (coercion builds a copy of every object).
      const oversized = oversizedInput(args.schema, args.document, args.operationName, args.variableValues);
      if (oversized) {
        setResultAndStopExecution({ errors: [toGraphQLError(oversized)] });
        return;
      }
      // Costed with the variables as they will execute: defaults of variables
      // included. Variables that do not coerce fail execution before any resolver runs.
      const variables = coercedVariables(args);
      if (variables.errors) return;
      const { costLimit } = args.contextValue as unknown as Context;
      try {
        const estimate = (known?: DataExtent) =>
          estimateCost(args.schema, args.document, args.operationName, variables.coerced, known);
        let cost: number;
        try {
          cost = estimate();
        } catch (error) {
          if (error !== NEEDS_EXTENT) throw error;
          cost = estimate(await extent.read());
        }
        if (cost > costLimit) {
          const refusal = costRefusal(cost, costLimit, limits.maxCost);
          setResultAndStopExecution({ errors: [toGraphQLError(refusal)] });
        }
      } catch (error) {
        // An argument that does not coerce: refused now, as execution would.
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}

/** `shared`: Redis for the rate-limit buckets of every process (REDIS_URL); without it, this process's own. */
export function useLimits(
  limits: Limits,
  callers: Callers,
  extent: DataExtentReader,
  logger?: Logger,
  shared?: RedisLink,
): Plugin[] {
  const limiter = shared
    ? createSharedRateLimiter(shared, limits.rateLimitPerSecond, limits.rateLimitBurst)
    : createRateLimiter(limits.rateLimitPerSecond, limits.rateLimitBurst);
  return [
    useRequestGate(limits, limiter, callers, logger) as Plugin,
    useJsonShape(callers) as Plugin,
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    maxDepthPlugin({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...refusedAsTooLarge(limits.maxDepth),
    }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...refusedAsTooLarge(limits.maxAliases) }) as Plugin,
    maxDirectivesPlugin({ n: MAX_DIRECTIVES, ...refusedAsTooLarge(MAX_DIRECTIVES) }) as Plugin,
    useQueryCost(limits, extent),
    useResponseBudget() as Plugin,
    ...(limits.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}

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
import { costRefusal, estimateCost } from '../limits/query-cost.js';
import { createRateLimiter, createSharedRateLimiter, type RateLimiter } from '../limits/rate-limit.js';
import { rateLimitRefusals } from '../metrics/metrics.js';
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
      const declared = request.headers.get('content-length');
      const length = Number(declared ?? 0);
      if (length > limits.maxBodyBytes) {
        endResponse(
          errorResponse(
            fetchAPI.Response,
            new DomainError(
              'PAYLOAD_TOO_LARGE',
              `The request body is ${length} bytes; the limit is ${limits.maxBodyBytes}.`,
              { limit: limits.maxBodyBytes },
            ),
          ),
        );
        return;
      }
      const caller = await callers.of(request, addressOf(serverContext)).key();
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
function useQueryCost(limits: Limits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Costed with the variables as they will execute: defaults of variables
      // included. Variables that do not coerce fail execution before any resolver runs.
      const variables = coercedVariables(args);
      if (variables.errors) return;
      const { costLimit } = args.contextValue as unknown as Context;
      try {
        const cost = estimateCost(args.schema, args.document, args.operationName, variables.coerced);
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
export function useLimits(limits: Limits, callers: Callers, logger?: Logger, shared?: RedisLink): Plugin[] {
  const limiter = shared
    ? createSharedRateLimiter(shared, limits.rateLimitPerSecond, limits.rateLimitBurst)
    : createRateLimiter(limits.rateLimitPerSecond, limits.rateLimitBurst);
  return [
    useRequestGate(limits, limiter, callers, logger) as Plugin,
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    maxDepthPlugin({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...refusedAsTooLarge(limits.maxDepth),
    }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...refusedAsTooLarge(limits.maxAliases) }) as Plugin,
    maxDirectivesPlugin({ n: MAX_DIRECTIVES, ...refusedAsTooLarge(MAX_DIRECTIVES) }) as Plugin,
    useQueryCost(limits),
    useResponseBudget() as Plugin,
    ...(limits.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}

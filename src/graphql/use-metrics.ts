// Request durations and errors of every GraphQL request, and GET /metrics.
// A request is timed from its parameters to its result, so refusals before
// execution (limits, syntax) and cache hits are counted like the rest; `type`
// says which it was: query, mutation, subscription, or none (never executed).
import cluster from 'node:cluster';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clusterMetricsText } from '../metrics/cluster-metrics.js';
import { graphqlErrors, operationLabel, registry, requestDuration } from '../metrics/metrics.js';
import { operationOf } from './operation-of.js';

type Timing = { started: number; operation: string; type: string };

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

function countErrors(result: ExecutionResult): void {
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    graphqlErrors.inc({ code: typeof code === 'string' ? code.slice(0, 40) : 'INTERNAL' });
  }
}

/** The metrics plugin; `token`, when set, is the bearer token /metrics requires. */
export function useMetrics(token: string | null): Plugin {
  const timings = new WeakMap<Request, Timing>();
  const typed = (request: Request | undefined, type: string) => {
    const timing = request && timings.get(request);
    if (timing) timing.type = type;
  };
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      if (token !== null && request.headers.get('authorization') !== `Bearer ${token}`) {
        endResponse(new fetchAPI.Response('metrics need the bearer token of METRICS_TOKEN\n', { status: 401 }));
        return;
      }
      const text = cluster.isWorker ? await clusterMetricsText() : await registry.metrics();
      endResponse(new fetchAPI.Response(text, { headers: { 'content-type': registry.contentType } }));
    },
    onParams({ params, request }) {
      // A client need not send operationName: the document names its operation.
      const { name } = operationOf(params.query ?? '', params.operationName);
      timings.set(request, { started: performance.now(), operation: operationLabel(name), type: 'none' });
    },
    onExecute({ args }) {
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'none';
      typed((args.contextValue as { request?: Request }).request, type);
    },
    onSubscribe({ args }) {
      typed((args.contextValue as { request?: Request }).request, 'subscription');
    },
    onResultProcess({ request, result }) {
      const timing = timings.get(request);
      if (!timing) return;
      timings.delete(request);
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      for (const one of results) {
        if (!one || typeof one !== 'object' || Symbol.asyncIterator in one) continue;
        if ((one as { [SERVED_FROM_CACHE]?: boolean })[SERVED_FROM_CACHE]) timing.type = 'query';
        countErrors(one);
      }
      requestDuration.observe(
        { operation: timing.operation, type: timing.type },
        (performance.now() - timing.started) / 1000,
      );
    },
  };
}

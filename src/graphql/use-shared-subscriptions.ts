// Subscriptions executed once per notice, not once per subscriber: a notice
// that reaches a thousand subscribers of one document is executed for the
// first and its result handed to the others. Only where that is safe: a
// document whose every field declares that its answer may be shared
// (`cacheScope:`, the response cache's rule), and only between subscribers
// with the same document, operation, variables and kind of caller (with or
// without credentials, as the response cache keys its entries).
//
// The subscription's end is also decided here, where the request is known:
// a client that goes (a closed tab) ends it at once, not when the next notice
// finds its socket gone, and a subscriber dropped for being too slow
// (src/prices/fan-out.ts) reads why as its last event, or, if it does not
// read that either within DROP_GRACE_MS, loses its connection.
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { cacheableDocuments } from '../cache/cacheable-documents.js';
import type { Context } from '../context.js';
import { subscriptionExecutions } from '../metrics/metrics.js';
import { Dropped, whenDropped } from '../prices/fan-out.js';
import { toGraphQLError } from './domain-errors.js';

/**
 * Results kept per group of subscribers that share them: the latest few
 * notices'. Subscribers of one group take each notice in the same turn of
 * the fan-out, or a turn or so apart; one further behind executes its own.
 */
const RESULTS_PER_GROUP = 4;
/** How long a dropped subscriber's connection may take to carry its last event. */
const DROP_GRACE_MS = 2000;

/** What Yoga puts in the context beside ours: the request, and node's response over HTTP. */
type RequestContext = Partial<Context> & {
  request?: Request;
  res?: { destroy(): void; writableFinished?: boolean };
};

type Results = AsyncIterableIterator<ExecutionResult>;

type Result = ExecutionResult | Promise<ExecutionResult>;

/** The subscribers that share results, and the results of the latest notices, newest last. */
type Group = { members: number; recent: { event: object; result: Result }[] };

export function useSharedSubscriptions(schema: GraphQLSchema): Plugin {
  const shareable = cacheableDocuments(schema, 'subscription');
  const groups = new Map<string, Group>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let lastId = 0;

  /** Who may share this subscription's results: null when nobody. */
  const sharingKey = (args: ExecutionArgs): string | null => {
    if (!shareable(args.document, args.operationName)) return null;
    let id = documentIds.get(args.document);
    if (id === undefined) {
      id = ++lastId;
      documentIds.set(args.document, id);
    }
    const context = args.contextValue as RequestContext;
    return JSON.stringify([
      id,
      args.operationName ?? null,
      args.variableValues ?? null,
      context.caller?.hasCredentials,
    ]);
  };

  const executeEvent = (args: ExecutionArgs, event: unknown): Result => {
    subscriptionExecutions.inc();
    return execute({ ...args, rootValue: event });
  };

  /** Executes each event once for the group (or alone, without one); `leave` once the subscription ends. */
  const join = (args: ExecutionArgs) => {
    const key = sharingKey(args);
    if (key === null) return { run: (event: object) => executeEvent(args, event), leave: () => {} };
    let group = groups.get(key);
    if (!group) {
      group = { members: 0, recent: [] };
      groups.set(key, group);
    }
    const mine = group;
    mine.members++;
    let left = false;
    return {
      run(event: object) {
        const known = mine.recent.find((entry) => entry.event === event);
        if (known) return known.result;
        const result = executeEvent(args, event);
        mine.recent.push({ event, result });
        if (mine.recent.length > RESULTS_PER_GROUP) mine.recent.shift();
        return result;
      },
      leave() {
        if (left) return;
        left = true;
        if (--mine.members === 0) groups.delete(key);
      },
    };
  };

  /** Open subscriptions by request, until their answer is known to be their stream. */
  const opened = new WeakMap<Request, Results>();

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in source)) return source;
        const group = join(args);
        const context = args.contextValue as RequestContext;
        const results = endedWithRequest(mapEvents(source, group), source, context);
        if (context.request) opened.set(context.request, results);
        return results;
      });
    },
    // A subscription answered with anything but its stream (406 for an
    // Accept that no event stream satisfies) would never be read nor closed.
    onResponse({ request, response }) {
      const results = opened.get(request);
      opened.delete(request);
      if (results && !response.headers.get('content-type')?.startsWith('text/event-stream')) void results.return?.();
    },
  };
}

/** The source's events as results; a Dropped event becomes its error, the last event. */
function mapEvents(source: AsyncIterable<unknown>, group: { run(event: object): Result; leave(): void }): Results {
  const events = source[Symbol.asyncIterator]();
  const results: Results = {
    [Symbol.asyncIterator]() {
      return results;
    },
    async next() {
      const { value, done } = await events.next();
      if (done) {
        group.leave();
        return { value: undefined, done: true };
      }
      if (value instanceof Dropped) return { value: { errors: [toGraphQLError(value.error)] }, done: false };
      return { value: await group.run(value as object), done: false };
    },
    async return() {
      group.leave();
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      group.leave();
      await events.return?.();
      throw error;
    },
  };
  return results;
}

/** Ends the subscription when its request ends, and the connection of a dropped subscriber that does not go. */
function endedWithRequest(results: Results, source: object, context: RequestContext): Results {
  const signal = context.request?.signal;
  const end = () => void results.return?.();
  signal?.addEventListener('abort', end, { once: true });
  whenDropped(source)?.then(() => {
    setTimeout(() => {
      if (context.res && !context.res.writableFinished) context.res.destroy();
    }, DROP_GRACE_MS).unref();
  });
  const done = results.return?.bind(results);
  results.return = async () => {
    signal?.removeEventListener('abort', end);
    return (await done?.()) ?? { value: undefined, done: true };
  };
  return results;
}

// A subscription as a client sends it: through GraphQL Tools' HTTP executor
// (server-sent events, Yoga's default transport), against the app's real HTTP
// handling in-process or a server process. A reader of its events, in order.

import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, parse } from 'graphql';
import type { App } from '../../src/yoga.js';

/** `app` is the in-process app, or anything with its `fetch` (e.g. one that forwards to a server process). */
export async function subscribe<T = Record<string, unknown>, V = Record<string, unknown>>(
  app: Pick<App, 'fetch'>,
  document: string | TypedDocumentNode<T, V>,
  variables?: V,
) {
  const controller = new AbortController();
  const executor = buildHTTPExecutor({
    endpoint: 'http://etfql.test/graphql',
    fetch: (url: string, init?: RequestInit) => app.fetch(new URL(url), init ?? {}),
  });
  const result = await executor({
    document: (typeof document === 'string' ? parse(document) : document) as DocumentNode,
    variables: variables as Record<string, unknown> | undefined,
    signal: controller.signal,
  });
  if (!(Symbol.asyncIterator in result)) throw new Error(`not an event stream: ${JSON.stringify(result)}`);
  const events = result[Symbol.asyncIterator]();
  return {
    async next(): Promise<ExecutionResult<T>> {
      const { value, done } = await events.next();
      if (done) throw new Error('stream ended');
      return value as ExecutionResult<T>;
    },
    close: () => {
      controller.abort();
      void events.return?.();
    },
  };
}

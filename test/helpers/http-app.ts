// The app behind a real HTTP server on 127.0.0.1, for tests that send what a
// hostile client sends: raw query text and variables, over a socket.
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/http/http-server.js';
import type { App } from '../../src/yoga.js';

export type GraphQLAnswer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { path: string; message: string }[] } }[];
};

export type HttpApp = {
  base: string;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer>;
  close(): Promise<void>;
};

export async function serveOverHttp(app: App): Promise<HttpApp> {
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async post(query, variables, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The code of the first error of an answer, if any. */
export const codeOf = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.code;

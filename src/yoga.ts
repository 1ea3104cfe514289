// createYoga(...) and nothing that listens: tests call yoga.fetch in-process.
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type Context, createContext, type ServerContext } from './context.js';
import type { Database } from './db/database.js';
import { renderGraphiQL } from './http/graphiql.js';
import { useRoutes } from './http/routes.js';
import { schema } from './schema/index.js';

export type App = YogaServerInstance<ServerContext, Context>;

export type AppOptions = {
  db: Database;
  logger?: Logger;
  /** Hide internal error messages (default: on outside development). */
  maskErrors?: boolean;
};

export function createApp({ db, logger, maskErrors = true }: AppOptions): App {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'etfql' },
    renderGraphiQL,
    maskedErrors: maskErrors,
    logging: logger ?? false,
    context: ({ request }) => createContext(db, request),
    plugins: [useRoutes(db)],
  });
}

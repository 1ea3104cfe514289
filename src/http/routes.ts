// The non-GraphQL routes, as a Yoga plugin so that they answer through
// yoga.fetch in tests exactly as they do over HTTP.
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrations.js';
import { GRAPHIQL_ASSETS_PATH, graphiqlAsset } from './graphiql.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function useRoutes(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/health') {
        // Liveness: the process answers. Deliberately no database call, so that
        // an orchestrator does not restart us for a database outage.
        endResponse(json(200, { status: 'ok' }));
      } else if (url.pathname === '/ready') {
        endResponse(await readiness(db));
      } else if (url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) {
        const asset = await graphiqlAsset(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
        endResponse(asset ?? json(404, { error: 'not found' }));
      }
    },
  };
}

async function readiness(db: Database): Promise<Response> {
  try {
    const pending = await pendingMigrations((sql) => db.pool.query(sql));
    if (pending.length > 0) {
      return json(503, { status: 'migrations pending', pending });
    }
    return json(200, { status: 'ready' });
  } catch (error) {
    return json(503, { status: 'database unreachable', error: (error as Error).message });
  }
}

// The non-GraphQL routes, as a Yoga plugin so that they answer through
// yoga.fetch in tests exactly as they do over HTTP.
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrations.js';
import { dashboardFile } from './dashboard-assets.js';
import { GRAPHIQL_ASSETS_PATH, graphiqlAsset } from './graphiql.js';

type ResponseClass = typeof Response;

const jsonResponse = (Response: ResponseClass, status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function useRoutes(db: Database): Plugin {
  return {
    // Responses are built with Yoga's own fetch API classes: the server adapter
    // only knows how to send those.
    async onRequest({ url, endResponse, fetchAPI }) {
      const json = (status: number, body: unknown) => jsonResponse(fetchAPI.Response, status, body);
      // Liveness (/health) is Yoga's built-in check: a 200 with no database call,
      // so that an orchestrator does not restart us for a database outage.
      if (url.pathname === '/ready') {
        const { status, body } = await readiness(db);
        endResponse(json(status, body));
      } else if (url.pathname === '/' || url.pathname.startsWith('/assets/')) {
        const name = url.pathname === '/' ? 'index.html' : url.pathname.slice('/assets/'.length);
        const file = await dashboardFile(name, fetchAPI.Response);
        endResponse(
          file ??
            json(404, { error: url.pathname === '/' ? 'the dashboard is not built: npm run build' : 'not found' }),
        );
      } else if (url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) {
        const asset = await graphiqlAsset(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length), fetchAPI.Response);
        endResponse(asset ?? json(404, { error: 'not found' }));
      }
    },
  };
}

/** How long /ready waits for the change feed's connection before saying it is down. */
const LISTENER_GRACE_MS = 2000;

async function readiness(db: Database): Promise<{ status: number; body: unknown }> {
  // With replicas, each database's state (as of its last background check);
  // a replica that is down or lags is skipped, so it does not make this 503.
  const replicas = db.reads?.states();
  const answer = (status: number, body: Record<string, unknown>, primary: 'up' | 'down') => ({
    status,
    body: replicas ? { ...body, databases: { primary: { state: primary }, ...replicas } } : body,
  });
  try {
    const pending = await pendingMigrations((sql) => db.pool.query(sql));
    if (pending.length > 0) return answer(503, { status: 'migrations pending', pending }, 'up');
    // Subscriptions and the response cache's evictions come through one LISTEN
    // connection; without it subscribers hear nothing (the cache is bypassed).
    for (let waited = 0; !db.isListening() && waited < LISTENER_GRACE_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!db.isListening()) return answer(503, { status: 'not listening for changes (reconnecting)' }, 'up');
    return answer(200, { status: 'ready' }, 'up');
  } catch {
    // The driver's message can name hosts and users: it goes to logs, not to callers.
    return answer(503, { status: 'database unreachable' }, 'down');
  }
}

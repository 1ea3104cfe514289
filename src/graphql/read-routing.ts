// Where each request reads, when replicas are configured (src/db/read-routing.ts):
// a query reads from a replica that has replayed its caller's last write,
// chosen in memory from the last background check; mutations (and the reads
// inside them) and subscriptions use the primary. After a mutation, its
// callers' reads wait for its commit: the response goes out only once this
// server's workers route them accordingly. Callers are identified as the rate
// limiter identifies them (key, user, else address); a read with credentials
// also honours anonymous writes from its address, so that signing up and then
// reading with the new token sees the new account. (Not the other way round:
// behind a proxy every anonymous caller has its address, and a key's writes
// must not send them all to the primary.)

import { getOperationAST } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate.js';
import type { Context, RequestRoute, ServerContext } from '../context.js';
import type { Database } from '../db/database.js';
import { callerOf } from '../limits/use-limits.js';
import { operationOf } from './operation-of.js';

export type ReadRouter = {
  /** The route of one request, from its operation and caller. */
  route(request: Request, params: GraphQLParams, serverContext: ServerContext): Promise<RequestRoute>;
  plugins: Plugin[];
};

/** The route of every request without replicas: the primary, with nothing to remember. */
export function primaryRoute(db: Database): RequestRoute {
  return { source: { view: db, name: 'primary', replayed: null }, callers: [] };
}

/** Null without replicas: requests then take `primaryRoute` with no work per request. */
export function readRouter(
  db: Database,
  auth: Pick<Authenticator, 'authenticate'>,
  logger?: Logger,
): ReadRouter | null {
  const reads = db.reads;
  if (!reads) return null;
  const primary = primaryRoute(db);
  const noteWrite: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const { callers } = args.contextValue as unknown as Context;
      setExecuteFn(async (executeArgs) => {
        try {
          return await executeFn(executeArgs);
        } finally {
          // Even after an error: part of a mutation may have committed.
          await reads
            .noteWrite(callers)
            .catch((error) => logger?.warn({ err: error }, 'read routing: write not noted'));
        }
      });
    },
  };
  return {
    async route(request, params, serverContext) {
      const kind = params.query ? operationOf(params.query, params.operationName).kind : null;
      if (kind !== 'query' && kind !== 'mutation') return primary;
      const caller = await callerOf(request, serverContext, auth);
      if (kind === 'mutation') return { source: primary.source, callers: [caller] };
      const address = `address:${serverContext.req?.socket?.remoteAddress ?? 'unknown'}`;
      const callers = caller === address ? [caller] : [caller, address];
      return { source: reads.sourceFor(callers), callers };
    },
    plugins: [noteWrite],
  };
}

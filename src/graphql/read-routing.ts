// Where each request reads, when replicas are configured (src/db/replicas.ts):
// a query reads from a replica that has replayed its caller's last write,
// chosen in memory from the last background check; mutations (and the reads
// inside them) and subscriptions use the primary. After a mutation, its
// callers' reads wait for its commit: the response goes out only once this
// server's workers route them accordingly. Callers are identified as the rate
// limiter identifies them (src/auth/caller.ts); a read with credentials
// also honours anonymous writes from its address, so that signing up and then
// reading with the new token sees the new account. (Not the other way round:
// behind a proxy every anonymous caller has its address, and a key's writes
// must not send them all to the primary.)

import { getOperationAST } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.js';
import type { Context, RequestRoute } from '../context.js';
import type { Database } from '../db/database.js';
import { operationOf } from './operation-of.js';

export type ReadRouter = {
  /** The route of one request, from its operation and caller. */
  route(caller: Caller, params: GraphQLParams): Promise<RequestRoute>;
  plugins: Plugin[];
};

/** The route of every request without replicas: the primary, with nothing to remember. */
export function primaryRoute(db: Database): RequestRoute {
  return { source: { view: db, name: 'primary', replayed: null }, callers: [] };
}

/** Null without replicas: requests then take `primaryRoute` with no work per request. */
export function readRouter(db: Database, logger?: Logger): ReadRouter | null {
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
    async route(caller, params) {
      const kind = params.query ? operationOf(params.query, params.operationName).kind : null;
      if (kind !== 'query' && kind !== 'mutation') return primary;
      const key = await caller.key();
      if (kind === 'mutation') return { source: primary.source, callers: [key] };
      const callers = key === caller.addressKey ? [key] : [key, caller.addressKey];
      return { source: reads.sourceFor(callers), callers };
    },
    plugins: [noteWrite],
  };
}

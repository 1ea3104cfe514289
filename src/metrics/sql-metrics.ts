// SQL statements timed by name, and the pools' connections, for /metrics.
// Statements name themselves with a leading /* name */ comment (a test checks
// that all of ours do), so the label set is the code's own: bounded.
import type pg from 'pg';
import { pools, sqlDuration } from './metrics.js';

const NAMED = /^\s*\/\* ([a-z][a-z0-9-]*) \*\//;
const TRANSACTION = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

function statementName(text: string): string {
  const named = NAMED.exec(text);
  if (named) return named[1] as string;
  if (TRANSACTION.test(text)) return 'transaction';
  if (text.includes('"public".')) return 'prisma';
  return 'unnamed';
}

type Query = (...args: unknown[]) => unknown;

/** `Base` with every query timed into etfql_sql_statement_duration_seconds. */
export function timedClient(Base: typeof pg.Client): typeof pg.Client {
  class TimedClient extends Base {}
  const query = Base.prototype.query as unknown as Query;
  (TimedClient.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const timer = sqlDuration.startTimer({ statement: statementName(text) });
    const stop = () => {
      timer();
    };
    // pg-pool passes a callback (and gets no promise back); other callers await the promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]) => {
        stop();
        return callback(...results);
      };
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      result.then(stop, stop);
    } else if (typeof callback !== 'function' && result && typeof (result as NodeJS.EventEmitter).once === 'function') {
      // A submittable (COPY): done when it ends, either way.
      const emitter = result as NodeJS.EventEmitter;
      let stopped = false;
      const once = () => {
        if (!stopped) stop();
        stopped = true;
      };
      for (const event of ['end', 'finish', 'error']) emitter.once(event, once);
    }
    return result;
  };
  return TimedClient;
}

/** Reports the pool's connections under `database` until it is closed. */
export function watchPool(database: string, pool: pg.Pool): () => void {
  pools.set(database, pool);
  return () => {
    if (pools.get(database) === pool) pools.delete(database);
  };
}

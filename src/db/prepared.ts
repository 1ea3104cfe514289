// Named (prepared) statements for the few long reads whose parsing, analysis
// and planning cost as much as running them: a screen's page spent 1.2 ms of
// 2.2 before executing. PostgreSQL then does that work once per pooled
// connection. Each name stays prepared on every connection for its life, so
// only the first MAX_PREPARED distinct texts of a process get one; any other
// runs as a plain statement. Behind a transaction pooler (a DATABASE_DIRECT_URL
// apart from DATABASE_URL says there is one) a name prepared on one server
// connection is unknown on the next, so pools behind one never name a
// statement (PgBouncer before 1.21 has no max_prepared_statements).
import { createHash } from 'node:crypto';
import type pg from 'pg';

const MAX_PREPARED = 32;
const names = new Map<string, string>();

const behindPooler = new WeakSet<pg.Pool>();

/** Marks a pool whose connections go through a transaction pooler: its statements stay unnamed. */
export function markBehindPooler(pool: pg.Pool): void {
  behindPooler.add(pool);
}

/** The statement with a name for `pool`, while fewer than MAX_PREPARED texts have one; as it was otherwise. */
export function prepared(pool: pg.Pool, statement: pg.QueryConfig): pg.QueryConfig {
  if (behindPooler.has(pool)) return statement;
  let name = names.get(statement.text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED) return statement;
    name = `prepared-${createHash('sha256').update(statement.text).digest('hex').slice(0, 24)}`;
    names.set(statement.text, name);
  }
  return { ...statement, name };
}

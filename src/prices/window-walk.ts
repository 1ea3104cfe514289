// The walk that chooses a window's daily rows, shared by every statement that
// reads a window (bars, aggregated bars, stored indicators), so that the same
// arguments always mean the same dates. It runs as a LATERAL subquery per ETF
// (`e.id`) and walks the (etf_id, date) primary key backwards from `to`, so
// `last: N` reads N index entries however long the history is.
//
// It must ORDER BY the date *column*: a select list that renames `date::text AS
// date` makes `ORDER BY date` bind to the text alias, and PostgreSQL then sorts
// the whole history instead of reading the index backwards. So the walk selects
// raw columns, and the statement around it casts.

/**
 * The rows of one ETF from `to` ($3) back to `from` ($2), newest first, at most
 * `last` ($4) of them. `from` and `limit` replace the lower bound and the row
 * limit for the aggregated walks, which need whole weeks or months.
 */
export function windowWalk(
  source: string,
  columns: readonly string[],
  { from = '$2::date', limit = '$4' }: { from?: string; limit?: string } = {},
): string {
  return `SELECT date${columns.map((column) => `, ${column}`).join('')}
    FROM ${source}
    WHERE etf_id = e.id AND date >= ${from} AND date <= $3::date
    ORDER BY date DESC
    LIMIT ${limit}`;
}

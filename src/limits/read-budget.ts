// A ceiling on the bars one request reads to compute indicators on demand.
// Those read each ETF's whole history up to `to`, whatever window they show,
// so the cost estimate (which counts the bars a response shows) cannot see
// them: 100 tickers × sma(period: 300) over the last 100 bars costs 10,000 but
// reads every bar of 100 histories. Each read asks the database for at most
// what is left plus one row, so an over-budget request holds no more than the
// budget in memory before it is refused, whole, with QUERY_TOO_COSTLY.
import { type DomainError, queryTooCostly } from '../errors.js';

export type ReadBudget = {
  /** Runs one read at a time, each given the rows still left: its LIMIT. */
  read<T>(run: (maxRows: number) => Promise<{ value: T; rows: number }>): Promise<T>;
  readonly exceeded: boolean;
  error(): DomainError;
};

export function createReadBudget(limit: number): ReadBudget {
  let used = 0;
  let exceeded = false;
  // Reads run one after another, so two batches of one request never both
  // take the rows that only one of them may have.
  let queue: Promise<unknown> = Promise.resolve();
  const error = () =>
    queryTooCostly(
      `Indicators computed on demand would read more than ${limit} bars of history for this request (each reads every bar of its ETFs up to \`to\`): ask for fewer tickers or use an indicator's stored default parameters.`,
      { limit },
    );
  return {
    read(run) {
      const next = queue.then(async () => {
        if (exceeded) throw error();
        const { value, rows } = await run(limit - used + 1);
        used += rows;
        if (used > limit) {
          exceeded = true;
          throw error();
        }
        return value;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    get exceeded() {
      return exceeded;
    },
    error,
  };
}

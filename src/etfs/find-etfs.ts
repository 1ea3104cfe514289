// ETF rows by ticker for the hot path (a chart's etfsByTicker): one statement
// through pg, in the shape Prisma returns, at about 0.4 ms where the Prisma
// client's query costs 1 ms. Used when the request needs no relation of Etf
// (Pothos's `query` is empty); anything else goes through Prisma.
import type pg from 'pg';
import type { Etf } from '../generated/prisma/client.js';

/** The columns of an etf row (alias `e`) as Prisma names them; toEtf() finishes the row. */
export const etfColumns = (e: string) => `${e}.id, ${e}.ticker, ${e}.name, ${e}.issuer,
         ${e}.asset_class::text AS "assetClass", ${e}.expense_ratio AS "expenseRatio",
         ${e}.inception_date::text AS "inceptionDate", ${e}.currency, ${e}.exchange, ${e}.description,
         ${e}.stored_indicators_through::text AS "storedIndicatorsThrough", ${e}.sec_series_id AS "secSeriesId",
         ${e}.created_at AS "createdAt", ${e}.updated_at AS "updatedAt"`;

const BY_TICKER = `/* etfs-by-ticker */
  SELECT ${etfColumns('e')}
  FROM etf e WHERE e.ticker = ANY($1::text[])`;

export type EtfRow = Omit<Etf, 'inceptionDate' | 'storedIndicatorsThrough'> & {
  inceptionDate: string | null;
  storedIndicatorsThrough: string | null;
};

const day = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`));

/** A row of etfColumns() in the shape Prisma returns. A DATE is a day, not an instant: Prisma gives it as UTC midnight, and so do we. */
export const toEtf = (row: EtfRow): Etf => ({
  ...row,
  inceptionDate: day(row.inceptionDate),
  storedIndicatorsThrough: day(row.storedIndicatorsThrough),
});

/** One probe of the unique ticker index per ticker (test/prices/read-plans.test.ts). */
export function etfsByTickerStatement(tickers: readonly string[]): pg.QueryConfig {
  return { text: BY_TICKER, values: [tickers] };
}

export async function findEtfsByTicker(pool: pg.Pool, tickers: readonly string[]): Promise<Etf[]> {
  const { rows } = await pool.query<EtfRow>(etfsByTickerStatement(tickers));
  return rows.map(toEtf);
}

const BY_ID = `/* etfs-by-id */
  SELECT ${etfColumns('e')}
  FROM etf e WHERE e.id = ANY($1::int[])`;

/** ETF rows by id, in the shape Prisma returns (those that exist). */
export async function findEtfsById(pool: pg.Pool, ids: readonly number[]): Promise<Etf[]> {
  const { rows } = await pool.query<EtfRow>(BY_ID, [ids]);
  return rows.map(toEtf);
}

// npm run ingest -- --holdings: one holdings file (an N-PORT-P filing or an
// issuer's CSV) into one snapshot, all or nothing. The file is read and
// checked whole first (read-holdings-file.ts); then, in one transaction, its
// ETF is found, its positions linked to securities and the snapshot written
// (write-snapshot.ts). Which ETF: --ticker, else the file's name (SPY.xml,
// IVV_holdings.csv) when that is an ETF's ticker, else the filing's series id
// matched to Etf.secSeriesId (upsertEtf sets it).
import { basename } from 'node:path';
import type pg from 'pg';
import { type IsoDate, todayUtc } from '../dates.js';
import type { Database } from '../db/database.js';
import { isRefusedData, refusalReason } from '../db/prisma-errors.js';
import { withTransaction } from '../db/transaction.js';
import { DryRun, RejectFile } from '../ingest/ingest-file.js';
import type { FileProblem, HoldingsFile } from './position.js';
import { holdingsFileTicker, readHoldingsFile } from './read-holdings-file.js';
import { writeSnapshot } from './write-snapshot.js';

/** The earliest as-of date a snapshot may have (the database holds it to this too). */
const EARLIEST_AS_OF = '1990-01-01';

export type HoldingsImportResult = {
  file: string;
  format: HoldingsFile['format'] | null;
  ticker: string | null;
  asOf: IsoDate | null;
  positions: number;
  totalWeight: number;
  /** An earlier snapshot of the same ETF and date was replaced. */
  replaced: boolean;
  securitiesCreated: number;
  securitiesMerged: number;
  /** Empty when the file was imported (or, with dryRun, would have been). */
  problems: FileProblem[];
  notes: string[];
};

export type HoldingsImportOptions = {
  /** The ETF the file is of, whatever its name or series says. */
  ticker?: string;
  /** The date it is as of, when the file does not say (or says otherwise). */
  asOf?: IsoDate;
  dryRun?: boolean;
};

type EtfMatch = { id: number; ticker: string; secSeriesId: string | null };

// FOR KEY SHARE: the ETF cannot be deleted under the import, while its prices still load.
const FIND_ETF = `/* holdings-find-etf */
  SELECT id, ticker, sec_series_id AS "secSeriesId" FROM etf
  WHERE ticker = $1 OR sec_series_id = $2 FOR KEY SHARE`;

/** The ETF a file is of, or why it cannot be told. */
async function findEtf(
  client: pg.ClientBase,
  file: string,
  seriesId: string | null,
  ticker: string | undefined,
): Promise<EtfMatch | string> {
  const named = ticker?.trim().toUpperCase() ?? holdingsFileTicker(file);
  const { rows } = await client.query<EtfMatch>(FIND_ETF, [named, seriesId]);
  const byTicker = rows.find((row) => row.ticker === named);
  const bySeries = rows.find((row) => seriesId !== null && row.secSeriesId === seriesId);
  if (ticker !== undefined && !byTicker) return `no ETF has the ticker ${named} (--ticker)`;
  const etf = byTicker ?? bySeries;
  if (!etf) {
    const tried = [
      named ? `no ETF has the ticker ${named} (the file's name)` : "the file's name is not a ticker",
      seriesId
        ? `no ETF has the SEC series id ${seriesId} (set it with upsertEtf's secSeriesId)`
        : 'the file names no series',
    ];
    return `which ETF the file is of is not known: ${tried.join('; ')}; or pass --ticker`;
  }
  if (seriesId && etf.secSeriesId && etf.secSeriesId !== seriesId) {
    return `the file is of SEC series ${seriesId}, but ${etf.ticker} is series ${etf.secSeriesId}`;
  }
  return etf;
}

export async function importHoldingsFile(
  db: Database,
  file: string,
  options: HoldingsImportOptions = {},
): Promise<HoldingsImportResult> {
  const read = await readHoldingsFile(file);
  const problems = [...read.problems];
  const asOf = options.asOf ?? read.asOf;
  const result: HoldingsImportResult = {
    file,
    format: read.format,
    ticker: null,
    asOf,
    positions: read.positions.length,
    totalWeight: read.positions.reduce((sum, position) => sum + position.weight, 0),
    replaced: false,
    securitiesCreated: 0,
    securitiesMerged: 0,
    problems,
    notes: read.notes,
  };
  if (asOf === null) {
    problems.push({ line: 0, reason: 'the file gives no as-of date: pass --as-of YYYY-MM-DD' });
  } else if (asOf < EARLIEST_AS_OF || asOf > todayUtc()) {
    problems.push({ line: 0, reason: `the as-of date ${asOf} is not from ${EARLIEST_AS_OF} to today` });
  }
  if (problems.length > 0) return result;
  try {
    await withTransaction(db.pool, async (client) => {
      const etf = await findEtf(client, file, read.seriesId, options.ticker);
      if (typeof etf === 'string') {
        problems.push({ line: 0, reason: etf });
        throw new RejectFile();
      }
      result.ticker = etf.ticker;
      const written = await writeSnapshot(client, {
        etfId: etf.id,
        ticker: etf.ticker,
        asOf: asOf as IsoDate,
        source: read.format,
        fileName: basename(file).slice(0, 255),
        netAssets: read.netAssets,
        positions: read.positions,
      });
      result.replaced = written.replaced;
      result.securitiesCreated = written.created;
      result.securitiesMerged = written.merged;
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (isRefusedData(error)) {
      problems.push({ line: 0, reason: `the database refused the file: ${refusalReason(error)}` });
    } else if (!(error instanceof RejectFile) && !(error instanceof DryRun)) throw error;
  }
  return result;
}

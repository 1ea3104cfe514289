// Reads a holdings file of either format into the positions the importer
// stores. The format is told by content, not by name (a filer's download may
// be called anything): XML starts with '<', an issuer's CSV never does.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { tickerFromFileName } from '../ingest/vendor-layout.js';
import { readIssuerCsv } from './issuer-csv.js';
import { readNportXml } from './nport-xml.js';
import type { HoldingsFile } from './position.js';
import { MAX_PROBLEMS, positionProblems } from './position-checks.js';

/** Far beyond the largest N-PORT filing (a few tens of MB); the caller may lower it. */
export const DEFAULT_MAX_BYTES = 256 * 2 ** 20;
/** Leading whitespace held while looking for the first character; more than this is not a holdings file. */
const MAX_LEADING_WHITESPACE = 2 ** 20;

const refused = (format: HoldingsFile['format'], reason: string): HoldingsFile => ({
  format,
  asOf: null,
  seriesId: null,
  fundName: null,
  netAssets: null,
  positions: [],
  problems: [{ line: 0, reason }],
  notes: [],
});

export async function readHoldingsFile(path: string, options: { maxBytes?: number } = {}): Promise<HoldingsFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { size } = await stat(path);
  if (size > maxBytes) {
    return refused(
      'ISSUER_CSV',
      `the file is ${size.toLocaleString('en-US')} bytes, more than ${maxBytes.toLocaleString('en-US')}`,
    );
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
    // Chunks read while looking for the first character, given back to the reader.
    const held: string[] = [];
    let heldLength = 0;
    let first: string | undefined;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      let chunk = next.value;
      if (held.length === 0 && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // a byte-order mark
      if (chunk.includes('\u0000')) return refused('ISSUER_CSV', 'the file holds NUL bytes: it is binary, not text');
      held.push(chunk);
      heldLength += chunk.length;
      first = /\S/.exec(chunk)?.[0];
      if (first !== undefined) break;
      if (heldLength > MAX_LEADING_WHITESPACE) {
        return refused(
          'ISSUER_CSV',
          `the file starts with more than ${MAX_LEADING_WHITESPACE} characters of whitespace`,
        );
      }
    }
    const source = (async function* () {
      yield* held.splice(0);
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })();
    const file = first === '<' ? await readNportXml(source) : await readIssuerCsv(source);
    file.problems.push(...positionProblems(file.positions, { complete: file.problems.length === 0 }));
    if (file.problems.length > MAX_PROBLEMS) file.problems.length = MAX_PROBLEMS;
    return file;
  } finally {
    stream.destroy();
  }
}

/**
 * The ticker a holdings file's name gives: SPY.xml, spy.csv, and the issuers'
 * IVV_holdings.csv and IVV-holdings.csv all name IVV. Null when the name is
 * not a ticker (an ETF's own ticker is then found from the file's series id).
 */
export function holdingsFileTicker(path: string): string | null {
  const stem = basename(path, extname(path)).replace(/[_-]holdings$/i, '');
  // A file named only "holdings" names no fund, though HOLDINGS would pass as a ticker.
  return stem.toLowerCase() === 'holdings' ? null : tickerFromFileName(stem);
}

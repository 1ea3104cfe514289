// npm run ingest -- --holdings, as a real process against a real database:
// an N-PORT filing found by its series id, an iShares download by its file
// name, --ticker and --as-of, --dry-run, replacing a date, linking a security
// across files, and hostile or wrong files (an external entity, an entity
// bomb, weights that do not add up, a repeated row, a bad check digit, a
// series that is another ETF's) each refused with file:line reasons and the
// database as it was. Several imports at once still make one security each.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HoldingSpec, isharesCsv, nportXml, syntheticPositions } from '../../bench/holdings-files.js';
import { importHoldingsFile } from '../../src/holdings/import-holdings.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
let dir: string;
let env: Record<string, string>;

const SERIES = 'S000004310';

beforeAll(async () => {
  t = await createTestDatabase();
  env = { DATABASE_URL: t.url };
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-holdings-'));
  await createEtf(t.db, 'NPRT', { secSeriesId: SERIES });
  await createEtf(t.db, 'IVV');
  await createEtf(t.db, 'OTHR', { secSeriesId: 'S000009999' });
  await createEtf(t.db, 'CONC');
}, 60_000);
afterAll(() => t.close());

async function fileWith(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Everything holdings-related, to compare before and after a refused import. */
async function holdingsState() {
  const [snapshots, holdings, securities] = await Promise.all([
    t.db.pool.query(
      'SELECT etf_id, as_of::text, source, position_count, total_weight FROM holding_snapshot ORDER BY id',
    ),
    t.db.pool.query('SELECT * FROM holding ORDER BY snapshot_id, position'),
    t.db.pool.query('SELECT * FROM security ORDER BY id'),
  ]);
  return { snapshots: snapshots.rows, holdings: holdings.rows, securities: securities.rows };
}

type Stored = {
  name: string;
  isin: string | null;
  cusip: string | null;
  ticker: string | null;
  weight: number;
  shares: number | null;
  market_value: number | null;
  country: string | null;
  currency: string | null;
};

async function stored(ticker: string, asOf: string): Promise<Stored[]> {
  const { rows } = await t.db.pool.query<Stored>(
    `SELECT h.name, s.isin, s.cusip, s.ticker, h.weight, h.shares, h.market_value, h.country, h.currency
     FROM holding h JOIN holding_snapshot n ON n.id = h.snapshot_id JOIN etf e ON e.id = n.etf_id
     JOIN security s ON s.id = h.security_id
     WHERE e.ticker = $1 AND n.as_of = $2 ORDER BY h.position`,
    [ticker, asOf],
  );
  return rows;
}

/** What the file said, largest weight first (ties in file order), as the test expects it stored. */
const expectedOf = (positions: HoldingSpec[]) =>
  positions
    .map((p, line) => ({ p, line }))
    .sort((a, b) => b.p.weight - a.p.weight || a.line - b.line)
    .map(({ p }) => ({ name: p.name, isin: p.isin, weight: p.weight, shares: p.shares, country: p.country }));

describe('imports', () => {
  it('reads an N-PORT filing into a snapshot of the ETF its series id names', async () => {
    const positions = syntheticPositions(300, 7);
    const file = await fileWith(
      'primary_doc.xml',
      nportXml({ seriesId: SERIES, seriesName: 'Test Series', repPdDate: '2025-09-30', netAssets: 1e9, positions }),
    );
    const run = await runCli('ingest', ['--holdings', file], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NPRT as of 2025-09-30: 300 positions, 100.00 % recorded');
    const rows = await stored('NPRT', '2025-09-30');
    expect(rows.map(({ name, isin, weight, shares, country }) => ({ name, isin, weight, shares, country }))).toEqual(
      expectedOf(positions),
    );
    // A US ISIN carries its CUSIP: both are stored, whichever the file gave.
    for (const row of rows) if (row.isin?.startsWith('US')) expect(row.cusip).toBe(row.isin.slice(2, 11));
    const snapshot = await t.db.pool.query(
      'SELECT source, net_assets, file_name FROM holding_snapshot WHERE as_of = $1',
      ['2025-09-30'],
    );
    expect(snapshot.rows).toEqual([{ source: 'NPORT', net_assets: 1e9, file_name: 'primary_doc.xml' }]);
  });

  it('reads an iShares download into the ETF its file name names, as of its preamble date', async () => {
    const positions = syntheticPositions(120, 11);
    const file = await fileWith(
      'IVV_holdings.csv',
      isharesCsv({ fundName: 'iShares Core S&P 500 ETF', asOf: '2025-12-05', positions }),
    );
    const run = await runCli('ingest', ['--holdings', file], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('IVV as of 2025-12-05: 120 positions');
    const rows = await stored('IVV', '2025-12-05');
    // iShares writes weights to two decimals; ties keep the file's order.
    const expected = expectedOf(positions.map((p) => ({ ...p, weight: Number(p.weight.toFixed(2)) })));
    expect(rows.map((row) => ({ name: row.name, weight: row.weight }))).toEqual(
      expected.map((p) => ({ name: p.name, weight: p.weight })),
    );
    expect(rows.filter((row) => row.ticker !== null).length).toBeGreaterThan(0);
  });

  it('links a security a file names only by ticker with the one another names by ISIN', async () => {
    // IVV's download names securities by ticker (no identifier columns); NPRT's filing by ISIN and CUSIP, and ticker.
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM security WHERE ticker IS NOT NULL AND isin IS NULL AND cusip IS NULL
       AND ticker IN (SELECT ticker FROM security WHERE isin IS NOT NULL)`,
    );
    expect(rows[0]?.n).toBe(0);
    const shared = await t.db.pool.query<{ etfs: number }>(
      `SELECT count(DISTINCT n.etf_id)::int AS etfs FROM holding h JOIN holding_snapshot n ON n.id = h.snapshot_id
       JOIN security s ON s.id = h.security_id WHERE s.ticker = 'A'`,
    );
    expect(shared.rows[0]?.etfs).toBe(2);
  });

  it('takes --ticker and --as-of, replaces a date imported again, and writes nothing on --dry-run', async () => {
    const first = syntheticPositions(50, 3);
    const file = await fileWith('holdings.csv', isharesCsv({ fundName: 'x', asOf: '2025-11-28', positions: first }));
    expect((await runCli('ingest', ['--holdings', '--ticker', 'conc', '--as-of', '2025-11-27', file], env)).code).toBe(
      0,
    );
    expect(await stored('CONC', '2025-11-27')).toHaveLength(50);

    const before = await holdingsState();
    const second = syntheticPositions(40, 4);
    const again = await fileWith('again.csv', isharesCsv({ fundName: 'x', asOf: '2025-11-27', positions: second }));
    const dry = await runCli('ingest', ['--holdings', '--dry-run', '--ticker', 'CONC', again], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would be recorded');
    expect(await holdingsState()).toEqual(before);

    const replaced = await runCli('ingest', ['--holdings', '--ticker', 'CONC', again], env);
    expect(replaced.stdout).toContain('recorded (replacing that date)');
    expect(await stored('CONC', '2025-11-27')).toHaveLength(40);
  });
});

describe('refused files', () => {
  const cases: [string, string, string | RegExp][] = [
    [
      'xxe.xml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><edgarSubmission>&xxe;</edgarSubmission>',
      /DOCTYPE/,
    ],
    [
      'bomb.xml',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><edgarSubmission>&lol9;</edgarSubmission>`,
      /DOCTYPE/,
    ],
    ['NPRT.csv', 'Name,Weight (%)\nA,30\nB,20\n', /sum to 50 %/],
    [
      'IVV.csv',
      'Name,ISIN,Weight (%),Quantity\nApple,US0378331005,50,10\nApple,US0378331005,50,10\n',
      /3: repeats line 2/,
    ],
    ['IVV-bad.csv', 'Name,ISIN,Weight (%)\nApple,US0378331006,100\n', /:2: .*ISIN/],
    ['nobody.csv', 'Name,Weight (%)\nA,100\n', /which ETF the file is of is not known/],
  ];
  it.each(cases)('refuses %s with its reasons and leaves the database as it was', async (name, text, reason) => {
    const before = await holdingsState();
    const file = await fileWith(name, text);
    const args =
      name.endsWith('.xml') || name === 'IVV-bad.csv'
        ? ['--ticker', 'IVV', '--as-of', '2025-10-01']
        : ['--as-of', '2025-10-01'];
    const run = await runCli('ingest', ['--holdings', ...args, file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rejected, no holdings recorded from it');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain('root:');
    expect(await holdingsState()).toEqual(before);
  });

  it('refuses a filing whose series is another ETF’s, and loads the good file beside a bad one', async () => {
    const before = await holdingsState();
    const positions = syntheticPositions(20, 5);
    const wrong = await fileWith(
      'NPRT.xml',
      nportXml({ seriesId: 'S000009999', seriesName: 'x', repPdDate: '2025-08-29', netAssets: 1, positions }),
    );
    const good = await fileWith(
      'OTHR.xml',
      nportXml({ seriesId: 'S000009999', seriesName: 'x', repPdDate: '2025-08-29', netAssets: 1, positions }),
    );
    const run = await runCli('ingest', ['--holdings', wrong, good], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the file is of SEC series S000009999, but NPRT is series S000004310');
    expect(run.stdout).toContain('1 of 2 holdings files loaded');
    expect(await stored('OTHR', '2025-08-29')).toHaveLength(20);
    expect((await holdingsState()).snapshots.length).toBe(before.snapshots.length + 1);
  });

  it('refuses usage mistakes with exit 2', async () => {
    expect((await runCli('ingest', ['--ticker', 'IVV', 'x.csv'], env)).code).toBe(2);
    expect((await runCli('ingest', ['--holdings', '--as-of', '2025-02-30', 'x.csv'], env)).code).toBe(2);
    const two = await runCli(
      'ingest',
      ['--holdings', '--ticker', 'IVV', path.join(dir, 'holdings.csv'), path.join(dir, 'again.csv')],
      env,
    );
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--ticker names the ETF of one file, but 2 were given');
  });
});

it('links securities once when imports run at the same time', async () => {
  const files = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      fileWith(
        `concurrent-${i}.csv`,
        isharesCsv({
          fundName: 'x',
          asOf: `2025-07-0${i + 1}`,
          positions: syntheticPositions(200 + i * 10, 21),
          identifiers: true,
        }),
      ),
    ),
  );
  const results = await Promise.all(files.map((file) => importHoldingsFile(t.db, file, { ticker: 'CONC' })));
  for (const result of results) expect(result.problems).toEqual([]);
  const { rows } = await t.db.pool.query<{ isin: string; n: number }>(
    'SELECT isin, count(*)::int AS n FROM security WHERE isin IS NOT NULL GROUP BY isin HAVING count(*) > 1',
  );
  expect(rows).toEqual([]);
  // Every position of every file found its security by ISIN: one per distinct ISIN, shared by the four snapshots.
  const shared = await t.db.pool.query<{ n: number }>(
    `SELECT count(DISTINCT h.security_id)::int AS n FROM holding h JOIN holding_snapshot s ON s.id = h.snapshot_id
     JOIN etf e ON e.id = s.etf_id WHERE e.ticker = 'CONC' AND s.as_of BETWEEN '2025-07-01' AND '2025-07-04'`,
  );
  expect(shared.rows[0]?.n).toBe(230);
});

// Reading a file from disk: the format told by content, the size bound, a
// byte-order mark, the whole-file checks, hostile files, and the ticker a
// file's name gives.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isharesCsv, nportXml, syntheticPositions } from '../../bench/holdings-files.js';
import { holdingsFileTicker, readHoldingsFile } from '../../src/holdings/read-holdings-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'etfql-holdings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

const FILING = { seriesId: 'S000004310', seriesName: 'Fund', repPdDate: '2026-12-31', netAssets: 1e9 };

describe('readHoldingsFile', () => {
  it('tells N-PORT from CSV by content, not name, and passes a good file of each', async () => {
    const positions = syntheticPositions(25, 9);
    const xml = await readHoldingsFile(await fileWith('download.csv', nportXml({ ...FILING, positions })));
    expect(xml.format).toBe('NPORT');
    expect(xml.problems).toEqual([]);
    expect(xml.positions).toHaveLength(25);
    const csv = await readHoldingsFile(
      await fileWith('download.xml', isharesCsv({ fundName: 'F', asOf: '2026-12-04', positions })),
    );
    expect(csv.format).toBe('ISSUER_CSV');
    expect(csv.problems).toEqual([]);
    expect(csv.positions).toHaveLength(25);
  });

  it('strips a byte-order mark', async () => {
    const positions = syntheticPositions(3);
    const file = await readHoldingsFile(await fileWith('bom.xml', `\ufeff${nportXml({ ...FILING, positions })}`));
    expect(file.format).toBe('NPORT');
    expect(file.problems).toEqual([]);
    const csv = await readHoldingsFile(await fileWith('bom.csv', '\ufeffName,Weight\nA,100\n'));
    expect(csv.problems).toEqual([]);
    expect(csv.positions[0]?.name).toBe('A');
  });

  it('refuses a file larger than maxBytes before reading it', async () => {
    const file = await readHoldingsFile(await fileWith('big.csv', 'Name,Weight\nA,100\n'), { maxBytes: 10 });
    expect(file.problems).toEqual([{ line: 0, reason: 'the file is 18 bytes, more than 10' }]);
  });

  it('runs the whole-file checks', async () => {
    const file = await readHoldingsFile(
      await fileWith('sum.csv', 'Name,Weight,ISIN\nA,40,US0378331005\nB,40,US0378331005\n'),
    );
    expect(file.problems).toEqual([
      { line: 3, reason: 'repeats line 2: the same security (ISIN US0378331005), no payoff, currency and amounts' },
      { line: 0, reason: 'the weights sum to 80 %, more than 10 points from 100 %' },
    ]);
  });
});

describe('hostile files', () => {
  it('refuses binary garbage', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) % 256;
    const file = await readHoldingsFile(await fileWith('garbage.csv', bytes));
    expect(file.positions).toEqual([]);
    expect(file.problems).toEqual([{ line: 0, reason: 'the file holds NUL bytes: it is binary, not text' }]);
    const noNul = Buffer.from(bytes.filter((byte) => byte !== 0));
    const again = await readHoldingsFile(await fileWith('garbage2.csv', noNul));
    expect(again.positions).toEqual([]);
    expect(again.problems.length).toBeGreaterThan(0);
  });

  it('refuses a 1 MB single line without holding it', async () => {
    const file = await readHoldingsFile(await fileWith('line.csv', `Name,Weight\n${'x'.repeat(1 << 20)}\n`));
    expect(file.problems[0]).toMatchObject({ line: 2 });
    expect(file.problems[0]?.reason).toMatch(/^the line is longer than 65,536 characters/);
    expect(file.problems[0]?.reason.length).toBeLessThan(300);
  });

  it('refuses an empty file and a file of whitespace', async () => {
    expect((await readHoldingsFile(await fileWith('empty.csv', ''))).problems).toEqual([
      { line: 0, reason: 'the file is empty' },
    ]);
    expect((await readHoldingsFile(await fileWith('blank.csv', '\n \n\t\n'))).problems).toEqual([
      { line: 0, reason: 'no header row with a name column and a weight column in the first 50 lines' },
    ]);
  });

  it('refuses a file of only a header', async () => {
    const file = await readHoldingsFile(await fileWith('header.csv', 'Ticker,Name,Weight (%)\n'));
    expect(file.problems).toEqual([{ line: 0, reason: 'the file has no positions' }]);
  });

  it('refuses an N-PORT filing with no positions', async () => {
    const file = await readHoldingsFile(await fileWith('none.xml', nportXml({ ...FILING, positions: [] })));
    expect(file.problems).toEqual([{ line: 0, reason: 'the file has no positions' }]);
  });
});

describe('holdingsFileTicker', () => {
  it('reads the ticker a file name gives', () => {
    expect(holdingsFileTicker('/tmp/SPY.xml')).toBe('SPY');
    expect(holdingsFileTicker('spy.csv')).toBe('SPY');
    expect(holdingsFileTicker('IVV_holdings.csv')).toBe('IVV');
    expect(holdingsFileTicker('IVV-holdings.csv')).toBe('IVV');
    expect(holdingsFileTicker('holdings.csv')).toBeNull();
    expect(holdingsFileTicker('IVV holdings (1).csv')).toBeNull();
    expect(holdingsFileTicker('primary_doc.xml')).toBeNull();
  });
});

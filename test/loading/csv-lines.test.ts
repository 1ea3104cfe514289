// The CSV reader under every importer: quoted fields as RFC 4180 has them, and
// nothing looser (a quoted field ends at its closing quote, then a comma or
// the line's end), and a line longer than the limit refused after a bounded
// read, with a bounded reason, without holding the line in memory.
import { describe, expect, it } from 'vitest';
import { CsvLineSplitter, MAX_LINE_LENGTH, splitFields } from '../../src/ingest/csv-lines.js';

type Read = { records: [number, string[]][]; problems: [number, string][] };

function read(chunks: string[]): Read {
  const out: Read = { records: [], problems: [] };
  const splitter = new CsvLineSplitter({
    record: (fields, line) => out.records.push([line, fields]),
    problem: (reason, line) => out.problems.push([line, reason]),
  });
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return out;
}

describe('quoted fields', () => {
  it.each([
    ['a,"b,c","d""e",', ['a', 'b,c', 'd"e', '']],
    ['"",""', ['', '']],
    ['""""', ['"']],
    ['1,2,3', ['1', '2', '3']],
    ['"2024-01-02","1.5"', ['2024-01-02', '1.5']],
  ])('splits %s', (text, fields) => {
    expect(splitFields(text)).toEqual(fields);
  });

  it.each([
    ['text after a closing quote', '2024-01-02,"100"7,1', /column 2: .*closing quote/],
    ['a space after a closing quote', '"100" ,1', /column 1: .*closing quote/],
    ['a quote inside an unquoted field', '2024-01-02,10"0,1', /column 2: a quote inside an unquoted field/],
    ['a space before an opening quote', '1, "2"', /column 2: a quote inside an unquoted field/],
    ['an unterminated quote', '2024-01-02,"100,1', /column 2: .*no closing quote/],
    ['an escaped quote left open', '1,"a""', /column 2: .*no closing quote/],
  ])('refuses %s', (_name, text, reason) => {
    const fields = splitFields(text);
    expect(Array.isArray(fields)).toBe(false);
    expect((fields as { problem: string }).problem).toMatch(reason);
  });

  it('reports a malformed line with its number, and reads on', () => {
    const out = read(['date,close\n2024-01-02,"100"7\n2024-01-03,', '101\n"2024-01-04,102']);
    expect(out.problems).toEqual([
      [2, expect.stringMatching(/column 2/)],
      [4, expect.stringMatching(/column 1: .*no closing quote/)],
    ]);
    expect(out.records).toEqual([
      [1, ['date', 'close']],
      [3, ['2024-01-03', '101']],
    ]);
  });
});

describe('overlong lines', () => {
  it('refuses a 50 MB line after a bounded read, with a short reason, and reads the lines after it', () => {
    const piece = '7'.repeat(1024 * 1024);
    const problems: [number, string][] = [];
    const records: number[] = [];
    const splitter = new CsvLineSplitter({
      record: (_fields, line) => records.push(line),
      problem: (reason, line) => problems.push([line, reason]),
    });
    splitter.push('date,close\n2024-01-02,"');
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for (let i = 0; i < 50; i++) {
      splitter.push(piece);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    splitter.push('"\n2024-01-03,5\n');
    splitter.end();
    // Holding the line would take 50 MB; a chunk or two may be alive at once.
    expect(heapPeak - heapBefore).toBeLessThan(16 * 1024 * 1024);
    expect(problems).toHaveLength(1);
    const [line, reason] = problems[0] as [number, string];
    expect(line).toBe(2);
    expect(reason.length).toBeLessThan(200);
    expect(reason).toContain(`longer than ${MAX_LINE_LENGTH.toLocaleString('en-US')} characters`);
    expect(reason).toContain('52,428,813 bytes');
    expect(reason).toContain('"2024-01-02,\\"777');
    expect(records).toEqual([1, 3]);
  });

  it('refuses an overlong last line without a newline, and takes a line of exactly the limit', () => {
    const atLimit = 'x'.repeat(MAX_LINE_LENGTH);
    const out = read([`${atLimit}\n`, 'y'.repeat(MAX_LINE_LENGTH + 1)]);
    expect(out.records).toEqual([[1, [atLimit]]]);
    expect(out.problems).toEqual([
      [2, expect.stringContaining(`(${(MAX_LINE_LENGTH + 1).toLocaleString('en-US')} bytes)`)],
    ]);
  });
});

// Files made to hurt an XML reader: entity expansion ("billion laughs"),
// external entities (XXE), undefined entities, endless text, deep nesting and
// too many positions. Each is refused cheaply: reading stops at once, memory
// stays flat, and nothing a declaration points at reaches the result.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nportXml, syntheticPositions } from '../../bench/holdings-files.js';
import { MAX_TEXT, readNportXml } from '../../src/holdings/nport-xml.js';

const DOCTYPE_REASON = 'declares a DOCTYPE: entities are never expanded, and N-PORT files have none';

/** The chunks, then endless filler: `pulled` counts what the reader asked for. */
function counted(first: string[], filler = '<x/>'.repeat(4096)) {
  const state = { pulled: 0 };
  const source = (function* () {
    for (const chunk of first) {
      state.pulled++;
      yield chunk;
    }
    for (let i = 0; i < 10_000; i++) {
      state.pulled++;
      yield filler;
    }
  })();
  return { source, state };
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<edgarSubmission xmlns="http://www.sec.gov/edgar/nport"><formData>
<genInfo><seriesName>&lol9;</seriesName><repPdDate>2026-12-31</repPdDate></genInfo>
<invstOrSecs><invstOrSec><name>&lol9;</name><pctVal>100</pctVal></invstOrSec></invstOrSecs>
</formData></edgarSubmission>`;

const XXE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE edgarSubmission [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<edgarSubmission xmlns="http://www.sec.gov/edgar/nport"><formData>
<genInfo><seriesName>&xxe;</seriesName><repPdDate>2026-12-31</repPdDate></genInfo>
<invstOrSecs><invstOrSec><name>&xxe;</name><pctVal>100</pctVal></invstOrSec></invstOrSecs>
</formData></edgarSubmission>`;

/** Heap in use after the work, less before: a bound that expansion (gigabytes) could never meet. */
async function heapGrowthMb(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().heapUsed;
  await work();
  return (process.memoryUsage().heapUsed - before) / 2 ** 20;
}

describe('entity declarations', () => {
  it('refuses a billion laughs at its DOCTYPE, in bounded memory and time, reading no further', async () => {
    const { source, state } = counted([BILLION_LAUGHS]);
    let file: Awaited<ReturnType<typeof readNportXml>> | undefined;
    const started = Date.now();
    const growth = await heapGrowthMb(async () => {
      file = await readNportXml(source);
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(growth).toBeLessThan(16);
    expect(file?.problems).toEqual([{ line: 2, reason: DOCTYPE_REASON }]);
    expect(file?.positions).toEqual([]);
    expect(file?.fundName).toBeNull();
    expect(JSON.stringify(file)).not.toContain('lol');
    expect(state.pulled).toBe(1);
  });

  it('refuses an external entity without resolving it: nothing of /etc/passwd reaches the result', async () => {
    const file = await readNportXml([XXE]);
    expect(file.problems).toEqual([{ line: 2, reason: DOCTYPE_REASON }]);
    const result = JSON.stringify(file);
    expect(result).not.toContain('root:');
    const passwd = readFileSync('/etc/passwd', 'utf8');
    for (const line of passwd.split('\n').filter((text) => text.length > 8)) expect(result).not.toContain(line);
    expect(result).not.toContain('/bin/');
  });

  it('finds a DOCTYPE split across chunks', async () => {
    const pieces = XXE.match(/[\s\S]{1,3}/g) as string[];
    const file = await readNportXml(pieces);
    expect(file.problems).toEqual([{ line: 2, reason: DOCTYPE_REASON }]);
  });

  it('refuses an ENTITY declaration even without a DOCTYPE around it', async () => {
    const file = await readNportXml(['<edgarSubmission>\n<!ENTITY x "y">\n</edgarSubmission>']);
    expect(file.problems).toEqual([{ line: 2, reason: DOCTYPE_REASON }]);
  });

  it('refuses an undefined entity in a file without a DOCTYPE, at its line', async () => {
    const xml = nportXml({
      seriesId: 'S1',
      seriesName: 'Fund',
      repPdDate: '2026-12-31',
      netAssets: 1,
      positions: [],
    }).replace(
      '<invstOrSecs>\n',
      '<invstOrSecs>\n<invstOrSec>\n<name>A&nbsp;B</name><pctVal>100</pctVal></invstOrSec>\n',
    );
    const line = xml.split('\n').findIndex((text) => text.includes('&nbsp;')) + 1;
    const file = await readNportXml([xml]);
    expect(file.problems).toEqual([
      {
        line,
        reason:
          'the XML is not well formed: an undefined entity (only &amp; &lt; &gt; &quot; &apos; and &#…; character references exist here)',
      },
    ]);
    expect(file.positions).toEqual([]);
  });
});

describe('bounds', () => {
  it('refuses an element whose text runs past 64 KiB without holding it', async () => {
    const head = '<edgarSubmission><formData><genInfo><seriesName>';
    const { source, state } = counted([head], 'A'.repeat(1 << 16));
    const growth = await heapGrowthMb(async () => {
      const file = await readNportXml(source);
      expect(file.problems).toEqual([{ line: 1, reason: `an element's text is longer than ${MAX_TEXT} characters` }]);
    });
    expect(state.pulled).toBeLessThanOrEqual(3);
    expect(growth).toBeLessThan(16);
  });

  it('refuses text just past 64 KiB, and reads text of 64 KiB', async () => {
    const document = (length: number) =>
      `<edgarSubmission><formData><genInfo><repPdDate>2026-12-31</repPdDate></genInfo><invstOrSecs><invstOrSec><name>${'n'.repeat(length)}</name><pctVal>100</pctVal></invstOrSec></invstOrSecs></formData></edgarSubmission>`;
    expect((await readNportXml([document(MAX_TEXT)])).problems).toEqual([]);
    expect((await readNportXml([document(MAX_TEXT + 1)])).problems).toEqual([
      { line: 1, reason: `an element's text is longer than ${MAX_TEXT} characters` },
    ]);
  });

  it('refuses markup nested deeper than any filing', async () => {
    const { source } = counted(['<edgarSubmission>'], '<a>'.repeat(1000));
    const file = await readNportXml(source);
    expect(file.problems).toEqual([{ line: 1, reason: 'elements are nested more than 64 deep' }]);
  });

  it('refuses more than 100,000 positions, reading no further', async () => {
    const head = '<edgarSubmission><formData><genInfo><repPdDate>2026-12-31</repPdDate></genInfo><invstOrSecs>\n';
    const position = '<invstOrSec><name>a</name><pctVal>0</pctVal></invstOrSec>\n';
    const { source, state } = counted([head], position.repeat(1000));
    const file = await readNportXml(source);
    expect(file.problems).toEqual([{ line: 100_002, reason: 'more than 100,000 positions' }]);
    expect(state.pulled).toBe(102);
  });

  it('reads a realistic filing after all that', async () => {
    const xml = nportXml({
      seriesId: 'S1',
      seriesName: 'Fund',
      repPdDate: '2026-12-31',
      netAssets: 1,
      positions: syntheticPositions(10),
    });
    expect((await readNportXml([xml])).problems).toEqual([]);
  });
});

// Splits CSV text into records as it streams in, one chunk at a time, so a
// file of any size costs the memory of one chunk. Vendor price files are plain
// comma-separated lines; quoted fields (RFC 4180, "" for a quote) are
// understood, but a quoted field may not span lines: no price file needs that,
// and refusing it keeps each record on the line an error message names.

type LineHandler = (fields: string[], line: number) => void;
/** Reads a line whole when it can (true), sparing the split into fields. */
type PlainLineHandler = (text: string, line: number) => boolean;

export class CsvLineSplitter {
  private rest = '';
  private line = 0;

  constructor(
    private readonly onRecord: LineHandler,
    private readonly onPlainLine?: PlainLineHandler,
  ) {}

  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      this.emit(text.slice(start, end));
      start = end + 1;
    }
    this.rest = text.slice(start);
  }

  end(): void {
    if (this.rest !== '') this.emit(this.rest);
    this.rest = '';
  }

  private emit(raw: string): void {
    this.line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) {
      this.onRecord(splitFields(text.slice(1)), this.line); // a byte-order mark
      return;
    }
    if (this.onPlainLine?.(text, this.line)) return;
    this.onRecord(splitFields(text), this.line);
  }
}

/** The fields of one line; a line with an unbalanced quote yields one field starting with a quote and no end. */
export function splitFields(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote === -1) return [...fields, `"${text.slice(i + 1)}`]; // unterminated
        value += text.slice(j, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
        } else {
          j = quote + 1;
          break;
        }
      }
      fields.push(value);
      i = text.indexOf(',', j);
      if (i === -1) break;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      fields.push(text.slice(i, comma === -1 ? undefined : comma));
      if (comma === -1) break;
      i = comma + 1;
    }
  }
  return fields;
}

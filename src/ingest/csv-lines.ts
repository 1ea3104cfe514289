// Splits CSV text into records as it streams in, one chunk at a time, so a
// file of any size costs the memory of one chunk and one line. Vendor price
// files are plain comma-separated lines; quoted fields (RFC 4180, "" for a
// quote) are understood, but a quoted field may not span lines: no price file
// needs that, and refusing it keeps each record on the line an error message
// names. Nothing looser than RFC 4180 is read: a quoted field ends at its
// closing quote, then a comma or the line's end (`"100"7` is not 100), and a
// quote inside an unquoted field is a mistake. A line longer than
// MAX_LINE_LENGTH is refused as it streams by, never held whole: its problem
// shows its first characters and its size.

type RecordHandler = (fields: string[], line: number) => void;
/** Reads a line whole when it can (true), sparing the split into fields. */
type PlainLineHandler = (text: string, line: number) => boolean;
/** A line that is not a record, with the reason (bounded in length). */
type ProblemHandler = (reason: string, line: number) => void;

type Handlers = { record: RecordHandler; plainLine?: PlainLineHandler; problem: ProblemHandler };

/** Far beyond any row of prices or any header (a few dozen characters), and cheap to hold. */
export const MAX_LINE_LENGTH = 64 * 1024;
/** How much of a refused line its reason shows. */
const SHOWN = 80;

/** 52428800 → "52,428,800", without Intl (its first use costs more than a small import). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Up to SHOWN characters of a text, quoted and escaped (no control characters reach a terminal), with … when cut. */
export function excerpt(text: string): string {
  return `${JSON.stringify(text.slice(0, SHOWN))}${text.length > SHOWN ? '…' : ''}`;
}

export class CsvLineSplitter {
  private rest = '';
  private line = 0;
  /** The line being skipped because it is too long: its start and its size so far. */
  private overlong: { head: string; bytes: number } | null = null;

  constructor(private readonly handlers: Handlers) {}

  /** Whether the line being read is already too long: a reader that must not read on can stop here, then end(). */
  get inOverlongLine(): boolean {
    return this.overlong !== null;
  }

  push(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n', start); end !== -1; end = chunk.indexOf('\n', start)) {
      this.finishLine(chunk.slice(start, end));
      start = end + 1;
    }
    this.keep(start === 0 ? chunk : chunk.slice(start));
  }

  end(): void {
    if (this.rest !== '' || this.overlong) this.finishLine('');
    this.rest = '';
  }

  /** Holds the start of an unfinished line, or only counts it once it is too long. */
  private keep(piece: string): void {
    if (piece === '') return;
    if (this.overlong) this.overlong.bytes += Buffer.byteLength(piece);
    else if (this.rest.length + piece.length > MAX_LINE_LENGTH) {
      this.overlong = {
        head: (this.rest + piece.slice(0, SHOWN)).slice(0, SHOWN + 1),
        bytes: Buffer.byteLength(this.rest) + Buffer.byteLength(piece),
      };
      this.rest = '';
    } else this.rest += piece;
  }

  private finishLine(last: string): void {
    // Most lines arrive whole within a chunk: nothing held, nothing to join.
    if (this.rest === '' && this.overlong === null && last.length <= MAX_LINE_LENGTH) {
      this.line++;
      this.emit(last);
      return;
    }
    this.keep(last);
    const { overlong } = this;
    this.overlong = null;
    const raw = this.rest;
    this.rest = '';
    this.line++;
    if (overlong) {
      this.handlers.problem(
        `the line is longer than ${grouped(MAX_LINE_LENGTH)} characters (${grouped(overlong.bytes)} bytes): ${excerpt(overlong.head)}`,
        this.line,
      );
      return;
    }
    this.emit(raw);
  }

  private emit(raw: string): void {
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff)
      text = text.slice(1); // a byte-order mark
    else if (this.handlers.plainLine?.(text, this.line)) return;
    const fields = splitFields(text);
    if (Array.isArray(fields)) this.handlers.record(fields, this.line);
    else this.handlers.problem(fields.problem, this.line);
  }
}

/** The fields of one line, or why it is not a line of CSV. */
export function splitFields(text: string): string[] | { problem: string } {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const column = fields.length + 1;
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote === -1) {
          return {
            problem: `column ${column}: a quoted field with no closing quote on its line: ${excerpt(text.slice(i))}`,
          };
        }
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
      if (j === text.length) return fields;
      if (text[j] !== ',') {
        return {
          problem: `column ${column}: a quoted field must end at its closing quote, then a comma: ${excerpt(text.slice(i))}`,
        };
      }
      i = j + 1;
    } else {
      const comma = text.indexOf(',', i);
      const field = text.slice(i, comma === -1 ? undefined : comma);
      if (field.includes('"')) {
        return { problem: `column ${column}: a quote inside an unquoted field: ${excerpt(field)}` };
      }
      fields.push(field);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

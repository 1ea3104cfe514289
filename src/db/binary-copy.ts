// Rows in PostgreSQL's binary COPY format, for bulk writes of numbers: a float8
// travels as its 8 bytes, with no formatting in Node and no parsing in the
// server, and arrives bit for bit. See "COPY ... BINARY" in the PostgreSQL docs.

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const DAYS_TO_2000 = 10_957; // PostgreSQL dates count days from 2000-01-01

/** Writes tuples of (int4, bool, date, float8…) with NULL for non-finite floats, in chunks of about 64 kB. */
export class BinaryCopyWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private offset = 0;
  private readonly chunks: Buffer[] = [];

  constructor() {
    this.reserve(SIGNATURE.length + 8);
    SIGNATURE.copy(this.buffer, 0);
    this.offset = SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.offset); // flags
    this.buffer.writeInt32BE(0, this.offset + 4); // header extension length
    this.offset += 8;
  }

  /** One row: an int4, a bool, an ISO date, then the float8 columns at index t. */
  row(id: number, flag: boolean, isoDate: string, columns: readonly Float64Array[], t: number): void {
    this.reserve(2 + 8 + 5 + 8 + columns.length * 12);
    const b = this.buffer;
    let o = this.offset;
    o = b.writeInt16BE(3 + columns.length, o);
    o = b.writeInt32BE(4, o);
    o = b.writeInt32BE(id, o);
    o = b.writeInt32BE(1, o);
    o = b.writeUInt8(flag ? 1 : 0, o);
    o = b.writeInt32BE(4, o);
    o = b.writeInt32BE(daysSince2000(isoDate), o);
    for (const column of columns) {
      const value = column[t] as number;
      if (Number.isFinite(value)) {
        o = b.writeInt32BE(8, o);
        o = b.writeDoubleBE(value, o);
      } else {
        o = b.writeInt32BE(-1, o);
      }
    }
    this.offset = o;
  }

  /** Chunks completed so far (taken), to be written while more rows are made. */
  take(): Buffer[] {
    return this.chunks.splice(0);
  }

  /** The rest, with the trailer. */
  end(): Buffer[] {
    this.reserve(2);
    this.offset = this.buffer.writeInt16BE(-1, this.offset);
    this.chunks.push(this.buffer.subarray(0, this.offset));
    return this.take();
  }

  private reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    this.chunks.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 16, bytes));
    this.offset = 0;
  }
}

function daysSince2000(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Date.UTC(year, month - 1, day) / 86_400_000 - DAYS_TO_2000;
}

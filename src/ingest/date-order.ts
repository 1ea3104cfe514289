// Duplicate dates of a one-ETF file, found while it streams by. Vendor files
// are sorted by date (oldest or newest first): while a file stays sorted, a
// repeated date can only repeat the previous row's, so a sorted file costs one
// comparison per row. The first row out of order switches to a map of every
// date read so far, kept from then on.
export class DateOrder {
  first = '';
  last = '';
  private previous = '';
  private direction = 0; // 1 ascending, -1 descending, 0 not yet known
  private readonly dates: string[] = [];
  private readonly lines: number[] = [];
  private byDate: Map<string, number> | null = null;

  /** Adds a row's date; returns the line of an earlier row with the same date, if any. */
  add(date: string, line: number): number | undefined {
    if (this.byDate) {
      const earlier = this.byDate.get(date);
      if (earlier === undefined) this.byDate.set(date, line);
      this.widen(date);
      return earlier;
    }
    if (this.previous !== '') {
      if (date === this.previous) return this.lines[this.lines.length - 1];
      const step = date > this.previous ? 1 : -1;
      if (this.direction === 0) this.direction = step;
      else if (step !== this.direction) {
        this.byDate = new Map();
        for (let i = 0; i < this.dates.length; i++) this.byDate.set(this.dates[i] as string, this.lines[i] as number);
        this.dates.length = 0;
        this.lines.length = 0;
        return this.add(date, line);
      }
    }
    this.dates.push(date);
    this.lines.push(line);
    this.previous = date;
    this.widen(date);
    return undefined;
  }

  private widen(date: string): void {
    if (this.first === '' || date < this.first) this.first = date;
    if (date > this.last) this.last = date;
  }
}

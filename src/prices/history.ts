// A price history in the columnar form that the indicator kernels, the
// columnar `series` field and the read path share: one typed array per field.
import type { IsoDate } from '../dates.js';
import { BAR_FIELDS, type BarField } from './bar-fields.js';

/** Bars as columns, one typed array per field, oldest first: what the indicator kernels take. */
export type Bars = {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
};

/** One bar as an object: the object form of `prices`, and what importers produce. */
export type PriceBar = {
  date: IsoDate;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

export type History = { dates: IsoDate[]; bars: Bars };

const NONE = new Float64Array(0);

/** A history of `length` bars to fill; columns not in `fields` stay empty. */
export function emptyHistory(length: number, fields: readonly BarField[] = BAR_FIELDS): History {
  const column = (field: BarField) => (fields.includes(field) ? new Float64Array(length) : NONE);
  return {
    dates: new Array(length),
    bars: {
      open: column('open'),
      high: column('high'),
      low: column('low'),
      close: column('close'),
      volume: column('volume'),
    },
  };
}

export function toHistory(rows: readonly PriceBar[]): History {
  const history = emptyHistory(rows.length);
  rows.forEach((row, t) => {
    history.dates[t] = row.date;
    history.bars.open[t] = row.open;
    history.bars.high[t] = row.high;
    history.bars.low[t] = row.low;
    history.bars.close[t] = row.close;
    history.bars.volume[t] = row.volume;
  });
  return history;
}

/** The history's bars as objects, for the object form of `prices`. */
export function toPriceBars(history: History): PriceBar[] {
  const { dates, bars } = history;
  const out: PriceBar[] = new Array(dates.length);
  for (let t = 0; t < dates.length; t++) {
    out[t] = {
      date: dates[t] as IsoDate,
      open: bars.open[t] as number,
      high: bars.high[t] as number,
      low: bars.low[t] as number,
      close: bars.close[t] as number,
      volume: bars.volume[t] as number,
    };
  }
  return out;
}

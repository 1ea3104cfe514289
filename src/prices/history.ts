// A price history in the columnar form the indicator kernels take.
import type { IsoDate } from '../dates.js';
import type { Bars } from '../indicators/series.js';
import type { PriceBar } from './read-bars.js';

export type History = { dates: IsoDate[]; bars: Bars };

export function toHistory(rows: readonly PriceBar[]): History {
  const length = rows.length;
  const history: History = {
    dates: new Array(length),
    bars: {
      open: new Float64Array(length),
      high: new Float64Array(length),
      low: new Float64Array(length),
      close: new Float64Array(length),
      volume: new Float64Array(length),
    },
  };
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

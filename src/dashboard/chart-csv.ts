// The chart's "Download CSV": one row a date, one column for each series drawn
// (the compared tickers rebased to 100; or open, high, low, close, volume and
// each indicator line), written from the columns the chart was drawn from, so
// the file holds what is on screen. Full precision, empty where nothing is drawn.
import type { DrawnChart } from './charts.js';
import type { CsvRows } from './csv-download.js';
import type { ViewState } from './view-state.js';

export function drawnCsvRows({ dates, columns }: DrawnChart): CsvRows {
  return [
    ['date', ...columns.map((column) => column.title)],
    ...dates.map((date, i) => [date, ...columns.map((column) => String(column.values[i] ?? ''))]),
  ];
}

export function csvFileName(state: ViewState): string {
  const what = state.mode === 'detail' ? state.ticker : state.tickers.join('-');
  return `etfql-${state.mode}-${what}-${state.range}-${state.interval.toLowerCase()}.csv`;
}

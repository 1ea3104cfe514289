// Drawing with TradingView's lightweight-charts: canvas rendering that stays
// fast with tens of thousands of points, financial series (candles, volume)
// built in, several panes on one time axis, and no network access of its own.
import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
  type LineData,
  LineSeries,
  type SeriesType,
  type Time,
} from 'lightweight-charts';
import { aliasOf, type DetailEtf } from './detail-query.js';
import { INDICATOR_CATALOG } from './generated/indicator-catalog.js';
import type { CompareChartQuery } from './gql/graphql.js';
import { choiceTitle, type IndicatorChoice } from './indicator-choice.js';
import { INDICATOR_UI, onPricePane } from './indicator-groups.js';

export const PALETTE = [
  '#2962ff',
  '#e91e63',
  '#00a86b',
  '#ff9800',
  '#9c27b0',
  '#00bcd4',
  '#795548',
  '#607d8b',
  '#cddc39',
  '#f44336',
];

const BASE_OPTIONS = {
  autoSize: true,
  layout: { background: { type: ColorType.Solid, color: '#ffffff' }, textColor: '#333', fontSize: 12 },
  grid: { vertLines: { color: '#f0f3fa' }, horzLines: { color: '#f0f3fa' } },
  timeScale: { borderColor: '#d1d4dc' },
  rightPriceScale: { borderColor: '#d1d4dc' },
};

let current: IChartApi | null = null;

function freshChart(container: HTMLElement): IChartApi {
  current?.remove();
  container.replaceChildren();
  current = createChart(container, BASE_OPTIONS);
  return current;
}

/**
 * What a chart shows, column by column on its dates: what the CSV download
 * writes and what the tests read back (window.__etfql.chart). `values[i]` is on
 * `dates[i]`; null where the series has no value (warm-up, a date a compared
 * ETF has no bar).
 */
export type DrawnColumn = {
  id: string;
  title: string;
  pane: number;
  values: (number | null)[];
  /** The options of the chart series that draws it; absent for a candle's open, high and low. */
  labels?: { lastValueVisible: boolean; priceLineVisible: boolean };
};
export type DrawnChart = { dates: string[]; columns: DrawnColumn[] };

/**
 * The label options of a series as the chart holds them (read back, not as
 * asked). `lastValueVisible` says whether it puts any tag on the price axis:
 * its last value, or its title, which the chart draws there too.
 */
function labelsOf(series: ISeriesApi<SeriesType>): DrawnColumn['labels'] {
  const { lastValueVisible, priceLineVisible, title } = series.options();
  return { lastValueVisible: lastValueVisible || title !== '', priceLineVisible };
}

/** Line data from values aligned with `dates`; nulls (warm-up) become gaps. */
function line(dates: readonly string[], values: readonly (number | null)[]): LineData<Time>[] {
  const data: LineData<Time>[] = [];
  for (let i = 0; i < dates.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) data.push({ time: dates[i] as Time, value });
  }
  return data;
}

export type CompareSeries = NonNullable<CompareChartQuery['etfsByTicker'][number]>;

/**
 * Each ticker's close rebased to 100 on the first bar of the window. The
 * values are in the legend, not on the price axis: several tickers' labels
 * there would cover each other and the axis' own labels.
 */
export function drawComparison(container: HTMLElement, etfs: CompareSeries[], fromDate: string | null): DrawnChart {
  container.style.height = '';
  const chart = freshChart(container);
  const rebased = etfs.flatMap((etf) => {
    const bars = fromDate ? etf.prices.filter((bar) => bar.date >= fromDate) : etf.prices;
    const base = bars[0]?.close;
    return base
      ? [{ ticker: etf.ticker, bars: bars.map((bar) => ({ date: bar.date, value: (100 * bar.close) / base })) }]
      : [];
  });
  const dates = [...new Set(rebased.flatMap(({ bars }) => bars.map((bar) => bar.date)))].sort();
  const labels = { lastValueVisible: false, priceLineVisible: false };
  // Each ticker keeps its chip's colour, whether or not the tickers before it were drawn.
  const colors = rebased.map(({ ticker }) => PALETTE[etfs.findIndex((etf) => etf.ticker === ticker) % PALETTE.length]);
  const columns = rebased.map(({ ticker, bars }, i): DrawnColumn => {
    const color = colors[i];
    // No title either: lightweight-charts draws a series' title as a tag on the
    // price axis even without its last value, and the tags of close tickers
    // collide with each other and the axis labels. The legend names them.
    const series = chart.addSeries(LineSeries, { color, lineWidth: 2, ...labels });
    series.setData(bars.map((bar) => ({ time: bar.date as Time, value: bar.value })));
    const byDate = new Map(bars.map((bar) => [bar.date, bar.value]));
    const values = dates.map((date) => byDate.get(date) ?? null);
    return { id: ticker, title: ticker, pane: 0, values, labels: labelsOf(series) };
  });
  chart.timeScale().fitContent();
  showLegend(container, chart, dates, columns, colors as string[]);
  return { dates, columns };
}

/** The legend above the chart: each series' value at the crosshair, or its last one. */
function showLegend(
  container: HTMLElement,
  chart: IChartApi,
  dates: string[],
  columns: DrawnColumn[],
  colors: string[],
): void {
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.setAttribute('aria-live', 'off');
  const write = (index: number) => {
    legend.replaceChildren(
      ...columns.map((column, i) => {
        const item = document.createElement('span');
        item.className = 'legend-item';
        item.style.setProperty('--swatch', colors[i] as string);
        // The last value the series has on or before that date.
        let value: number | null = null;
        for (let j = Math.min(index, dates.length - 1); j >= 0 && value === null; j--) value = column.values[j] ?? null;
        item.textContent = `${column.title} ${value === null ? '—' : value.toFixed(2)}`;
        return item;
      }),
      Object.assign(document.createElement('span'), { className: 'legend-date', textContent: dates[index] ?? '' }),
    );
  };
  write(dates.length - 1);
  chart.subscribeCrosshairMove((param) => {
    const index = param.time === undefined ? -1 : dates.indexOf(String(param.time));
    write(index >= 0 ? index : dates.length - 1);
  });
  container.prepend(legend);
}

/** Colours of an indicator's lines: its fields take the palette in turn from its own starting colour. */
const fieldColor = (indicatorIndex: number, field: number) =>
  PALETTE[(indicatorIndex * 3 + field) % PALETTE.length] as string;

/** Candles with the overlays, volume in its own pane, then one pane per other indicator. */
export function drawDetail(
  container: HTMLElement,
  etf: DetailEtf,
  choices: readonly IndicatorChoice[],
  fromDate: string | null,
): DrawnChart {
  const lowerPanes = choices.filter((choice) => !onPricePane(choice.name)).length;
  // Each pane below keeps a readable height: the chart grows with them.
  container.style.height = `${Math.max(560, 420 + 140 * (lowerPanes + 1))}px`;
  const chart = freshChart(container);
  const start = Math.max(fromDate ? etf.prices.findIndex((bar) => bar.date >= fromDate) : 0, 0);
  const bars = etf.prices.slice(start);
  const dates = bars.map((bar) => bar.date);
  const columns: DrawnColumn[] = [];

  const candles = chart.addSeries(CandlestickSeries, {
    upColor: '#26a69a',
    downColor: '#ef5350',
    wickUpColor: '#26a69a',
    wickDownColor: '#ef5350',
    borderVisible: false,
  });
  candles.setData(
    bars.map((bar) => ({ time: bar.date as Time, open: bar.open, high: bar.high, low: bar.low, close: bar.close })),
  );
  for (const field of ['open', 'high', 'low', 'close'] as const) {
    columns.push({
      id: field,
      title: field,
      pane: 0,
      values: bars.map((bar) => bar[field]),
      ...(field === 'close' && { labels: labelsOf(candles) }),
    });
  }
  const volume = chart.addSeries(
    HistogramSeries,
    { color: '#90a4ae', priceFormat: { type: 'volume' }, title: 'Volume' },
    1,
  );
  volume.setData(
    bars.map((bar) => ({
      time: bar.date as Time,
      value: bar.volume,
      color: bar.close >= bar.open ? '#80cbc4' : '#ef9a9a',
    })),
  );
  columns.push({
    id: 'volume',
    title: 'volume',
    pane: 1,
    values: bars.map((bar) => bar.volume),
    labels: labelsOf(volume),
  });

  let nextPane = 2;
  choices.forEach((choice, index) => {
    const points = (etf.indicators?.[aliasOf(index)] ?? []).slice(start);
    const { fields } = INDICATOR_CATALOG[choice.name];
    const onPrice = onPricePane(choice.name);
    const pane = onPrice ? 0 : nextPane++;
    const title = choiceTitle(INDICATOR_UI[choice.name].label, choice);
    // On the price pane the candles' label is the one that matters; a pane of its own has room for its lines'.
    const labels = { lastValueVisible: !onPrice, priceLineVisible: false };
    fields.forEach((field: string, f: number) => {
      const values = dates.map((_, i) => points[i]?.[field] ?? null);
      const fieldTitle = fields.length === 1 ? title : `${title} ${field}`;
      const histogram = field === 'histogram';
      const series = histogram
        ? chart.addSeries(HistogramSeries, { color: '#b0bec5', title: fieldTitle, ...labels }, pane)
        : chart.addSeries(
            LineSeries,
            { color: fieldColor(index, f), lineWidth: 1, title: fieldTitle, ...labels },
            pane,
          );
      series.setData(line(dates, values));
      columns.push({ id: `${choice.name}.${field}`, title: fieldTitle, pane, values, labels: labelsOf(series) });
    });
  });
  // The price pane gets the room; each other pane a fixed share.
  chart.panes().forEach((p, i) => {
    p.setStretchFactor(i === 0 ? 3 : 1);
  });
  chart.timeScale().fitContent();
  return { dates, columns };
}

/** Resolves once the chart has painted (two frames: layout, then paint). */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

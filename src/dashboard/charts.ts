// Drawing with TradingView's lightweight-charts: canvas rendering that stays
// fast with tens of thousands of points, financial series (candles, volume)
// built in, several panes on one time axis, and no network access of its own.
import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type IChartApi,
  type LineData,
  LineSeries,
  type Time,
} from 'lightweight-charts';
import type { CompareChartQuery, DetailChartQuery } from './gql/graphql.js';

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

type Point = { value: number | null } | null | undefined;

/** Line data from points aligned with `dates`; nulls (warm-up) become gaps. */
function line(dates: string[], points: readonly Point[] | undefined): LineData<Time>[] {
  const data: LineData<Time>[] = [];
  if (!points) return data;
  for (let i = 0; i < dates.length; i++) {
    const value = points[i]?.value;
    if (value !== null && value !== undefined) data.push({ time: dates[i] as Time, value });
  }
  return data;
}

export type CompareSeries = NonNullable<CompareChartQuery['etfsByTicker'][number]>;

/** Each ticker's close rebased to 100 on the first bar of the window. */
export function drawComparison(container: HTMLElement, etfs: CompareSeries[], fromDate: string | null): void {
  const chart = freshChart(container);
  etfs.forEach((etf, i) => {
    const bars = fromDate ? etf.prices.filter((bar) => bar.date >= fromDate) : etf.prices;
    const base = bars[0]?.close;
    if (!base) return;
    const series = chart.addSeries(LineSeries, { color: PALETTE[i % PALETTE.length], lineWidth: 2, title: etf.ticker });
    series.setData(bars.map((bar) => ({ time: bar.date as Time, value: (100 * bar.close) / base })));
  });
  chart.timeScale().fitContent();
}

type DetailEtf = NonNullable<DetailChartQuery['etf']>;

/** Candles with overlays, volume in its own pane, then one pane per oscillator. */
export function drawDetail(container: HTMLElement, etf: DetailEtf, fromDate: string | null): void {
  const chart = freshChart(container);
  const start = fromDate ? etf.prices.findIndex((bar) => bar.date >= fromDate) : 0;
  const bars = etf.prices.slice(Math.max(start, 0));
  const cut = <T>(points: readonly T[] | null | undefined) => points?.slice(Math.max(start, 0));
  const dates = bars.map((bar) => bar.date);
  const ind = etf.indicators;

  chart
    .addSeries(CandlestickSeries, {
      upColor: '#26a69a',
      downColor: '#ef5350',
      wickUpColor: '#26a69a',
      wickDownColor: '#ef5350',
      borderVisible: false,
    })
    .setData(
      bars.map((bar) => ({ time: bar.date as Time, open: bar.open, high: bar.high, low: bar.low, close: bar.close })),
    );

  const overlay = (points: readonly Point[] | undefined, color: string, title: string) =>
    points &&
    chart
      .addSeries(LineSeries, { color, lineWidth: 1, title, priceLineVisible: false, lastValueVisible: false })
      .setData(line(dates, points));
  overlay(cut(ind.sma), '#2962ff', 'SMA');
  overlay(cut(ind.ema), '#ff9800', 'EMA');
  const band = (
    field: 'upper' | 'middle' | 'lower',
    points: readonly ({ upper?: number | null; middle?: number | null; lower?: number | null } | null)[] | undefined,
  ) => points?.map((p) => ({ value: p?.[field] ?? null }));
  const bollinger = cut(ind.bollinger);
  if (bollinger) {
    overlay(band('upper', bollinger), '#9c27b0', 'BB upper');
    overlay(band('middle', bollinger), '#ce93d8', 'BB middle');
    overlay(band('lower', bollinger), '#9c27b0', 'BB lower');
  }
  const donchian = cut(ind.donchian);
  if (donchian) {
    overlay(band('upper', donchian), '#00897b', 'DC upper');
    overlay(band('lower', donchian), '#00897b', 'DC lower');
  }

  let pane = 1;
  chart
    .addSeries(HistogramSeries, { color: '#90a4ae', priceFormat: { type: 'volume' }, title: 'Volume' }, pane++)
    .setData(
      bars.map((bar) => ({
        time: bar.date as Time,
        value: bar.volume,
        color: bar.close >= bar.open ? '#80cbc4' : '#ef9a9a',
      })),
    );

  const rsi = cut(ind.rsi);
  if (rsi)
    chart.addSeries(LineSeries, { color: '#7e57c2', lineWidth: 1, title: 'RSI' }, pane++).setData(line(dates, rsi));
  const macd = cut(ind.macd);
  if (macd) {
    const macdPane = pane++;
    chart.addSeries(LineSeries, { color: '#2962ff', lineWidth: 1, title: 'MACD' }, macdPane).setData(
      line(
        dates,
        macd.map((p) => ({ value: p.macd })),
      ),
    );
    chart.addSeries(LineSeries, { color: '#ff6d00', lineWidth: 1, title: 'signal' }, macdPane).setData(
      line(
        dates,
        macd.map((p) => ({ value: p.signal })),
      ),
    );
    chart.addSeries(HistogramSeries, { color: '#b0bec5', title: 'histogram' }, macdPane).setData(
      line(
        dates,
        macd.map((p) => ({ value: p.histogram })),
      ),
    );
  }
  const stochastic = cut(ind.stochastic);
  if (stochastic) {
    const stochPane = pane++;
    chart.addSeries(LineSeries, { color: '#00838f', lineWidth: 1, title: '%K' }, stochPane).setData(
      line(
        dates,
        stochastic.map((p) => ({ value: p.fastK })),
      ),
    );
    chart.addSeries(LineSeries, { color: '#f4511e', lineWidth: 1, title: 'slow %D' }, stochPane).setData(
      line(
        dates,
        stochastic.map((p) => ({ value: p.slowD })),
      ),
    );
  }
  // The price pane gets the room; each other pane a fixed share.
  chart.panes().forEach((p, i) => {
    p.setStretchFactor(i === 0 ? 3 : 1);
  });
  chart.timeScale().fitContent();
}

/** Resolves once the chart has painted (two frames: layout, then paint). */
export function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

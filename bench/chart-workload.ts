// The dashboard's chart: 10 tickers × 252 daily bars (date, close, volume), as
// GraphQL requests and as the floors they are measured against.
export const CHART_TICKERS = ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK'];
export const CHART_BARS = 252;

const CHART_QUERY = `query Chart($tickers: [String!]!, $to: Date) {
  etfsByTicker(tickers: $tickers) { ticker prices(last: ${CHART_BARS}, to: $to) { date close volume } }
}`;

/** The same chart asked again and again (what the response cache answers). */
export const chartRequestBody = JSON.stringify({ query: CHART_QUERY, variables: { tickers: CHART_TICKERS } });

/**
 * Bodies of a query that differ in every request: each carries its own `to:`,
 * a day after the data (so the same bars), as a dashboard whose `to` is today
 * sends: no response cache can answer one.
 */
export function everyOneNew(query: string, variables: Record<string, unknown>): () => string {
  let day = 0;
  const first = Date.UTC(2030, 0, 1);
  return () => {
    const to = new Date(first + day++ * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({ query, variables: { ...variables, to } });
  };
}

export const chartBodies = () => everyOneNew(CHART_QUERY, { tickers: CHART_TICKERS });

/** The same chart in columns: one list per field, as uPlot, ECharts and pandas take them. */
const CHART_SERIES_QUERY = `query ChartSeries($tickers: [String!]!, $to: Date) {
  etfsByTicker(tickers: $tickers) { ticker series(last: ${CHART_BARS}, to: $to) { dates close volume } }
}`;

export const chartSeriesBodies = () => everyOneNew(CHART_SERIES_QUERY, { tickers: CHART_TICKERS });

// The same chart with the indicators a dashboard draws under it, for all 10 tickers.
const CHART_WITH_INDICATORS_QUERY = `query ChartWithIndicators($tickers: [String!]!, $to: Date) {
  etfsByTicker(tickers: $tickers) {
    ticker
    prices(last: ${CHART_BARS}, to: $to) { date close volume }
    indicators(last: ${CHART_BARS}, to: $to) {
      sma(period: 50) { date value }
      rsi { date value }
      macd { date macd signal histogram }
    }
  }
}`;

export const chartWithIndicatorsBodies = () => everyOneNew(CHART_WITH_INDICATORS_QUERY, { tickers: CHART_TICKERS });

// The floors: the same response without GraphQL, the fastest ways we found to
// produce it. test/prices/read-plans.test.ts holds their plans to the read path's
// rules (an index walk of the window per ETF, no sort over the history).

/**
 * Rows decoded in Node and serialized with JSON.stringify: newest first per
 * ETF, in request order (a nested loop over the ordinality keeps it; no sort).
 */
export const CHART_FLOOR_SQL = `/* chart-floor-rows */
  SELECT t.position, b.date::text, b.close, b.volume::float8
  FROM unnest($1::text[]) WITH ORDINALITY AS t(ticker, position)
  JOIN etf e ON e.ticker = t.ticker
  CROSS JOIN LATERAL (
    SELECT date, close, volume FROM daily_price
    WHERE etf_id = e.id ORDER BY date DESC LIMIT $2
  ) b`;

/** The whole response built by PostgreSQL: Node only passes one string through. */
export const CHART_FLOOR_JSON_SQL = `/* chart-floor-json */
  SELECT json_build_object('data', json_build_object('etfsByTicker',
           json_agg(json_build_object('ticker', e.ticker, 'prices', b.prices) ORDER BY t.position)))::text AS body
  FROM unnest($1::text[]) WITH ORDINALITY AS t(ticker, position)
  JOIN etf e ON e.ticker = t.ticker
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object('date', w.date, 'close', w.close, 'volume', w.volume) ORDER BY w.date) AS prices
    FROM (
      SELECT date, close, volume FROM daily_price
      WHERE etf_id = e.id ORDER BY date DESC LIMIT $2
    ) w
  ) b`;

/**
 * The floor of the chart with indicators: prices and the stored sma(50), rsi(14)
 * and macd(12, 26, 9) of the same bars in one statement, the window's first
 * date found by the backward walk and the stored rows merged in by a range scan.
 */
export const CHART_INDICATORS_FLOOR_SQL = `/* chart-indicators-floor */
  SELECT t.position, b.date::text, b.close, b.volume::float8, b.sma_50, b.rsi_14, b.macd_12_26, b.macd_12_26_9_signal
  FROM unnest($1::text[]) WITH ORDINALITY AS t(ticker, position)
  JOIN etf e ON e.ticker = t.ticker
  CROSS JOIN LATERAL (
    SELECT min(w.date) AS first FROM (
      SELECT date FROM daily_price WHERE etf_id = e.id ORDER BY date DESC LIMIT $2
    ) w
  ) f
  CROSS JOIN LATERAL (
    SELECT p.date, p.close, p.volume, i.sma_50, i.rsi_14, i.macd_12_26, i.macd_12_26_9_signal
    FROM daily_price p
    LEFT JOIN daily_indicator i ON i.etf_id = e.id AND NOT i.adjusted AND i.date = p.date AND i.date >= f.first
    WHERE p.etf_id = e.id AND p.date >= f.first
    ORDER BY p.date
  ) b`;

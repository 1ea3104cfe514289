// The dashboard's chart: 10 tickers × 252 daily bars (date, close, volume).
export const CHART_TICKERS = ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK'];
export const CHART_BARS = 252;

export const CHART_QUERY = `query Chart($tickers: [String!]!) {
  etfsByTicker(tickers: $tickers) { ticker prices(last: ${CHART_BARS}) { date close volume } }
}`;

export const chartRequestBody = JSON.stringify({ query: CHART_QUERY, variables: { tickers: CHART_TICKERS } });

// The same chart with the indicators a dashboard draws under it, for all 10 tickers.
export const CHART_WITH_INDICATORS_QUERY = `query ChartWithIndicators($tickers: [String!]!) {
  etfsByTicker(tickers: $tickers) {
    ticker
    prices(last: ${CHART_BARS}) { date close volume }
    indicators(last: ${CHART_BARS}) {
      sma(period: 50) { date value }
      rsi { date value }
      macd { date macd signal histogram }
    }
  }
}`;

export const chartWithIndicatorsRequestBody = JSON.stringify({
  query: CHART_WITH_INDICATORS_QUERY,
  variables: { tickers: CHART_TICKERS },
});

// The floor: the same rows, one hand-written statement, no GraphQL.
export const CHART_FLOOR_SQL = `
  SELECT e.ticker, b.date, b.close, b.volume
  FROM unnest($1::text[]) WITH ORDINALITY AS t(ticker, position)
  JOIN etf e ON e.ticker = t.ticker
  CROSS JOIN LATERAL (
    SELECT date::text AS date, close, volume::float8 AS volume
    FROM daily_price WHERE etf_id = e.id ORDER BY date DESC LIMIT $2
  ) b
  ORDER BY t.position, b.date`;

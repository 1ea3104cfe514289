// The analytics workloads (screen, performance, correlation) as GraphQL requests, and the screen's
// floor: the same page from one hand-written statement, serialized with
// JSON.stringify. test/analytics/analytics-plans.test.ts holds the floor's plan to the
// rules of the read path (an index probe per ETF, no bar read).

/** 500 ETFs × 10 years of weekday bars, the last on this date. */
export const ANALYTICS_ETFS = 500;
export const ANALYTICS_YEARS = 10;
export const ANALYTICS_LAST_DAY = '2026-11-20';
export const analyticsTicker = (i: number) => `A${String(i).padStart(3, '0')}`;

// Three conditions, an order and a page, over every ETF.
const SCREEN_QUERY = `query BenchScreen {
  screen(
    where: { and: [{ assetClass: [EQUITY] }, { metric: RSI_14, lt: 50 }, { metric: CLOSE, gtMetric: SMA_200 }] }
    orderBy: [{ metric: RETURN_1Y, direction: DESC }]
    first: 20
  ) {
    totalCount
    edges { date node { ticker name } values { metric value } }
  }
}`;
export const screenRequestBody = JSON.stringify({ query: SCREEN_QUERY });

/**
 * The same page by hand: the filter written out in SQL over the same rows a
 * screen reads (each ETF's latest_metrics row and its stored indicators on
 * that bar), the asset class tested first, so only those ETFs are probed.
 */
export const SCREEN_FLOOR_SQL = `/* screen-floor */
  SELECT e.ticker, e.name, m.date::text, i.rsi_14, m.close, i.sma_200, m.return_1y, count(*) OVER ()::int AS total
  FROM etf e
  JOIN latest_metrics m ON m.etf_id = e.id AND NOT m.adjusted
  JOIN daily_indicator i ON i.etf_id = e.id AND NOT i.adjusted AND i.date = m.date
  WHERE e.asset_class = 'EQUITY' AND m.date <= e.stored_indicators_through
    AND i.rsi_14 < 50 AND m.close > i.sma_200
  ORDER BY m.return_1y DESC NULLS LAST, e.ticker
  LIMIT 20`;

export type ScreenFloorRow = [
  ticker: string,
  name: string,
  date: string,
  rsi: number,
  close: number,
  sma: number,
  ret: number | null,
  total: number,
];

/** The floor's rows as the screen's response. */
export function screenFloorBody(rows: readonly ScreenFloorRow[]): string {
  const edges = rows.map(([ticker, name, date, rsi, close, sma, ret]) => ({
    date,
    node: { ticker, name },
    values: [
      { metric: 'RSI_14', value: rsi },
      { metric: 'CLOSE', value: close },
      { metric: 'SMA_200', value: sma },
      { metric: 'RETURN_1Y', value: ret },
    ],
  }));
  return JSON.stringify({ data: { screen: { totalCount: rows[0]?.[7] ?? 0, edges } } });
}

const PERFORMANCE_FIELDS =
  'asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: 0.03) high52W low52W';

/** Every figure of 100 ETFs, as of their latest bar or (`asOf`) computed for an earlier date. */
export const performanceRequestBody = (asOf?: string) =>
  JSON.stringify({
    query: `query BenchPerformance($tickers: [String!]!, $asOf: Date) {
      etfsByTicker(tickers: $tickers) { ticker performance(asOf: $asOf) { ${PERFORMANCE_FIELDS} } }
    }`,
    variables: { tickers: Array.from({ length: 100 }, (_, i) => analyticsTicker(i * 5)), asOf },
  });

/** A 20 × 20 matrix of daily returns over the last 5 years. */
export const correlationRequestBody = JSON.stringify({
  query: `query BenchCorrelation($tickers: [String!]!, $from: Date!) {
    correlation(tickers: $tickers, from: $from) { tickers observations matrix from to }
  }`,
  variables: {
    tickers: Array.from({ length: 20 }, (_, i) => analyticsTicker(i * 25)),
    from: `${Number(ANALYTICS_LAST_DAY.slice(0, 4)) - 5}${ANALYTICS_LAST_DAY.slice(4)}`,
  },
});

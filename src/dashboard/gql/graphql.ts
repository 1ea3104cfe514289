/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The broad kind of assets an ETF holds. */
export type AssetClass =
  | 'ALTERNATIVE'
  | 'COMMODITY'
  | 'CURRENCY'
  | 'EQUITY'
  | 'FIXED_INCOME'
  | 'MULTI_ASSET'
  | 'REAL_ESTATE';

export type CreateAlertInput = {
  /** Let bars older than the last judged (a backfill) fire it. */
  fireOnBackfill?: boolean | null | undefined;
  name: string;
  /** The ETFs to watch; omitted: every ETF. */
  tickers?: Array<string> | null | undefined;
  /** Where each event is POSTed, signed (see the README); refused if its host is a loopback, private or link-local address. */
  webhookUrl?: string | null | undefined;
  /** The condition, as a screen’s `where`. */
  when: ScreenFilter;
};

/** An inclusive range: min ≤ value ≤ max. */
export type FloatRange = {
  max: number;
  min: number;
};

/** Bar size. WEEKLY and MONTHLY bars aggregate the daily ones of an ISO week (Monday to Sunday) or a calendar month: open = first, high = max, low = min, close = last, volume = sum, dated on the last trading day inside the period. */
export type Interval =
  | 'DAILY'
  | 'MONTHLY'
  | 'WEEKLY';

/** An ETF of a portfolio and its weight in percent. */
export type PortfolioWeight = {
  ticker: string;
  /** Percent: the weights of a portfolio add up to 100. */
  weight: number;
};

/** A condition on an ETF. Each key set is one condition, and all of them must hold: `{ metric: RSI_14, lt: 30, assetClass: [FIXED_INCOME] }`. A comparison with a null value (a history too short for it) is false, and `not` makes it true. An empty filter matches every ETF. At most 5 levels of and, or and not, 50 conditions, 100 items a list, 200 filters in all. */
export type ScreenFilter = {
  /** Every one of these holds (not empty). */
  and?: Array<ScreenFilter> | null | undefined;
  /** The asset class is one of these. */
  assetClass?: Array<AssetClass> | null | undefined;
  /** min ≤ metric ≤ max. */
  between?: FloatRange | null | undefined;
  /** The trading currency is one of these ISO codes. */
  currency?: Array<string> | null | undefined;
  /** metric = this number, exactly. */
  eq?: number | null | undefined;
  /** metric > this number. */
  gt?: number | null | undefined;
  /** metric > this other metric (CLOSE above SMA_200). */
  gtMetric?: ScreenMetric | null | undefined;
  /** metric ≥ this number. */
  gte?: number | null | undefined;
  /** metric ≥ this other metric. */
  gteMetric?: ScreenMetric | null | undefined;
  /** The issuer is one of these (ignoring case). */
  issuer?: Array<string> | null | undefined;
  /** metric < this number. */
  lt?: number | null | undefined;
  /** metric < this other metric of the same ETF. */
  ltMetric?: ScreenMetric | null | undefined;
  /** metric ≤ this number. */
  lte?: number | null | undefined;
  /** metric ≤ this other metric. */
  lteMetric?: ScreenMetric | null | undefined;
  /** The metric the comparisons of this filter apply to. */
  metric?: ScreenMetric | null | undefined;
  /** This does not hold. */
  not?: ScreenFilter | null | undefined;
  /** At least one of these holds (not empty). */
  or?: Array<ScreenFilter> | null | undefined;
};

/** What a screen compares and orders by, as of each ETF's judged bar. Indicators are the stored default set; returns and risk are defined as on `Performance`. */
export type ScreenMetric =
  /** Average true range over 14 bars (Wilder). */
  | 'ATR_14'
  /** Mean volume of the last 20 bars; null under 20 bars. */
  | 'AVERAGE_VOLUME_20'
  /** Lower Bollinger band: SMA(20) − 2σ. */
  | 'BOLLINGER_LOWER'
  /** Upper Bollinger band: SMA(20) + 2σ. */
  | 'BOLLINGER_UPPER'
  /** Close of the judged bar. */
  | 'CLOSE'
  /** Exponential moving average, 12 bars. */
  | 'EMA_12'
  /** Exponential moving average, 26 bars. */
  | 'EMA_26'
  /** The annual expense ratio (a fraction); null when unknown. */
  | 'EXPENSE_RATIO'
  /** close / HIGH_52W − 1: how far below its 52-week high (0 at the high, negative below). */
  | 'FROM_HIGH_52W'
  /** close / LOW_52W − 1: how far above its 52-week low (0 at the low, positive above). */
  | 'FROM_LOW_52W'
  /** Highest high after the same date a year earlier. */
  | 'HIGH_52W'
  /** Lowest low after the same date a year earlier. */
  | 'LOW_52W'
  /** MACD line: EMA(12) − EMA(26). */
  | 'MACD'
  /** MACD line − signal line. */
  | 'MACD_HISTOGRAM'
  /** MACD signal line: EMA(9) of the MACD line. */
  | 'MACD_SIGNAL'
  /** Etf.performance.maxDrawdown1Y (a positive fraction). */
  | 'MAX_DRAWDOWN_1Y'
  /** Trailing return as Etf.performance defines it (a fraction): from the previous bar. */
  | 'RETURN_1D'
  /** Trailing return as Etf.performance defines it (a fraction): 1 month. */
  | 'RETURN_1M'
  /** Trailing return as Etf.performance defines it (a fraction): 7 days. */
  | 'RETURN_1W'
  /** Trailing return as Etf.performance defines it (a fraction): 1 year. */
  | 'RETURN_1Y'
  /** Trailing return as Etf.performance defines it (a fraction): 3 months. */
  | 'RETURN_3M'
  /** Trailing return as Etf.performance defines it (a fraction): 3 years, annualized. */
  | 'RETURN_3Y'
  /** Trailing return as Etf.performance defines it (a fraction): 5 years, annualized. */
  | 'RETURN_5Y'
  /** Trailing return as Etf.performance defines it (a fraction): 6 months. */
  | 'RETURN_6M'
  /** Trailing return as Etf.performance defines it (a fraction): from the last bar of the previous year. */
  | 'RETURN_YTD'
  /** Wilder's RSI over 14 bars, 0 to 100. */
  | 'RSI_14'
  /** Etf.performance.sharpe1Y with a risk-free rate of 0. */
  | 'SHARPE_1Y'
  /** Simple moving average of 20 closes. */
  | 'SMA_20'
  /** Simple moving average of 50 closes. */
  | 'SMA_50'
  /** Simple moving average of 200 closes. */
  | 'SMA_200'
  /** Etf.performance.volatility1Y. */
  | 'VOLATILITY_1Y'
  /** Volume of the judged bar. */
  | 'VOLUME';

/** A sort key. Nulls come last in either direction; the ticker breaks ties. */
export type ScreenOrder = {
  direction?: SortDirection | null | undefined;
  metric: ScreenMetric;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type CompareChartQueryVariables = Exact<{
  tickers: Array<string> | string;
  last?: number | null | undefined;
  interval: Interval;
}>;


export type CompareChartQuery = { etfsByTicker: Array<{ ticker: string, name: string, prices: Array<{ date: string, close: number }> } | null> };

export type TickerSuggestionsQueryVariables = Exact<{
  search: string;
}>;


export type TickerSuggestionsQuery = { etfs: { edges: Array<{ node: { ticker: string, name: string } }> } };

export type WatchlistQueryVariables = Exact<{ [key: string]: never; }>;


export type WatchlistQuery = { me: { name: string, watchlist: Array<{ change1d: number | null, etf: { ticker: string, name: string, latestPrice: { date: string, close: number } | null } }> } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, user: { name: string } } };

export type PricesUpdatedSubscriptionVariables = Exact<{
  tickers?: Array<string> | string | null | undefined;
}>;


export type PricesUpdatedSubscription = { pricesUpdated: { ticker: string, from: string, to: string } };

export type AlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertsQuery = { alerts: Array<{ id: string, name: string, when: unknown, tickers: Array<string> | null, events: Array<{ id: string, ticker: string, date: string, values: Array<{ metric: ScreenMetric, value: number | null }> }> }> };

export type CreateAlertMutationVariables = Exact<{
  input: CreateAlertInput;
}>;


export type CreateAlertMutation = { createAlert: { alert: { id: string, name: string } } };

export type DeleteAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAlertMutation = { deleteAlert: boolean };

export type AlertTriggeredSubscriptionVariables = Exact<{
  after?: string | number | null | undefined;
}>;


export type AlertTriggeredSubscription = { alertTriggered: { id: string, alertId: string, ticker: string, date: string } };

export type ScreenViewQueryVariables = Exact<{
  where: ScreenFilter;
  orderBy?: Array<ScreenOrder> | ScreenOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ScreenViewQuery = { screen: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, date: string, values: Array<{ metric: ScreenMetric, value: number | null }>, node: { ticker: string, name: string, assetClass: AssetClass | null, series: { close: Array<number> } } }> } };

export type RiskViewQueryVariables = Exact<{
  tickers: Array<string> | string;
  asOf?: string | null | undefined;
}>;


export type RiskViewQuery = { etfsByTicker: Array<{ ticker: string, name: string, performance: { asOf: string, return1M: number | null, return3M: number | null, return6M: number | null, returnYTD: number | null, return1Y: number | null, return3Y: number | null, return5Y: number | null, volatility1Y: number | null, maxDrawdown1Y: number | null, sharpe1Y: number | null, high52W: number | null, low52W: number | null } | null } | null> };

export type CorrelationViewQueryVariables = Exact<{
  tickers: Array<string> | string;
  last?: number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  interval: Interval;
}>;


export type CorrelationViewQuery = { correlation: { tickers: Array<string>, matrix: Array<Array<number | null>>, from: string | null, to: string | null, observations: number } };

export type HoldingsViewQueryVariables = Exact<{
  tickers: Array<string> | string;
  pairs: boolean;
  portfolio?: Array<PortfolioWeight> | PortfolioWeight | null | undefined;
}>;


export type HoldingsViewQuery = { etfsByTicker: Array<{ ticker: string, name: string, holdings: { asOf: string | null, totalCount: number, edges: Array<{ node: { position: number, name: string, ticker: string | null, weight: number } }> }, sectors: Array<{ label: string, weight: number }>, countries: Array<{ label: string, weight: number }> } | null>, overlap?: Array<{ overlap: number | null, commonHoldings: number | null, a: { ticker: string }, b: { ticker: string } }>, lookThrough: { asOf: string | null, holdings: Array<{ weight: number, security: { name: string, ticker: string | null } }>, exposure: Array<{ label: string, weight: number }>, withoutHoldings: Array<{ ticker: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CompareChartDocument = new TypedDocumentString(`
    query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {
  etfsByTicker(tickers: $tickers) {
    ticker
    name
    prices(last: $last, interval: $interval) {
      date
      close
    }
  }
}
    `) as unknown as TypedDocumentString<CompareChartQuery, CompareChartQueryVariables>;
export const TickerSuggestionsDocument = new TypedDocumentString(`
    query TickerSuggestions($search: String!) {
  etfs(first: 8, search: $search) {
    edges {
      node {
        ticker
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TickerSuggestionsQuery, TickerSuggestionsQueryVariables>;
export const WatchlistDocument = new TypedDocumentString(`
    query Watchlist {
  me {
    name
    watchlist {
      etf {
        ticker
        name
        latestPrice {
          date
          close
        }
      }
      change1d
    }
  }
}
    `) as unknown as TypedDocumentString<WatchlistQuery, WatchlistQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    user {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const PricesUpdatedDocument = new TypedDocumentString(`
    subscription PricesUpdated($tickers: [String!]) {
  pricesUpdated(tickers: $tickers) {
    ticker
    from
    to
  }
}
    `) as unknown as TypedDocumentString<PricesUpdatedSubscription, PricesUpdatedSubscriptionVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts {
  alerts {
    id
    name
    when
    tickers
    events(first: 5) {
      id
      ticker
      date
      values {
        metric
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const CreateAlertDocument = new TypedDocumentString(`
    mutation CreateAlert($input: CreateAlertInput!) {
  createAlert(input: $input) {
    alert {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateAlertMutation, CreateAlertMutationVariables>;
export const DeleteAlertDocument = new TypedDocumentString(`
    mutation DeleteAlert($id: ID!) {
  deleteAlert(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteAlertMutation, DeleteAlertMutationVariables>;
export const AlertTriggeredDocument = new TypedDocumentString(`
    subscription AlertTriggered($after: ID) {
  alertTriggered(after: $after) {
    id
    alertId
    ticker
    date
  }
}
    `) as unknown as TypedDocumentString<AlertTriggeredSubscription, AlertTriggeredSubscriptionVariables>;
export const ScreenViewDocument = new TypedDocumentString(`
    query ScreenView($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int!, $after: String) {
  screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      date
      values {
        metric
        value
      }
      node {
        ticker
        name
        assetClass
        series(last: 60) {
          close
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenViewQuery, ScreenViewQueryVariables>;
export const RiskViewDocument = new TypedDocumentString(`
    query RiskView($tickers: [String!]!, $asOf: Date) {
  etfsByTicker(tickers: $tickers) {
    ticker
    name
    performance(asOf: $asOf) {
      asOf
      return1M
      return3M
      return6M
      returnYTD
      return1Y
      return3Y
      return5Y
      volatility1Y
      maxDrawdown1Y
      sharpe1Y
      high52W
      low52W
    }
  }
}
    `) as unknown as TypedDocumentString<RiskViewQuery, RiskViewQueryVariables>;
export const CorrelationViewDocument = new TypedDocumentString(`
    query CorrelationView($tickers: [String!]!, $last: Int, $from: Date, $to: Date, $interval: Interval!) {
  correlation(
    tickers: $tickers
    last: $last
    from: $from
    to: $to
    interval: $interval
  ) {
    tickers
    matrix
    from
    to
    observations
  }
}
    `) as unknown as TypedDocumentString<CorrelationViewQuery, CorrelationViewQueryVariables>;
export const HoldingsViewDocument = new TypedDocumentString(`
    query HoldingsView($tickers: [String!]!, $pairs: Boolean!, $portfolio: [PortfolioWeight!]) {
  etfsByTicker(tickers: $tickers) {
    ticker
    name
    holdings(first: 10) {
      asOf
      totalCount
      edges {
        node {
          position
          name
          ticker
          weight
        }
      }
    }
    sectors: exposure(by: SECTOR) {
      label
      weight
    }
    countries: exposure(by: COUNTRY) {
      label
      weight
    }
  }
  overlap(tickers: $tickers, largest: 0) @include(if: $pairs) {
    a {
      ticker
    }
    b {
      ticker
    }
    overlap
    commonHoldings
  }
  lookThrough(portfolio: $portfolio, first: 10) {
    asOf
    holdings {
      security {
        name
        ticker
      }
      weight
    }
    exposure {
      label
      weight
    }
    withoutHoldings {
      ticker
    }
  }
}
    `) as unknown as TypedDocumentString<HoldingsViewQuery, HoldingsViewQueryVariables>;
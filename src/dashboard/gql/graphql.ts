/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Bar size. WEEKLY and MONTHLY bars aggregate the daily ones of an ISO week (Monday to Sunday) or a calendar month: open = first, high = max, low = min, close = last, volume = sum, dated on the last trading day inside the period. */
export type Interval =
  | 'DAILY'
  | 'MONTHLY'
  | 'WEEKLY';

export type CompareChartQueryVariables = Exact<{
  tickers: Array<string> | string;
  last?: number | null | undefined;
  interval: Interval;
}>;


export type CompareChartQuery = { etfsByTicker: Array<{ ticker: string, name: string, prices: Array<{ date: string, close: number }> } | null> };

export type DetailChartQueryVariables = Exact<{
  ticker: string;
  last?: number | null | undefined;
  interval: Interval;
  sma: boolean;
  smaPeriod: number;
  ema: boolean;
  emaPeriod: number;
  bollinger: boolean;
  bollingerPeriod: number;
  donchian: boolean;
  donchianPeriod: number;
  rsi: boolean;
  rsiPeriod: number;
  macd: boolean;
  macdFast: number;
  macdSlow: number;
  macdSignal: number;
  stochastic: boolean;
  stochK: number;
  stochD: number;
  stochSlowD: number;
}>;


export type DetailChartQuery = { etf: { ticker: string, name: string, prices: Array<{ date: string, open: number, high: number, low: number, close: number, volume: number }>, indicators: { sma?: Array<{ value: number | null }>, ema?: Array<{ value: number | null }>, bollinger?: Array<{ upper: number | null, middle: number | null, lower: number | null }>, donchian?: Array<{ upper: number | null, lower: number | null }>, rsi?: Array<{ value: number | null }>, macd?: Array<{ macd: number | null, signal: number | null, histogram: number | null }>, stochastic?: Array<{ fastK: number | null, slowD: number | null }> } } | null };

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
export const DetailChartDocument = new TypedDocumentString(`
    query DetailChart($ticker: String!, $last: Int, $interval: Interval!, $sma: Boolean!, $smaPeriod: Int!, $ema: Boolean!, $emaPeriod: Int!, $bollinger: Boolean!, $bollingerPeriod: Int!, $donchian: Boolean!, $donchianPeriod: Int!, $rsi: Boolean!, $rsiPeriod: Int!, $macd: Boolean!, $macdFast: Int!, $macdSlow: Int!, $macdSignal: Int!, $stochastic: Boolean!, $stochK: Int!, $stochD: Int!, $stochSlowD: Int!) {
  etf(ticker: $ticker) {
    ticker
    name
    prices(last: $last, interval: $interval) {
      date
      open
      high
      low
      close
      volume
    }
    indicators(last: $last, interval: $interval) {
      sma(period: $smaPeriod) @include(if: $sma) {
        value
      }
      ema(period: $emaPeriod) @include(if: $ema) {
        value
      }
      bollinger(period: $bollingerPeriod) @include(if: $bollinger) {
        upper
        middle
        lower
      }
      donchian(period: $donchianPeriod) @include(if: $donchian) {
        upper
        lower
      }
      rsi(period: $rsiPeriod) @include(if: $rsi) {
        value
      }
      macd(fast: $macdFast, slow: $macdSlow, signal: $macdSignal) @include(if: $macd) {
        macd
        signal
        histogram
      }
      stochastic(kPeriod: $stochK, dPeriod: $stochD, slowDPeriod: $stochSlowD) @include(if: $stochastic) {
        fastK
        slowD
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DetailChartQuery, DetailChartQueryVariables>;
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
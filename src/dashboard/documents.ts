// Every request the dashboard makes, typed by codegen (src/dashboard/gql).
// Each view is one request that asks for exactly the fields it draws: the
// detail view switches its indicators with @include, so a field not drawn is
// neither sent back nor computed.
import { graphql } from './gql/index.js';

export const CompareChartDocument = graphql(`
  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {
    etfsByTicker(tickers: $tickers) {
      ticker
      name
      prices(last: $last, interval: $interval) { date close }
    }
  }
`);

export const DetailChartDocument = graphql(`
  query DetailChart(
    $ticker: String!, $last: Int, $interval: Interval!,
    $sma: Boolean!, $smaPeriod: Int!, $ema: Boolean!, $emaPeriod: Int!,
    $bollinger: Boolean!, $bollingerPeriod: Int!, $donchian: Boolean!, $donchianPeriod: Int!,
    $rsi: Boolean!, $rsiPeriod: Int!,
    $macd: Boolean!, $macdFast: Int!, $macdSlow: Int!, $macdSignal: Int!,
    $stochastic: Boolean!, $stochK: Int!, $stochD: Int!, $stochSlowD: Int!
  ) {
    etf(ticker: $ticker) {
      ticker
      name
      prices(last: $last, interval: $interval) { date open high low close volume }
      indicators(last: $last, interval: $interval) {
        sma(period: $smaPeriod) @include(if: $sma) { value }
        ema(period: $emaPeriod) @include(if: $ema) { value }
        bollinger(period: $bollingerPeriod) @include(if: $bollinger) { upper middle lower }
        donchian(period: $donchianPeriod) @include(if: $donchian) { upper lower }
        rsi(period: $rsiPeriod) @include(if: $rsi) { value }
        macd(fast: $macdFast, slow: $macdSlow, signal: $macdSignal) @include(if: $macd) { macd signal histogram }
        stochastic(kPeriod: $stochK, dPeriod: $stochD, slowDPeriod: $stochSlowD) @include(if: $stochastic) { fastK slowD }
      }
    }
  }
`);

export const TickerSuggestionsDocument = graphql(`
  query TickerSuggestions($search: String!) {
    etfs(first: 8, search: $search) { edges { node { ticker name } } }
  }
`);

export const WatchlistDocument = graphql(`
  query Watchlist {
    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token user { name } }
  }
`);

export const PricesUpdatedDocument = graphql(`
  subscription PricesUpdated($tickers: [String!]) {
    pricesUpdated(tickers: $tickers) { ticker from to }
  }
`);

export const AlertsDocument = graphql(`
  query Alerts {
    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }
  }
`);

export const CreateAlertDocument = graphql(`
  mutation CreateAlert($input: CreateAlertInput!) {
    createAlert(input: $input) { alert { id name } }
  }
`);

export const DeleteAlertDocument = graphql(`
  mutation DeleteAlert($id: ID!) {
    deleteAlert(id: $id)
  }
`);

export const AlertTriggeredDocument = graphql(`
  subscription AlertTriggered($after: ID) {
    alertTriggered(after: $after) { id alertId ticker date }
  }
`);

// Every request the dashboard makes, typed by codegen (src/dashboard/gql).
// Each view is one request that asks for exactly the fields it draws. The
// detail chart's is built for the indicators picked (detail-query.ts).
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

// The views beside the chart: one request each.

export const ScreenViewDocument = graphql(`
  query ScreenView($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int!, $after: String) {
    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        date
        values { metric value }
        node { ticker name assetClass series(last: 60) { close } }
      }
    }
  }
`);

export const RiskViewDocument = graphql(`
  query RiskView($tickers: [String!]!, $asOf: Date) {
    etfsByTicker(tickers: $tickers) {
      ticker
      name
      performance(asOf: $asOf) {
        asOf return1M return3M return6M returnYTD return1Y return3Y return5Y
        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W
      }
    }
  }
`);

export const CorrelationViewDocument = graphql(`
  query CorrelationView($tickers: [String!]!, $last: Int, $from: Date, $to: Date, $interval: Interval!) {
    correlation(tickers: $tickers, last: $last, from: $from, to: $to, interval: $interval) {
      tickers matrix from to observations
    }
  }
`);

export const HoldingsViewDocument = graphql(`
  query HoldingsView($tickers: [String!]!, $pairs: Boolean!, $portfolio: [PortfolioWeight!]) {
    etfsByTicker(tickers: $tickers) {
      ticker
      name
      holdings(first: 10) { asOf totalCount edges { node { position name ticker weight } } }
      sectors: exposure(by: SECTOR) { label weight }
      countries: exposure(by: COUNTRY) { label weight }
    }
    overlap(tickers: $tickers, largest: 0) @include(if: $pairs) {
      a { ticker } b { ticker } overlap commonHoldings
    }
    lookThrough(portfolio: $portfolio, first: 10) {
      asOf
      holdings { security { name ticker } weight }
      exposure { label weight }
      withoutHoldings { ticker }
    }
  }
`);

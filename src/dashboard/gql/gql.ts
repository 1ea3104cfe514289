/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date close }\n    }\n  }\n": typeof types.CompareChartDocument,
    "\n  query TickerSuggestions($search: String!) {\n    etfs(first: 8, search: $search) { edges { node { ticker name } } }\n  }\n": typeof types.TickerSuggestionsDocument,
    "\n  query Watchlist {\n    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }\n  }\n": typeof types.WatchlistDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { name } }\n  }\n": typeof types.LoginDocument,
    "\n  subscription PricesUpdated($tickers: [String!]) {\n    pricesUpdated(tickers: $tickers) { ticker from to }\n  }\n": typeof types.PricesUpdatedDocument,
    "\n  query Alerts {\n    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }\n  }\n": typeof types.AlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) { alert { id name } }\n  }\n": typeof types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id)\n  }\n": typeof types.DeleteAlertDocument,
    "\n  subscription AlertTriggered($after: ID) {\n    alertTriggered(after: $after) { id alertId ticker date }\n  }\n": typeof types.AlertTriggeredDocument,
    "\n  query ScreenView($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int!, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        date\n        values { metric value }\n        node { ticker name assetClass series(last: 60) { close } }\n      }\n    }\n  }\n": typeof types.ScreenViewDocument,
    "\n  query RiskView($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      performance(asOf: $asOf) {\n        asOf return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n": typeof types.RiskViewDocument,
    "\n  query CorrelationView($tickers: [String!]!, $last: Int, $from: Date, $to: Date, $interval: Interval!) {\n    correlation(tickers: $tickers, last: $last, from: $from, to: $to, interval: $interval) {\n      tickers matrix from to observations\n    }\n  }\n": typeof types.CorrelationViewDocument,
    "\n  query HoldingsView($tickers: [String!]!, $pairs: Boolean!, $portfolio: [PortfolioWeight!]) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      holdings(first: 10) { asOf totalCount edges { node { position name ticker weight } } }\n      sectors: exposure(by: SECTOR) { label weight }\n      countries: exposure(by: COUNTRY) { label weight }\n    }\n    overlap(tickers: $tickers, largest: 0) @include(if: $pairs) {\n      a { ticker } b { ticker } overlap commonHoldings\n    }\n    lookThrough(portfolio: $portfolio, first: 10) {\n      asOf\n      holdings { security { name ticker } weight }\n      exposure { label weight }\n      withoutHoldings { ticker }\n    }\n  }\n": typeof types.HoldingsViewDocument,
};
const documents: Documents = {
    "\n  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date close }\n    }\n  }\n": types.CompareChartDocument,
    "\n  query TickerSuggestions($search: String!) {\n    etfs(first: 8, search: $search) { edges { node { ticker name } } }\n  }\n": types.TickerSuggestionsDocument,
    "\n  query Watchlist {\n    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }\n  }\n": types.WatchlistDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { name } }\n  }\n": types.LoginDocument,
    "\n  subscription PricesUpdated($tickers: [String!]) {\n    pricesUpdated(tickers: $tickers) { ticker from to }\n  }\n": types.PricesUpdatedDocument,
    "\n  query Alerts {\n    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }\n  }\n": types.AlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) { alert { id name } }\n  }\n": types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id)\n  }\n": types.DeleteAlertDocument,
    "\n  subscription AlertTriggered($after: ID) {\n    alertTriggered(after: $after) { id alertId ticker date }\n  }\n": types.AlertTriggeredDocument,
    "\n  query ScreenView($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int!, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        date\n        values { metric value }\n        node { ticker name assetClass series(last: 60) { close } }\n      }\n    }\n  }\n": types.ScreenViewDocument,
    "\n  query RiskView($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      performance(asOf: $asOf) {\n        asOf return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n": types.RiskViewDocument,
    "\n  query CorrelationView($tickers: [String!]!, $last: Int, $from: Date, $to: Date, $interval: Interval!) {\n    correlation(tickers: $tickers, last: $last, from: $from, to: $to, interval: $interval) {\n      tickers matrix from to observations\n    }\n  }\n": types.CorrelationViewDocument,
    "\n  query HoldingsView($tickers: [String!]!, $pairs: Boolean!, $portfolio: [PortfolioWeight!]) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      holdings(first: 10) { asOf totalCount edges { node { position name ticker weight } } }\n      sectors: exposure(by: SECTOR) { label weight }\n      countries: exposure(by: COUNTRY) { label weight }\n    }\n    overlap(tickers: $tickers, largest: 0) @include(if: $pairs) {\n      a { ticker } b { ticker } overlap commonHoldings\n    }\n    lookThrough(portfolio: $portfolio, first: 10) {\n      asOf\n      holdings { security { name ticker } weight }\n      exposure { label weight }\n      withoutHoldings { ticker }\n    }\n  }\n": types.HoldingsViewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date close }\n    }\n  }\n"): typeof import('./graphql.js').CompareChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TickerSuggestions($search: String!) {\n    etfs(first: 8, search: $search) { edges { node { ticker name } } }\n  }\n"): typeof import('./graphql.js').TickerSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Watchlist {\n    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }\n  }\n"): typeof import('./graphql.js').WatchlistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { name } }\n  }\n"): typeof import('./graphql.js').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PricesUpdated($tickers: [String!]) {\n    pricesUpdated(tickers: $tickers) { ticker from to }\n  }\n"): typeof import('./graphql.js').PricesUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts {\n    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }\n  }\n"): typeof import('./graphql.js').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) { alert { id name } }\n  }\n"): typeof import('./graphql.js').CreateAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id)\n  }\n"): typeof import('./graphql.js').DeleteAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertTriggered($after: ID) {\n    alertTriggered(after: $after) { id alertId ticker date }\n  }\n"): typeof import('./graphql.js').AlertTriggeredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenView($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int!, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        date\n        values { metric value }\n        node { ticker name assetClass series(last: 60) { close } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ScreenViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskView($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      performance(asOf: $asOf) {\n        asOf return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n"): typeof import('./graphql.js').RiskViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CorrelationView($tickers: [String!]!, $last: Int, $from: Date, $to: Date, $interval: Interval!) {\n    correlation(tickers: $tickers, last: $last, from: $from, to: $to, interval: $interval) {\n      tickers matrix from to observations\n    }\n  }\n"): typeof import('./graphql.js').CorrelationViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HoldingsView($tickers: [String!]!, $pairs: Boolean!, $portfolio: [PortfolioWeight!]) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      holdings(first: 10) { asOf totalCount edges { node { position name ticker weight } } }\n      sectors: exposure(by: SECTOR) { label weight }\n      countries: exposure(by: COUNTRY) { label weight }\n    }\n    overlap(tickers: $tickers, largest: 0) @include(if: $pairs) {\n      a { ticker } b { ticker } overlap commonHoldings\n    }\n    lookThrough(portfolio: $portfolio, first: 10) {\n      asOf\n      holdings { security { name ticker } weight }\n      exposure { label weight }\n      withoutHoldings { ticker }\n    }\n  }\n"): typeof import('./graphql.js').HoldingsViewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

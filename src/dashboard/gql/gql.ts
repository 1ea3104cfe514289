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
    "\n  query DetailChart(\n    $ticker: String!, $last: Int, $interval: Interval!,\n    $sma: Boolean!, $smaPeriod: Int!, $ema: Boolean!, $emaPeriod: Int!,\n    $bollinger: Boolean!, $bollingerPeriod: Int!, $donchian: Boolean!, $donchianPeriod: Int!,\n    $rsi: Boolean!, $rsiPeriod: Int!,\n    $macd: Boolean!, $macdFast: Int!, $macdSlow: Int!, $macdSignal: Int!,\n    $stochastic: Boolean!, $stochK: Int!, $stochD: Int!, $stochSlowD: Int!\n  ) {\n    etf(ticker: $ticker) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date open high low close volume }\n      indicators(last: $last, interval: $interval) {\n        sma(period: $smaPeriod) @include(if: $sma) { value }\n        ema(period: $emaPeriod) @include(if: $ema) { value }\n        bollinger(period: $bollingerPeriod) @include(if: $bollinger) { upper middle lower }\n        donchian(period: $donchianPeriod) @include(if: $donchian) { upper lower }\n        rsi(period: $rsiPeriod) @include(if: $rsi) { value }\n        macd(fast: $macdFast, slow: $macdSlow, signal: $macdSignal) @include(if: $macd) { macd signal histogram }\n        stochastic(kPeriod: $stochK, dPeriod: $stochD, slowDPeriod: $stochSlowD) @include(if: $stochastic) { fastK slowD }\n      }\n    }\n  }\n": typeof types.DetailChartDocument,
    "\n  query TickerSuggestions($search: String!) {\n    etfs(first: 8, search: $search) { edges { node { ticker name } } }\n  }\n": typeof types.TickerSuggestionsDocument,
    "\n  query Watchlist {\n    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }\n  }\n": typeof types.WatchlistDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { name } }\n  }\n": typeof types.LoginDocument,
    "\n  subscription PricesUpdated($tickers: [String!]) {\n    pricesUpdated(tickers: $tickers) { ticker from to }\n  }\n": typeof types.PricesUpdatedDocument,
    "\n  query Alerts {\n    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }\n  }\n": typeof types.AlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) { alert { id name } }\n  }\n": typeof types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id)\n  }\n": typeof types.DeleteAlertDocument,
    "\n  subscription AlertTriggered($after: ID) {\n    alertTriggered(after: $after) { id alertId ticker date }\n  }\n": typeof types.AlertTriggeredDocument,
};
const documents: Documents = {
    "\n  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date close }\n    }\n  }\n": types.CompareChartDocument,
    "\n  query DetailChart(\n    $ticker: String!, $last: Int, $interval: Interval!,\n    $sma: Boolean!, $smaPeriod: Int!, $ema: Boolean!, $emaPeriod: Int!,\n    $bollinger: Boolean!, $bollingerPeriod: Int!, $donchian: Boolean!, $donchianPeriod: Int!,\n    $rsi: Boolean!, $rsiPeriod: Int!,\n    $macd: Boolean!, $macdFast: Int!, $macdSlow: Int!, $macdSignal: Int!,\n    $stochastic: Boolean!, $stochK: Int!, $stochD: Int!, $stochSlowD: Int!\n  ) {\n    etf(ticker: $ticker) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date open high low close volume }\n      indicators(last: $last, interval: $interval) {\n        sma(period: $smaPeriod) @include(if: $sma) { value }\n        ema(period: $emaPeriod) @include(if: $ema) { value }\n        bollinger(period: $bollingerPeriod) @include(if: $bollinger) { upper middle lower }\n        donchian(period: $donchianPeriod) @include(if: $donchian) { upper lower }\n        rsi(period: $rsiPeriod) @include(if: $rsi) { value }\n        macd(fast: $macdFast, slow: $macdSlow, signal: $macdSignal) @include(if: $macd) { macd signal histogram }\n        stochastic(kPeriod: $stochK, dPeriod: $stochD, slowDPeriod: $stochSlowD) @include(if: $stochastic) { fastK slowD }\n      }\n    }\n  }\n": types.DetailChartDocument,
    "\n  query TickerSuggestions($search: String!) {\n    etfs(first: 8, search: $search) { edges { node { ticker name } } }\n  }\n": types.TickerSuggestionsDocument,
    "\n  query Watchlist {\n    me { name watchlist { etf { ticker name latestPrice { date close } } change1d } }\n  }\n": types.WatchlistDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token user { name } }\n  }\n": types.LoginDocument,
    "\n  subscription PricesUpdated($tickers: [String!]) {\n    pricesUpdated(tickers: $tickers) { ticker from to }\n  }\n": types.PricesUpdatedDocument,
    "\n  query Alerts {\n    alerts { id name when tickers events(first: 5) { id ticker date values { metric value } } }\n  }\n": types.AlertsDocument,
    "\n  mutation CreateAlert($input: CreateAlertInput!) {\n    createAlert(input: $input) { alert { id name } }\n  }\n": types.CreateAlertDocument,
    "\n  mutation DeleteAlert($id: ID!) {\n    deleteAlert(id: $id)\n  }\n": types.DeleteAlertDocument,
    "\n  subscription AlertTriggered($after: ID) {\n    alertTriggered(after: $after) { id alertId ticker date }\n  }\n": types.AlertTriggeredDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareChart($tickers: [String!]!, $last: Int, $interval: Interval!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date close }\n    }\n  }\n"): typeof import('./graphql.js').CompareChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetailChart(\n    $ticker: String!, $last: Int, $interval: Interval!,\n    $sma: Boolean!, $smaPeriod: Int!, $ema: Boolean!, $emaPeriod: Int!,\n    $bollinger: Boolean!, $bollingerPeriod: Int!, $donchian: Boolean!, $donchianPeriod: Int!,\n    $rsi: Boolean!, $rsiPeriod: Int!,\n    $macd: Boolean!, $macdFast: Int!, $macdSlow: Int!, $macdSignal: Int!,\n    $stochastic: Boolean!, $stochK: Int!, $stochD: Int!, $stochSlowD: Int!\n  ) {\n    etf(ticker: $ticker) {\n      ticker\n      name\n      prices(last: $last, interval: $interval) { date open high low close volume }\n      indicators(last: $last, interval: $interval) {\n        sma(period: $smaPeriod) @include(if: $sma) { value }\n        ema(period: $emaPeriod) @include(if: $ema) { value }\n        bollinger(period: $bollingerPeriod) @include(if: $bollinger) { upper middle lower }\n        donchian(period: $donchianPeriod) @include(if: $donchian) { upper lower }\n        rsi(period: $rsiPeriod) @include(if: $rsi) { value }\n        macd(fast: $macdFast, slow: $macdSlow, signal: $macdSignal) @include(if: $macd) { macd signal histogram }\n        stochastic(kPeriod: $stochK, dPeriod: $stochD, slowDPeriod: $stochSlowD) @include(if: $stochastic) { fastK slowD }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DetailChartDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

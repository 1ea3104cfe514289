/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query AuthUsersMe { me { id email name role active } }\n": typeof types.AuthUsersMeDocument,
    "\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": typeof types.AuthUsersLoginDocument,
    "\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": typeof types.AuthUsersUpsertEtfDocument,
    "\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n": typeof types.AuthUsersSetUserRoleDocument,
    "\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": typeof types.AuthUsersDeactivateUserDocument,
    "\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": typeof types.AuthUsersReactivateUserDocument,
    "\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n": typeof types.AuthUsersCreateUserDocument,
    "\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n": typeof types.AuthUsersCreateUserIdDocument,
    "\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n": typeof types.AuthUsersSignUpDocument,
    "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n": typeof types.SeriesAndPricesDocument,
    "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n": typeof types.PointsAndColumnsDocument,
    "\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n": typeof types.EtfByTickerDocument,
    "\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n": typeof types.EtfsByTickerDocument,
    "\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": typeof types.EtfsPageDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n": typeof types.NodeByIdDocument,
    "\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n": typeof types.LoadPricesDocument,
    "query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }": typeof types.BigVolumeDocument,
    "\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n": typeof types.BatchChartDocument,
    "\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n": typeof types.PricesDocument,
    "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n": typeof types.UpsertEtfDocument,
    "\n  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }\n": typeof types.WatchlistFollowDocument,
    "\n  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }\n": typeof types.WatchlistUnfollowDocument,
    "\n  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }\n": typeof types.WatchlistMineDocument,
    "\n  query WatchlistMovers {\n    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }\n  }\n": typeof types.WatchlistMoversDocument,
    "\n  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }\n": typeof types.WatchlistUsersDocument,
};
const documents: Documents = {
    "\n  query AuthUsersMe { me { id email name role active } }\n": types.AuthUsersMeDocument,
    "\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": types.AuthUsersLoginDocument,
    "\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": types.AuthUsersUpsertEtfDocument,
    "\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n": types.AuthUsersSetUserRoleDocument,
    "\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": types.AuthUsersDeactivateUserDocument,
    "\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": types.AuthUsersReactivateUserDocument,
    "\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n": types.AuthUsersCreateUserDocument,
    "\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n": types.AuthUsersCreateUserIdDocument,
    "\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n": types.AuthUsersSignUpDocument,
    "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n": types.SeriesAndPricesDocument,
    "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n": types.PointsAndColumnsDocument,
    "\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n": types.EtfByTickerDocument,
    "\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n": types.EtfsByTickerDocument,
    "\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": types.EtfsPageDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n": types.NodeByIdDocument,
    "\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n": types.LoadPricesDocument,
    "query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }": types.BigVolumeDocument,
    "\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n": types.BatchChartDocument,
    "\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n": types.PricesDocument,
    "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n": types.UpsertEtfDocument,
    "\n  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }\n": types.WatchlistFollowDocument,
    "\n  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }\n": types.WatchlistUnfollowDocument,
    "\n  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }\n": types.WatchlistMineDocument,
    "\n  query WatchlistMovers {\n    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }\n  }\n": types.WatchlistMoversDocument,
    "\n  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }\n": types.WatchlistUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthUsersMe { me { id email name role active } }\n"): (typeof documents)["\n  query AuthUsersMe { me { id email name role active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n"): (typeof documents)["\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n"): (typeof documents)["\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n"): (typeof documents)["\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n"): (typeof documents)["\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n"): (typeof documents)["\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n"): (typeof documents)["\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n"): (typeof documents)["\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n"): (typeof documents)["\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n"): (typeof documents)["\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n"): (typeof documents)["\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n"): (typeof documents)["\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n"): (typeof documents)["\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n"): (typeof documents)["\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }"): (typeof documents)["query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n"): (typeof documents)["\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n"): (typeof documents)["\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n"): (typeof documents)["\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }\n"): (typeof documents)["\n  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }\n"): (typeof documents)["\n  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }\n"): (typeof documents)["\n  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchlistMovers {\n    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }\n  }\n"): (typeof documents)["\n  query WatchlistMovers {\n    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }\n"): (typeof documents)["\n  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
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
    "\n  query BatchPerformance($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf) { asOf return1M return1Y volatility1Y maxDrawdown1Y sharpe1Y high52W }\n      raw: performance(asOf: $asOf, adjusted: false) { return1M }\n    }\n  }\n": typeof types.BatchPerformanceDocument,
    "\n  query Correlation($tickers: [String!]!, $from: Date, $to: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    correlation(tickers: $tickers, from: $from, to: $to, last: $last, interval: $interval, adjusted: $adjusted) {\n      tickers observations matrix from to\n    }\n  }\n": typeof types.CorrelationDocument,
    "\n  query LatestFigures($tickers: [String!]!, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(adjusted: $adjusted) {\n        asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n": typeof types.LatestFiguresDocument,
    "\n  mutation LoadBarsForMetrics($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n": typeof types.LoadBarsForMetricsDocument,
    "\n  mutation DeleteBarsForMetrics($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n": typeof types.DeleteBarsForMetricsDocument,
    "\n  mutation SplitForMetrics($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n": typeof types.SplitForMetricsDocument,
    "\n  mutation UnsplitForMetrics($ticker: String!, $date: Date!) { deleteSplit(ticker: $ticker, date: $date) }\n": typeof types.UnsplitForMetricsDocument,
    "\n  mutation DeleteEtfForMetrics($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n": typeof types.DeleteEtfForMetricsDocument,
    "\n  query Performance($tickers: [String!]!, $asOf: Date, $adjusted: Boolean, $riskFreeRate: Float) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf, adjusted: $adjusted) {\n        asOf\n        return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: $riskFreeRate)\n        high52W low52W\n      }\n    }\n  }\n": typeof types.PerformanceDocument,
    "\n  query ScreenArguments($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { ticker } }\n    }\n  }\n": typeof types.ScreenArgumentsDocument,
    "\n  query BatchScreen($where: ScreenFilter!, $asOf: Date, $after: String) {\n    screen(where: $where, orderBy: [{ metric: RSI_14, direction: DESC }], first: 3, asOf: $asOf, after: $after) {\n      totalCount\n      edges { cursor date node { ticker } values { metric value } }\n      pageInfo { endCursor }\n    }\n  }\n": typeof types.BatchScreenDocument,
    "\n  query WholeScreen($where: ScreenFilter!) {\n    screen(where: $where, orderBy: [{ metric: RSI_14 }, { metric: MACD_HISTOGRAM }], first: 100) {\n      totalCount\n      edges { date node { ticker } values { metric value } }\n    }\n  }\n": typeof types.WholeScreenDocument,
    "\n  query Screen($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String, $asOf: Date, $adjusted: Boolean) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf, adjusted: $adjusted) {\n      totalCount\n      edges { cursor date node { ticker assetClass } values { metric value } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ScreenDocument,
    "\n  query ScreenStoredIndicators($tickers: [String!]!, $to: Date, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(to: $to, last: 1, adjusted: $adjusted) {\n        sma20: sma(period: 20) { date value }\n        sma50: sma(period: 50) { value }\n        sma200: sma(period: 200) { value }\n        ema12: ema(period: 12) { value }\n        ema26: ema(period: 26) { value }\n        rsi { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr { value }\n      }\n    }\n  }\n": typeof types.ScreenStoredIndicatorsDocument,
    "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n": typeof types.SeriesAndPricesDocument,
    "\n  query ColumnarTwoColumns { etfsByTicker(tickers: [\"AAA\", \"BBB\"]) { series(last: 5) { dates close } } }\n": typeof types.ColumnarTwoColumnsDocument,
    "\n  query ColumnarEmptyWindow { etf(ticker: \"AAA\") { series(to: \"1999-01-01\") { dates close } } }\n": typeof types.ColumnarEmptyWindowDocument,
    "\n  query ColumnarBadWindow { etf(ticker: \"AAA\") { series(last: 0) { dates } } }\n": typeof types.ColumnarBadWindowDocument,
    "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n": typeof types.PointsAndColumnsDocument,
    "\n  query ColumnarBadPeriod { etf(ticker: \"AAA\") { indicators(last: 5) { columns { sma(period: 0) { value } } } } }\n": typeof types.ColumnarBadPeriodDocument,
    "\n  query ColumnarHuge {\n    etfsByTicker(\n      tickers: [\"T0\", \"T1\", \"T2\", \"T3\", \"T4\", \"T5\", \"T6\", \"T7\", \"T8\", \"T9\", \"T10\", \"T11\", \"T12\",\n                \"T13\", \"T14\", \"T15\", \"T16\", \"T17\", \"T18\", \"T19\", \"T20\", \"T21\", \"T22\", \"T23\", \"T24\"]\n    ) {\n      indicators {\n        columns {\n          dates\n          s0: sma(period: 2) { value }\n          s1: sma(period: 3) { value }\n          s2: sma(period: 4) { value }\n          s3: sma(period: 5) { value }\n          s4: sma(period: 6) { value }\n          s5: sma(period: 7) { value }\n          s6: sma(period: 8) { value }\n          s7: sma(period: 9) { value }\n          s8: sma(period: 10) { value }\n          s9: sma(period: 11) { value }\n          s10: sma(period: 12) { value }\n          s11: sma(period: 13) { value }\n        }\n      }\n    }\n  }\n": typeof types.ColumnarHugeDocument,
    "\n  query DecimalsExact {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close volume }\n      series(last: 30) { close }\n      indicators(last: 30) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n": typeof types.DecimalsExactDocument,
    "\n  query DecimalsRounded {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close(decimals: 2) volume }\n      series(last: 30, decimals: 2) { close }\n      indicators(last: 30, decimals: 2) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n": typeof types.DecimalsRoundedDocument,
    "\n  query DecimalsNegative { etf(ticker: \"SPY\") { series(last: 5, decimals: -1) { close } } }\n": typeof types.DecimalsNegativeDocument,
    "\n  query DecimalsTooMany { etf(ticker: \"SPY\") { indicators(last: 5, decimals: 11) { sma(period: 5) { value } } } }\n": typeof types.DecimalsTooManyDocument,
    "\n  query DecimalsNegativeOnBar { etf(ticker: \"SPY\") { prices(last: 5) { open(decimals: -1) } } }\n": typeof types.DecimalsNegativeOnBarDocument,
    "\n  query MetricsChart($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker prices(last: 5) { close } } }\n": typeof types.MetricsChartDocument,
    "\n  query MissChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close volume } }\n  }\n": typeof types.MissChartDocument,
    "\n  query MissBeta($ticker: String!) {\n    etf(ticker: $ticker) { indicators(last: 3) { beta(benchmark: \"MSBM\", period: 20) { date beta } } }\n  }\n": typeof types.MissBetaDocument,
    "\n  mutation MissLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n": typeof types.MissLoadPricesDocument,
    "\n  query ResponseCacheChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close } }\n  }\n": typeof types.ResponseCacheChartDocument,
    "\n  mutation ResponseCacheLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted }\n  }\n": typeof types.ResponseCacheLoadPricesDocument,
    "\n  mutation ResponseCacheLoadPricesCounts($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n": typeof types.ResponseCacheLoadPricesCountsDocument,
    "\n  query ResponseCacheAdjustedCloses($ticker: String!) { etf(ticker: $ticker) { prices(last: 2, adjusted: true) { close } } }\n": typeof types.ResponseCacheAdjustedClosesDocument,
    "\n  query ResponseCacheLastTwo($ticker: String!) { etf(ticker: $ticker) { prices(last: 2) { date close } } }\n": typeof types.ResponseCacheLastTwoDocument,
    "\n  mutation ResponseCacheRecordSplit($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n": typeof types.ResponseCacheRecordSplitDocument,
    "\n  query ResponseCachePerformance($ticker: String!) { etf(ticker: $ticker) { performance { asOf return1D } } }\n": typeof types.ResponseCachePerformanceDocument,
    "\n  query ResponseCacheCorrelation($tickers: [String!]!) { correlation(tickers: $tickers, last: 5) { matrix } }\n": typeof types.ResponseCacheCorrelationDocument,
    "\n  query ResponseCacheTickers($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker } }\n": typeof types.ResponseCacheTickersDocument,
    "\n  mutation ResponseCacheUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": typeof types.ResponseCacheUpsertEtfDocument,
    "\n  mutation ResponseCacheFollow($ticker: String!) { follow(ticker: $ticker) { followedAt } }\n": typeof types.ResponseCacheFollowDocument,
    "\n  query ResponseCacheWatchlist { me { email watchlist { etf { ticker } } } }\n": typeof types.ResponseCacheWatchlistDocument,
    "\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n": typeof types.EtfByTickerDocument,
    "\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n": typeof types.EtfsByTickerDocument,
    "\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": typeof types.EtfsPageDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n": typeof types.NodeByIdDocument,
    "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n": typeof types.UpsertEtfDocument,
    "\n  mutation AccountsSignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": typeof types.AccountsSignInDocument,
    "\n  query DemoShape {\n    spy: etf(ticker: \"SPY\") { holdings(first: 1) { totalCount } }\n    vti: etf(ticker: \"VTI\") { holdings(first: 1) { totalCount } }\n    aor: etf(ticker: \"AOR\") {\n      holdings { edges { node { etf { ticker } } } }\n      exposure(by: ASSET_CLASS, lookThrough: true) { key weight }\n    }\n    overlap(tickers: [\"SPY\", \"VOO\", \"QQQ\", \"XLK\", \"AGG\"]) { a { ticker } b { ticker } overlap }\n  }\n": typeof types.DemoShapeDocument,
    "\n  query Holdings($ticker: String!, $asOf: Date, $first: Int, $after: String) {\n    etf(ticker: $ticker) {\n      holdingsAsOf(asOf: $asOf)\n      holdings(asOf: $asOf, first: $first, after: $after) {\n        totalCount\n        totalWeight\n        asOf\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { position name ticker cusip isin weight sector country assetClass security { name ticker isin cusip } etf { ticker } } }\n      }\n    }\n  }\n": typeof types.HoldingsDocument,
    "\n  query Exposure($ticker: String!, $by: ExposureKey!, $lookThrough: Boolean) {\n    etf(ticker: $ticker) { exposure(by: $by, lookThrough: $lookThrough) { key label weight holdings } }\n  }\n": typeof types.ExposureDocument,
    "\n  query Overlap($tickers: [String!]!, $largest: Int) {\n    overlap(tickers: $tickers, largest: $largest) {\n      a { ticker } b { ticker } overlap commonHoldings\n      largest { security { ticker isin } weightA weightB weight }\n    }\n  }\n": typeof types.OverlapDocument,
    "\n  query Holders($security: String!, $asOf: Date) {\n    holders(security: $security, asOf: $asOf) { etf { ticker } asOf weight security { ticker isin cusip } }\n  }\n": typeof types.HoldersDocument,
    "\n  query LookThrough($portfolio: [PortfolioWeight!], $by: ExposureKey, $first: Int) {\n    lookThrough(portfolio: $portfolio, by: $by, first: $first) {\n      asOf\n      holdings { security { ticker isin name } weight }\n      exposure { key weight }\n      withoutHoldings { ticker }\n    }\n  }\n": typeof types.LookThroughDocument,
    "\n  query IndicatorBatchingWithBeta($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(last: 60) {\n        sma(period: 50) { value }\n        aroon { up down }\n        kst { value signal }\n        volatility(estimator: YANG_ZHANG) { value }\n        beta(benchmark: \"BM\") { alpha beta rSquared }\n        againstItself: beta(benchmark: \"B0\", period: 20) { beta }\n      }\n      weekly: indicators(interval: WEEKLY, last: 10) {\n        beta(benchmark: \"bm\", period: 10) { beta }\n        cti(period: 5) { value }\n      }\n    }\n  }\n": typeof types.IndicatorBatchingWithBetaDocument,
    "\n  mutation IndicatorStoredChangeBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2023-05-01\", open: 150, high: 190, low: 140, close: 180, volume: 5000000 }]) {\n      updated\n    }\n  }\n": typeof types.IndicatorStoredChangeBarDocument,
    "\n  mutation IndicatorStoredAppendBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2025-01-02\", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) {\n      inserted\n    }\n  }\n": typeof types.IndicatorStoredAppendBarDocument,
    "\n  query IndicatorWindowEmaAlone { etf(ticker: \"WIN\") { indicators(last: 5) { ema(period: 10) { date value } } } }\n": typeof types.IndicatorWindowEmaAloneDocument,
    "\n  query IndicatorWindowEmaTogether {\n    etf(ticker: \"WIN\") { indicators(last: 5) { sma(period: 3) { value } ema(period: 10) { date value } macd { macd } } }\n  }\n": typeof types.IndicatorWindowEmaTogetherDocument,
    "\n  mutation JobsLoad($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n": typeof types.JobsLoadDocument,
    "\n  query JobsChart($ticker: String!) {\n    etf(ticker: $ticker) {\n      storedIndicatorsThrough\n      indicators(last: 300) {\n        sma(period: 50) { date value }\n        ema(period: 12) { value }\n        rsi(period: 14) { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr(period: 14) { value }\n      }\n    }\n  }\n": typeof types.JobsChartDocument,
    "\n  query JobsQueue { jobs { etfsCurrent etfsBehind jobs { task ticker state attempts } } }\n": typeof types.JobsQueueDocument,
    "query SharedLimitsTypename { __typename }": typeof types.SharedLimitsTypenameDocument,
    "\n  mutation SharedLimitsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n": typeof types.SharedLimitsLoginDocument,
    "\n  mutation DataMutationsUpsertEtfs($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker name } }\n": typeof types.DataMutationsUpsertEtfsDocument,
    "\n  mutation DataMutationsUpsertEtfsFull($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker issuer exchange } }\n": typeof types.DataMutationsUpsertEtfsFullDocument,
    "\n  mutation DataMutationsDeleteEtf($ticker: String!) { deleteEtf(ticker: $ticker) { ticker deletedPrices } }\n": typeof types.DataMutationsDeleteEtfDocument,
    "\n  mutation DataMutationsDeleteEtfTicker($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n": typeof types.DataMutationsDeleteEtfTickerDocument,
    "\n  mutation DataMutationsDeleteEtfCount($ticker: String!) { deleteEtf(ticker: $ticker) { deletedPrices } }\n": typeof types.DataMutationsDeleteEtfCountDocument,
    "\n  mutation DataMutationsDeletePrices($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n": typeof types.DataMutationsDeletePricesDocument,
    "\n  query DataMutationsServed($ticker: String!) {\n    etf(ticker: $ticker) {\n      prices { date open high low close volume }\n      indicators { sma(period: 20) { date value } rsi { value } }\n    }\n  }\n": typeof types.DataMutationsServedDocument,
    "\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n": typeof types.LoadPricesDocument,
    "query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }": typeof types.BigVolumeDocument,
    "\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n": typeof types.BatchChartDocument,
    "\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n": typeof types.PricesDocument,
    "\n  mutation ClusterLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n": typeof types.ClusterLoginDocument,
    "query ClusterMe { me { email } }": typeof types.ClusterMeDocument,
    "query ClusterTypename { __typename }": typeof types.ClusterTypenameDocument,
    "\n  mutation AuthPermissionsUpsertEtf { upsertEtf(input: { ticker: \"NEW\", name: \"New\" }) { ticker } }\n": typeof types.AuthPermissionsUpsertEtfDocument,
    "\n  mutation AuthPermissionsLoadPrices {\n    loadPrices(ticker: \"SPY\", bars: [{ date: \"2024-01-02\", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted }\n  }\n": typeof types.AuthPermissionsLoadPricesDocument,
    "\n  mutation AuthPermissionsCreateUser {\n    createUser(input: { email: \"x@example.com\", name: \"X\", password: \"a-long-enough-password\" }) { id }\n  }\n": typeof types.AuthPermissionsCreateUserDocument,
    "\n  mutation AuthPermissionsSetUserRole($id: Int!) { setUserRole(id: $id, role: ADMIN) { role } }\n": typeof types.AuthPermissionsSetUserRoleDocument,
    "\n  mutation AuthPermissionsDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": typeof types.AuthPermissionsDeactivateUserDocument,
    "\n  mutation AuthPermissionsReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": typeof types.AuthPermissionsReactivateUserDocument,
    "\n  mutation AuthPermissionsCreateApiKey { createApiKey(name: \"k\", role: ADMIN) { secret } }\n": typeof types.AuthPermissionsCreateApiKeyDocument,
    "\n  mutation AuthPermissionsRevokeApiKey { revokeApiKey(id: 1) { id } }\n": typeof types.AuthPermissionsRevokeApiKeyDocument,
    "\n  mutation AuthPermissionsUpsertEtfs { upsertEtfs(inputs: [{ ticker: \"NEW\", name: \"New\" }]) { ticker } }\n": typeof types.AuthPermissionsUpsertEtfsDocument,
    "\n  mutation AuthPermissionsDeleteEtf { deleteEtf(ticker: \"SPY\") { ticker } }\n": typeof types.AuthPermissionsDeleteEtfDocument,
    "\n  mutation AuthPermissionsDeletePrices { deletePrices(ticker: \"SPY\", from: \"2024-01-01\", to: \"2024-12-31\") { deleted } }\n": typeof types.AuthPermissionsDeletePricesDocument,
    "\n  mutation AuthPermissionsRecordSplit { recordSplit(ticker: \"SPY\", date: \"2024-06-03\", ratio: 2) { ratio } }\n": typeof types.AuthPermissionsRecordSplitDocument,
    "\n  mutation AuthPermissionsRecordDividend { recordDividend(ticker: \"SPY\", exDate: \"2024-06-03\", amount: 1) { amount } }\n": typeof types.AuthPermissionsRecordDividendDocument,
    "\n  mutation AuthPermissionsDeleteSplit { deleteSplit(ticker: \"SPY\", date: \"2024-06-03\") }\n": typeof types.AuthPermissionsDeleteSplitDocument,
    "\n  mutation AuthPermissionsDeleteDividend { deleteDividend(ticker: \"SPY\", exDate: \"2024-06-03\") }\n": typeof types.AuthPermissionsDeleteDividendDocument,
    "\n  mutation AuthPermissionsCreateAlert { createAlert(input: { name: \"a\", when: { metric: CLOSE, gt: 1 } }) { alert { id } } }\n": typeof types.AuthPermissionsCreateAlertDocument,
    "\n  mutation AuthPermissionsUpdateAlert { updateAlert(input: { id: \"1\", name: \"b\" }) { alert { id } } }\n": typeof types.AuthPermissionsUpdateAlertDocument,
    "\n  mutation AuthPermissionsDeleteAlert { deleteAlert(id: \"1\") }\n": typeof types.AuthPermissionsDeleteAlertDocument,
    "\n  mutation AuthPermissionsFollow { follow(ticker: \"SPY\") { followedAt } }\n": typeof types.AuthPermissionsFollowDocument,
    "\n  mutation AuthPermissionsUnfollow { unfollow(ticker: \"SPY\") }\n": typeof types.AuthPermissionsUnfollowDocument,
    "\n  mutation AuthPermissionsCreateNightlyKey {\n    createApiKey(name: \"nightly loader\", role: EDITOR) { secret apiKey { id name prefix role lastUsedAt } }\n  }\n": typeof types.AuthPermissionsCreateNightlyKeyDocument,
    "\n  mutation AuthPermissionsLoadNoBars { loadPrices(ticker: \"SPY\", bars: []) { inserted } }\n": typeof types.AuthPermissionsLoadNoBarsDocument,
    "\n  mutation AuthPermissionsRevokeKey($id: Int!) { revokeApiKey(id: $id) { revokedAt } }\n": typeof types.AuthPermissionsRevokeKeyDocument,
    "\n  mutation AuthPermissionsCreateTwiceKey { createApiKey(name: \"twice\", role: VIEWER) { apiKey { id } } }\n": typeof types.AuthPermissionsCreateTwiceKeyDocument,
    "\n  mutation AuthPermissionsCreateExpiringKey($e: DateTime) { createApiKey(name: \"k\", role: VIEWER, expiresAt: $e) { secret } }\n": typeof types.AuthPermissionsCreateExpiringKeyDocument,
    "\n  mutation AuthPermissionsThreeMutations {\n    first: createApiKey(name: \"first of three\", role: VIEWER) { secret }\n    broken: createApiKey(name: \"broken\", role: VIEWER, expiresAt: \"2001-01-01T00:00:00Z\") { secret }\n    last: createApiKey(name: \"last of three\", role: VIEWER) { secret }\n  }\n": typeof types.AuthPermissionsThreeMutationsDocument,
    "\n  mutation AuthPermissionsTwoMutationsInFragments {\n    ...AuthPermissionsMutationA\n    ... on Mutation { b: createApiKey(name: \"b\", role: VIEWER) { secret } }\n  }\n  fragment AuthPermissionsMutationA on Mutation { a: createApiKey(name: \"a\", role: VIEWER) { secret } __typename }\n": typeof types.AuthPermissionsTwoMutationsInFragmentsDocument,
    "\n  mutation AuthPermissionsOneMutation { __typename createApiKey(name: \"alone\", role: VIEWER) { secret } }\n": typeof types.AuthPermissionsOneMutationDocument,
    "\n  mutation AuthPermissionsLogin($p: String!) { login(email: \"viewer@example.com\", password: $p) { token } }\n": typeof types.AuthPermissionsLoginDocument,
    "\n  mutation AuthPermissionsLoginLiteral { login(email: \"viewer@example.com\", password: \"wrong-but-secret-words\") { token } }\n": typeof types.AuthPermissionsLoginLiteralDocument,
    "\n  mutation AuthPermissionsCreateLogKey { createApiKey(name: \"x\", role: VIEWER) { secret } }\n": typeof types.AuthPermissionsCreateLogKeyDocument,
    "\n  query AuthPermissionsEtf { etf(ticker: \"SPY\") { ticker } }\n": typeof types.AuthPermissionsEtfDocument,
    "\n  mutation AuthPermissionsUpsertEmptyEtf { upsertEtf(input: { ticker: \"\", name: \"\" }) { id } }\n": typeof types.AuthPermissionsUpsertEmptyEtfDocument,
    "\n  query AuthUsersMe { me { id email name role active } }\n": typeof types.AuthUsersMeDocument,
    "\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": typeof types.AuthUsersLoginDocument,
    "\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": typeof types.AuthUsersUpsertEtfDocument,
    "\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n": typeof types.AuthUsersSetUserRoleDocument,
    "\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": typeof types.AuthUsersDeactivateUserDocument,
    "\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": typeof types.AuthUsersReactivateUserDocument,
    "\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n": typeof types.AuthUsersCreateUserDocument,
    "\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n": typeof types.AuthUsersCreateUserIdDocument,
    "\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n": typeof types.AuthUsersSignUpDocument,
    "\n  mutation WatchlistFollow($ticker: String!) { follow(ticker: $ticker) { etf { ticker } } }\n": typeof types.WatchlistFollowDocument,
    "\n  mutation WatchlistUnfollow($ticker: String!) { unfollow(ticker: $ticker) }\n": typeof types.WatchlistUnfollowDocument,
    "\n  query WatchlistMine { me { watchlist { etf { ticker latestPrice { close } } change1d } } }\n": typeof types.WatchlistMineDocument,
    "\n  query WatchlistMovers {\n    me { movers(limit: 3) { etf { ticker } change1d } watchlist { etf { ticker latestPrice { close } } change1d } }\n  }\n": typeof types.WatchlistMoversDocument,
    "\n  query WatchlistUsers { users { edges { node { email watchlist { etf { ticker } } } } } }\n": typeof types.WatchlistUsersDocument,
};
const documents: Documents = {
    "\n  query BatchPerformance($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf) { asOf return1M return1Y volatility1Y maxDrawdown1Y sharpe1Y high52W }\n      raw: performance(asOf: $asOf, adjusted: false) { return1M }\n    }\n  }\n": types.BatchPerformanceDocument,
    "\n  query Correlation($tickers: [String!]!, $from: Date, $to: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    correlation(tickers: $tickers, from: $from, to: $to, last: $last, interval: $interval, adjusted: $adjusted) {\n      tickers observations matrix from to\n    }\n  }\n": types.CorrelationDocument,
    "\n  query LatestFigures($tickers: [String!]!, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(adjusted: $adjusted) {\n        asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n": types.LatestFiguresDocument,
    "\n  mutation LoadBarsForMetrics($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n": types.LoadBarsForMetricsDocument,
    "\n  mutation DeleteBarsForMetrics($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n": types.DeleteBarsForMetricsDocument,
    "\n  mutation SplitForMetrics($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n": types.SplitForMetricsDocument,
    "\n  mutation UnsplitForMetrics($ticker: String!, $date: Date!) { deleteSplit(ticker: $ticker, date: $date) }\n": types.UnsplitForMetricsDocument,
    "\n  mutation DeleteEtfForMetrics($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n": types.DeleteEtfForMetricsDocument,
    "\n  query Performance($tickers: [String!]!, $asOf: Date, $adjusted: Boolean, $riskFreeRate: Float) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf, adjusted: $adjusted) {\n        asOf\n        return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: $riskFreeRate)\n        high52W low52W\n      }\n    }\n  }\n": types.PerformanceDocument,
    "\n  query ScreenArguments($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { ticker } }\n    }\n  }\n": types.ScreenArgumentsDocument,
    "\n  query BatchScreen($where: ScreenFilter!, $asOf: Date, $after: String) {\n    screen(where: $where, orderBy: [{ metric: RSI_14, direction: DESC }], first: 3, asOf: $asOf, after: $after) {\n      totalCount\n      edges { cursor date node { ticker } values { metric value } }\n      pageInfo { endCursor }\n    }\n  }\n": types.BatchScreenDocument,
    "\n  query WholeScreen($where: ScreenFilter!) {\n    screen(where: $where, orderBy: [{ metric: RSI_14 }, { metric: MACD_HISTOGRAM }], first: 100) {\n      totalCount\n      edges { date node { ticker } values { metric value } }\n    }\n  }\n": types.WholeScreenDocument,
    "\n  query Screen($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String, $asOf: Date, $adjusted: Boolean) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf, adjusted: $adjusted) {\n      totalCount\n      edges { cursor date node { ticker assetClass } values { metric value } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ScreenDocument,
    "\n  query ScreenStoredIndicators($tickers: [String!]!, $to: Date, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(to: $to, last: 1, adjusted: $adjusted) {\n        sma20: sma(period: 20) { date value }\n        sma50: sma(period: 50) { value }\n        sma200: sma(period: 200) { value }\n        ema12: ema(period: 12) { value }\n        ema26: ema(period: 26) { value }\n        rsi { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr { value }\n      }\n    }\n  }\n": types.ScreenStoredIndicatorsDocument,
    "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n": types.SeriesAndPricesDocument,
    "\n  query ColumnarTwoColumns { etfsByTicker(tickers: [\"AAA\", \"BBB\"]) { series(last: 5) { dates close } } }\n": types.ColumnarTwoColumnsDocument,
    "\n  query ColumnarEmptyWindow { etf(ticker: \"AAA\") { series(to: \"1999-01-01\") { dates close } } }\n": types.ColumnarEmptyWindowDocument,
    "\n  query ColumnarBadWindow { etf(ticker: \"AAA\") { series(last: 0) { dates } } }\n": types.ColumnarBadWindowDocument,
    "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n": types.PointsAndColumnsDocument,
    "\n  query ColumnarBadPeriod { etf(ticker: \"AAA\") { indicators(last: 5) { columns { sma(period: 0) { value } } } } }\n": types.ColumnarBadPeriodDocument,
    "\n  query ColumnarHuge {\n    etfsByTicker(\n      tickers: [\"T0\", \"T1\", \"T2\", \"T3\", \"T4\", \"T5\", \"T6\", \"T7\", \"T8\", \"T9\", \"T10\", \"T11\", \"T12\",\n                \"T13\", \"T14\", \"T15\", \"T16\", \"T17\", \"T18\", \"T19\", \"T20\", \"T21\", \"T22\", \"T23\", \"T24\"]\n    ) {\n      indicators {\n        columns {\n          dates\n          s0: sma(period: 2) { value }\n          s1: sma(period: 3) { value }\n          s2: sma(period: 4) { value }\n          s3: sma(period: 5) { value }\n          s4: sma(period: 6) { value }\n          s5: sma(period: 7) { value }\n          s6: sma(period: 8) { value }\n          s7: sma(period: 9) { value }\n          s8: sma(period: 10) { value }\n          s9: sma(period: 11) { value }\n          s10: sma(period: 12) { value }\n          s11: sma(period: 13) { value }\n        }\n      }\n    }\n  }\n": types.ColumnarHugeDocument,
    "\n  query DecimalsExact {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close volume }\n      series(last: 30) { close }\n      indicators(last: 30) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n": types.DecimalsExactDocument,
    "\n  query DecimalsRounded {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close(decimals: 2) volume }\n      series(last: 30, decimals: 2) { close }\n      indicators(last: 30, decimals: 2) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n": types.DecimalsRoundedDocument,
    "\n  query DecimalsNegative { etf(ticker: \"SPY\") { series(last: 5, decimals: -1) { close } } }\n": types.DecimalsNegativeDocument,
    "\n  query DecimalsTooMany { etf(ticker: \"SPY\") { indicators(last: 5, decimals: 11) { sma(period: 5) { value } } } }\n": types.DecimalsTooManyDocument,
    "\n  query DecimalsNegativeOnBar { etf(ticker: \"SPY\") { prices(last: 5) { open(decimals: -1) } } }\n": types.DecimalsNegativeOnBarDocument,
    "\n  query MetricsChart($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker prices(last: 5) { close } } }\n": types.MetricsChartDocument,
    "\n  query MissChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close volume } }\n  }\n": types.MissChartDocument,
    "\n  query MissBeta($ticker: String!) {\n    etf(ticker: $ticker) { indicators(last: 3) { beta(benchmark: \"MSBM\", period: 20) { date beta } } }\n  }\n": types.MissBetaDocument,
    "\n  mutation MissLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n": types.MissLoadPricesDocument,
    "\n  query ResponseCacheChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close } }\n  }\n": types.ResponseCacheChartDocument,
    "\n  mutation ResponseCacheLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted }\n  }\n": types.ResponseCacheLoadPricesDocument,
    "\n  mutation ResponseCacheLoadPricesCounts($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n": types.ResponseCacheLoadPricesCountsDocument,
    "\n  query ResponseCacheAdjustedCloses($ticker: String!) { etf(ticker: $ticker) { prices(last: 2, adjusted: true) { close } } }\n": types.ResponseCacheAdjustedClosesDocument,
    "\n  query ResponseCacheLastTwo($ticker: String!) { etf(ticker: $ticker) { prices(last: 2) { date close } } }\n": types.ResponseCacheLastTwoDocument,
    "\n  mutation ResponseCacheRecordSplit($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n": types.ResponseCacheRecordSplitDocument,
    "\n  query ResponseCachePerformance($ticker: String!) { etf(ticker: $ticker) { performance { asOf return1D } } }\n": types.ResponseCachePerformanceDocument,
    "\n  query ResponseCacheCorrelation($tickers: [String!]!) { correlation(tickers: $tickers, last: 5) { matrix } }\n": types.ResponseCacheCorrelationDocument,
    "\n  query ResponseCacheTickers($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker } }\n": types.ResponseCacheTickersDocument,
    "\n  mutation ResponseCacheUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": types.ResponseCacheUpsertEtfDocument,
    "\n  mutation ResponseCacheFollow($ticker: String!) { follow(ticker: $ticker) { followedAt } }\n": types.ResponseCacheFollowDocument,
    "\n  query ResponseCacheWatchlist { me { email watchlist { etf { ticker } } } }\n": types.ResponseCacheWatchlistDocument,
    "\n  query EtfByTicker($ticker: String!) {\n    etf(ticker: $ticker) { id ticker name issuer assetClass expenseRatio inceptionDate currency }\n  }\n": types.EtfByTickerDocument,
    "\n  query EtfsByTicker($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) { ticker }\n  }\n": types.EtfsByTickerDocument,
    "\n  query EtfsPage($first: Int, $after: String, $search: String, $assetClass: AssetClass) {\n    etfs(first: $first, after: $after, search: $search, assetClass: $assetClass) {\n      edges { cursor node { ticker } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": types.EtfsPageDocument,
    "\n  query NodeById($id: ID!) {\n    node(id: $id) { id ... on Etf { ticker } }\n  }\n": types.NodeByIdDocument,
    "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n": types.UpsertEtfDocument,
    "\n  mutation AccountsSignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": types.AccountsSignInDocument,
    "\n  query DemoShape {\n    spy: etf(ticker: \"SPY\") { holdings(first: 1) { totalCount } }\n    vti: etf(ticker: \"VTI\") { holdings(first: 1) { totalCount } }\n    aor: etf(ticker: \"AOR\") {\n      holdings { edges { node { etf { ticker } } } }\n      exposure(by: ASSET_CLASS, lookThrough: true) { key weight }\n    }\n    overlap(tickers: [\"SPY\", \"VOO\", \"QQQ\", \"XLK\", \"AGG\"]) { a { ticker } b { ticker } overlap }\n  }\n": types.DemoShapeDocument,
    "\n  query Holdings($ticker: String!, $asOf: Date, $first: Int, $after: String) {\n    etf(ticker: $ticker) {\n      holdingsAsOf(asOf: $asOf)\n      holdings(asOf: $asOf, first: $first, after: $after) {\n        totalCount\n        totalWeight\n        asOf\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { position name ticker cusip isin weight sector country assetClass security { name ticker isin cusip } etf { ticker } } }\n      }\n    }\n  }\n": types.HoldingsDocument,
    "\n  query Exposure($ticker: String!, $by: ExposureKey!, $lookThrough: Boolean) {\n    etf(ticker: $ticker) { exposure(by: $by, lookThrough: $lookThrough) { key label weight holdings } }\n  }\n": types.ExposureDocument,
    "\n  query Overlap($tickers: [String!]!, $largest: Int) {\n    overlap(tickers: $tickers, largest: $largest) {\n      a { ticker } b { ticker } overlap commonHoldings\n      largest { security { ticker isin } weightA weightB weight }\n    }\n  }\n": types.OverlapDocument,
    "\n  query Holders($security: String!, $asOf: Date) {\n    holders(security: $security, asOf: $asOf) { etf { ticker } asOf weight security { ticker isin cusip } }\n  }\n": types.HoldersDocument,
    "\n  query LookThrough($portfolio: [PortfolioWeight!], $by: ExposureKey, $first: Int) {\n    lookThrough(portfolio: $portfolio, by: $by, first: $first) {\n      asOf\n      holdings { security { ticker isin name } weight }\n      exposure { key weight }\n      withoutHoldings { ticker }\n    }\n  }\n": types.LookThroughDocument,
    "\n  query IndicatorBatchingWithBeta($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(last: 60) {\n        sma(period: 50) { value }\n        aroon { up down }\n        kst { value signal }\n        volatility(estimator: YANG_ZHANG) { value }\n        beta(benchmark: \"BM\") { alpha beta rSquared }\n        againstItself: beta(benchmark: \"B0\", period: 20) { beta }\n      }\n      weekly: indicators(interval: WEEKLY, last: 10) {\n        beta(benchmark: \"bm\", period: 10) { beta }\n        cti(period: 5) { value }\n      }\n    }\n  }\n": types.IndicatorBatchingWithBetaDocument,
    "\n  mutation IndicatorStoredChangeBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2023-05-01\", open: 150, high: 190, low: 140, close: 180, volume: 5000000 }]) {\n      updated\n    }\n  }\n": types.IndicatorStoredChangeBarDocument,
    "\n  mutation IndicatorStoredAppendBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2025-01-02\", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) {\n      inserted\n    }\n  }\n": types.IndicatorStoredAppendBarDocument,
    "\n  query IndicatorWindowEmaAlone { etf(ticker: \"WIN\") { indicators(last: 5) { ema(period: 10) { date value } } } }\n": types.IndicatorWindowEmaAloneDocument,
    "\n  query IndicatorWindowEmaTogether {\n    etf(ticker: \"WIN\") { indicators(last: 5) { sma(period: 3) { value } ema(period: 10) { date value } macd { macd } } }\n  }\n": types.IndicatorWindowEmaTogetherDocument,
    "\n  mutation JobsLoad($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n": types.JobsLoadDocument,
    "\n  query JobsChart($ticker: String!) {\n    etf(ticker: $ticker) {\n      storedIndicatorsThrough\n      indicators(last: 300) {\n        sma(period: 50) { date value }\n        ema(period: 12) { value }\n        rsi(period: 14) { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr(period: 14) { value }\n      }\n    }\n  }\n": types.JobsChartDocument,
    "\n  query JobsQueue { jobs { etfsCurrent etfsBehind jobs { task ticker state attempts } } }\n": types.JobsQueueDocument,
    "query SharedLimitsTypename { __typename }": types.SharedLimitsTypenameDocument,
    "\n  mutation SharedLimitsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n": types.SharedLimitsLoginDocument,
    "\n  mutation DataMutationsUpsertEtfs($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker name } }\n": types.DataMutationsUpsertEtfsDocument,
    "\n  mutation DataMutationsUpsertEtfsFull($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker issuer exchange } }\n": types.DataMutationsUpsertEtfsFullDocument,
    "\n  mutation DataMutationsDeleteEtf($ticker: String!) { deleteEtf(ticker: $ticker) { ticker deletedPrices } }\n": types.DataMutationsDeleteEtfDocument,
    "\n  mutation DataMutationsDeleteEtfTicker($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n": types.DataMutationsDeleteEtfTickerDocument,
    "\n  mutation DataMutationsDeleteEtfCount($ticker: String!) { deleteEtf(ticker: $ticker) { deletedPrices } }\n": types.DataMutationsDeleteEtfCountDocument,
    "\n  mutation DataMutationsDeletePrices($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n": types.DataMutationsDeletePricesDocument,
    "\n  query DataMutationsServed($ticker: String!) {\n    etf(ticker: $ticker) {\n      prices { date open high low close volume }\n      indicators { sma(period: 20) { date value } rsi { value } }\n    }\n  }\n": types.DataMutationsServedDocument,
    "\n  mutation LoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { ticker inserted updated unchanged }\n  }\n": types.LoadPricesDocument,
    "query BigVolume { etf(ticker: \"LOAD\") { prices { volume } } }": types.BigVolumeDocument,
    "\n  query BatchChart($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(last: 20) { date close volume }\n      weekly: prices(interval: WEEKLY, last: 4) { date close }\n      latestPrice { close }\n    }\n  }\n": types.BatchChartDocument,
    "\n  query Prices($ticker: String!, $from: Date, $to: Date, $last: Int, $interval: Interval) {\n    etf(ticker: $ticker) {\n      prices(from: $from, to: $to, last: $last, interval: $interval) { date open high low close volume }\n      latestPrice { date close }\n    }\n  }\n": types.PricesDocument,
    "\n  mutation ClusterLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n": types.ClusterLoginDocument,
    "query ClusterMe { me { email } }": types.ClusterMeDocument,
    "query ClusterTypename { __typename }": types.ClusterTypenameDocument,
    "\n  mutation AuthPermissionsUpsertEtf { upsertEtf(input: { ticker: \"NEW\", name: \"New\" }) { ticker } }\n": types.AuthPermissionsUpsertEtfDocument,
    "\n  mutation AuthPermissionsLoadPrices {\n    loadPrices(ticker: \"SPY\", bars: [{ date: \"2024-01-02\", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted }\n  }\n": types.AuthPermissionsLoadPricesDocument,
    "\n  mutation AuthPermissionsCreateUser {\n    createUser(input: { email: \"x@example.com\", name: \"X\", password: \"a-long-enough-password\" }) { id }\n  }\n": types.AuthPermissionsCreateUserDocument,
    "\n  mutation AuthPermissionsSetUserRole($id: Int!) { setUserRole(id: $id, role: ADMIN) { role } }\n": types.AuthPermissionsSetUserRoleDocument,
    "\n  mutation AuthPermissionsDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": types.AuthPermissionsDeactivateUserDocument,
    "\n  mutation AuthPermissionsReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": types.AuthPermissionsReactivateUserDocument,
    "\n  mutation AuthPermissionsCreateApiKey { createApiKey(name: \"k\", role: ADMIN) { secret } }\n": types.AuthPermissionsCreateApiKeyDocument,
    "\n  mutation AuthPermissionsRevokeApiKey { revokeApiKey(id: 1) { id } }\n": types.AuthPermissionsRevokeApiKeyDocument,
    "\n  mutation AuthPermissionsUpsertEtfs { upsertEtfs(inputs: [{ ticker: \"NEW\", name: \"New\" }]) { ticker } }\n": types.AuthPermissionsUpsertEtfsDocument,
    "\n  mutation AuthPermissionsDeleteEtf { deleteEtf(ticker: \"SPY\") { ticker } }\n": types.AuthPermissionsDeleteEtfDocument,
    "\n  mutation AuthPermissionsDeletePrices { deletePrices(ticker: \"SPY\", from: \"2024-01-01\", to: \"2024-12-31\") { deleted } }\n": types.AuthPermissionsDeletePricesDocument,
    "\n  mutation AuthPermissionsRecordSplit { recordSplit(ticker: \"SPY\", date: \"2024-06-03\", ratio: 2) { ratio } }\n": types.AuthPermissionsRecordSplitDocument,
    "\n  mutation AuthPermissionsRecordDividend { recordDividend(ticker: \"SPY\", exDate: \"2024-06-03\", amount: 1) { amount } }\n": types.AuthPermissionsRecordDividendDocument,
    "\n  mutation AuthPermissionsDeleteSplit { deleteSplit(ticker: \"SPY\", date: \"2024-06-03\") }\n": types.AuthPermissionsDeleteSplitDocument,
    "\n  mutation AuthPermissionsDeleteDividend { deleteDividend(ticker: \"SPY\", exDate: \"2024-06-03\") }\n": types.AuthPermissionsDeleteDividendDocument,
    "\n  mutation AuthPermissionsCreateAlert { createAlert(input: { name: \"a\", when: { metric: CLOSE, gt: 1 } }) { alert { id } } }\n": types.AuthPermissionsCreateAlertDocument,
    "\n  mutation AuthPermissionsUpdateAlert { updateAlert(input: { id: \"1\", name: \"b\" }) { alert { id } } }\n": types.AuthPermissionsUpdateAlertDocument,
    "\n  mutation AuthPermissionsDeleteAlert { deleteAlert(id: \"1\") }\n": types.AuthPermissionsDeleteAlertDocument,
    "\n  mutation AuthPermissionsFollow { follow(ticker: \"SPY\") { followedAt } }\n": types.AuthPermissionsFollowDocument,
    "\n  mutation AuthPermissionsUnfollow { unfollow(ticker: \"SPY\") }\n": types.AuthPermissionsUnfollowDocument,
    "\n  mutation AuthPermissionsCreateNightlyKey {\n    createApiKey(name: \"nightly loader\", role: EDITOR) { secret apiKey { id name prefix role lastUsedAt } }\n  }\n": types.AuthPermissionsCreateNightlyKeyDocument,
    "\n  mutation AuthPermissionsLoadNoBars { loadPrices(ticker: \"SPY\", bars: []) { inserted } }\n": types.AuthPermissionsLoadNoBarsDocument,
    "\n  mutation AuthPermissionsRevokeKey($id: Int!) { revokeApiKey(id: $id) { revokedAt } }\n": types.AuthPermissionsRevokeKeyDocument,
    "\n  mutation AuthPermissionsCreateTwiceKey { createApiKey(name: \"twice\", role: VIEWER) { apiKey { id } } }\n": types.AuthPermissionsCreateTwiceKeyDocument,
    "\n  mutation AuthPermissionsCreateExpiringKey($e: DateTime) { createApiKey(name: \"k\", role: VIEWER, expiresAt: $e) { secret } }\n": types.AuthPermissionsCreateExpiringKeyDocument,
    "\n  mutation AuthPermissionsThreeMutations {\n    first: createApiKey(name: \"first of three\", role: VIEWER) { secret }\n    broken: createApiKey(name: \"broken\", role: VIEWER, expiresAt: \"2001-01-01T00:00:00Z\") { secret }\n    last: createApiKey(name: \"last of three\", role: VIEWER) { secret }\n  }\n": types.AuthPermissionsThreeMutationsDocument,
    "\n  mutation AuthPermissionsTwoMutationsInFragments {\n    ...AuthPermissionsMutationA\n    ... on Mutation { b: createApiKey(name: \"b\", role: VIEWER) { secret } }\n  }\n  fragment AuthPermissionsMutationA on Mutation { a: createApiKey(name: \"a\", role: VIEWER) { secret } __typename }\n": types.AuthPermissionsTwoMutationsInFragmentsDocument,
    "\n  mutation AuthPermissionsOneMutation { __typename createApiKey(name: \"alone\", role: VIEWER) { secret } }\n": types.AuthPermissionsOneMutationDocument,
    "\n  mutation AuthPermissionsLogin($p: String!) { login(email: \"viewer@example.com\", password: $p) { token } }\n": types.AuthPermissionsLoginDocument,
    "\n  mutation AuthPermissionsLoginLiteral { login(email: \"viewer@example.com\", password: \"wrong-but-secret-words\") { token } }\n": types.AuthPermissionsLoginLiteralDocument,
    "\n  mutation AuthPermissionsCreateLogKey { createApiKey(name: \"x\", role: VIEWER) { secret } }\n": types.AuthPermissionsCreateLogKeyDocument,
    "\n  query AuthPermissionsEtf { etf(ticker: \"SPY\") { ticker } }\n": types.AuthPermissionsEtfDocument,
    "\n  mutation AuthPermissionsUpsertEmptyEtf { upsertEtf(input: { ticker: \"\", name: \"\" }) { id } }\n": types.AuthPermissionsUpsertEmptyEtfDocument,
    "\n  query AuthUsersMe { me { id email name role active } }\n": types.AuthUsersMeDocument,
    "\n  mutation AuthUsersLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n": types.AuthUsersLoginDocument,
    "\n  mutation AuthUsersUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n": types.AuthUsersUpsertEtfDocument,
    "\n  mutation AuthUsersSetUserRole($id: Int!, $role: Role!) { setUserRole(id: $id, role: $role) { role } }\n": types.AuthUsersSetUserRoleDocument,
    "\n  mutation AuthUsersDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n": types.AuthUsersDeactivateUserDocument,
    "\n  mutation AuthUsersReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n": types.AuthUsersReactivateUserDocument,
    "\n  mutation AuthUsersCreateUser($input: CreateUserInput!) { createUser(input: $input) { email role active } }\n": types.AuthUsersCreateUserDocument,
    "\n  mutation AuthUsersCreateUserId($input: CreateUserInput!) { createUser(input: $input) { id } }\n": types.AuthUsersCreateUserIdDocument,
    "\n  mutation AuthUsersSignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) { user { role } }\n  }\n": types.AuthUsersSignUpDocument,
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
export function graphql(source: "\n  query BatchPerformance($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf) { asOf return1M return1Y volatility1Y maxDrawdown1Y sharpe1Y high52W }\n      raw: performance(asOf: $asOf, adjusted: false) { return1M }\n    }\n  }\n"): (typeof documents)["\n  query BatchPerformance($tickers: [String!]!, $asOf: Date) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf) { asOf return1M return1Y volatility1Y maxDrawdown1Y sharpe1Y high52W }\n      raw: performance(asOf: $asOf, adjusted: false) { return1M }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Correlation($tickers: [String!]!, $from: Date, $to: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    correlation(tickers: $tickers, from: $from, to: $to, last: $last, interval: $interval, adjusted: $adjusted) {\n      tickers observations matrix from to\n    }\n  }\n"): (typeof documents)["\n  query Correlation($tickers: [String!]!, $from: Date, $to: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    correlation(tickers: $tickers, from: $from, to: $to, last: $last, interval: $interval, adjusted: $adjusted) {\n      tickers observations matrix from to\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestFigures($tickers: [String!]!, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(adjusted: $adjusted) {\n        asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n"): (typeof documents)["\n  query LatestFigures($tickers: [String!]!, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(adjusted: $adjusted) {\n        asOf return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y high52W low52W\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadBarsForMetrics($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n"): (typeof documents)["\n  mutation LoadBarsForMetrics($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBarsForMetrics($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n"): (typeof documents)["\n  mutation DeleteBarsForMetrics($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SplitForMetrics($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n"): (typeof documents)["\n  mutation SplitForMetrics($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsplitForMetrics($ticker: String!, $date: Date!) { deleteSplit(ticker: $ticker, date: $date) }\n"): (typeof documents)["\n  mutation UnsplitForMetrics($ticker: String!, $date: Date!) { deleteSplit(ticker: $ticker, date: $date) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEtfForMetrics($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n"): (typeof documents)["\n  mutation DeleteEtfForMetrics($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Performance($tickers: [String!]!, $asOf: Date, $adjusted: Boolean, $riskFreeRate: Float) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf, adjusted: $adjusted) {\n        asOf\n        return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: $riskFreeRate)\n        high52W low52W\n      }\n    }\n  }\n"): (typeof documents)["\n  query Performance($tickers: [String!]!, $asOf: Date, $adjusted: Boolean, $riskFreeRate: Float) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      performance(asOf: $asOf, adjusted: $adjusted) {\n        asOf\n        return1D return1W return1M return3M return6M returnYTD return1Y return3Y return5Y\n        volatility1Y maxDrawdown1Y sharpe1Y(riskFreeRate: $riskFreeRate)\n        high52W low52W\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenArguments($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { ticker } }\n    }\n  }\n"): (typeof documents)["\n  query ScreenArguments($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { ticker } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchScreen($where: ScreenFilter!, $asOf: Date, $after: String) {\n    screen(where: $where, orderBy: [{ metric: RSI_14, direction: DESC }], first: 3, asOf: $asOf, after: $after) {\n      totalCount\n      edges { cursor date node { ticker } values { metric value } }\n      pageInfo { endCursor }\n    }\n  }\n"): (typeof documents)["\n  query BatchScreen($where: ScreenFilter!, $asOf: Date, $after: String) {\n    screen(where: $where, orderBy: [{ metric: RSI_14, direction: DESC }], first: 3, asOf: $asOf, after: $after) {\n      totalCount\n      edges { cursor date node { ticker } values { metric value } }\n      pageInfo { endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WholeScreen($where: ScreenFilter!) {\n    screen(where: $where, orderBy: [{ metric: RSI_14 }, { metric: MACD_HISTOGRAM }], first: 100) {\n      totalCount\n      edges { date node { ticker } values { metric value } }\n    }\n  }\n"): (typeof documents)["\n  query WholeScreen($where: ScreenFilter!) {\n    screen(where: $where, orderBy: [{ metric: RSI_14 }, { metric: MACD_HISTOGRAM }], first: 100) {\n      totalCount\n      edges { date node { ticker } values { metric value } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Screen($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String, $asOf: Date, $adjusted: Boolean) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf, adjusted: $adjusted) {\n      totalCount\n      edges { cursor date node { ticker assetClass } values { metric value } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Screen($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String, $asOf: Date, $adjusted: Boolean) {\n    screen(where: $where, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf, adjusted: $adjusted) {\n      totalCount\n      edges { cursor date node { ticker assetClass } values { metric value } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScreenStoredIndicators($tickers: [String!]!, $to: Date, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(to: $to, last: 1, adjusted: $adjusted) {\n        sma20: sma(period: 20) { date value }\n        sma50: sma(period: 50) { value }\n        sma200: sma(period: 200) { value }\n        ema12: ema(period: 12) { value }\n        ema26: ema(period: 26) { value }\n        rsi { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr { value }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScreenStoredIndicators($tickers: [String!]!, $to: Date, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(to: $to, last: 1, adjusted: $adjusted) {\n        sma20: sma(period: 20) { date value }\n        sma50: sma(period: 50) { value }\n        sma200: sma(period: 200) { value }\n        ema12: ema(period: 12) { value }\n        ema26: ema(period: 26) { value }\n        rsi { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr { value }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n"): (typeof documents)["\n  query SeriesAndPrices($tickers: [String!]!, $from: Date, $last: Int, $interval: Interval, $adjusted: Boolean) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      prices(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { date open high low close volume }\n      series(from: $from, last: $last, interval: $interval, adjusted: $adjusted) { dates open high low close volume }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnarTwoColumns { etfsByTicker(tickers: [\"AAA\", \"BBB\"]) { series(last: 5) { dates close } } }\n"): (typeof documents)["\n  query ColumnarTwoColumns { etfsByTicker(tickers: [\"AAA\", \"BBB\"]) { series(last: 5) { dates close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnarEmptyWindow { etf(ticker: \"AAA\") { series(to: \"1999-01-01\") { dates close } } }\n"): (typeof documents)["\n  query ColumnarEmptyWindow { etf(ticker: \"AAA\") { series(to: \"1999-01-01\") { dates close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnarBadWindow { etf(ticker: \"AAA\") { series(last: 0) { dates } } }\n"): (typeof documents)["\n  query ColumnarBadWindow { etf(ticker: \"AAA\") { series(last: 0) { dates } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PointsAndColumns($interval: Interval, $last: Int) {\n    etf(ticker: \"AAA\") {\n      series(interval: $interval, last: $last) { dates }\n      indicators(interval: $interval, last: $last) {\n        sma(period: 50) { date value }\n        ema(period: 7) { date value }\n        macd { date macd signal histogram }\n        bollinger { date upper middle lower }\n        stochastic { date fastK fastD slowD }\n        adx { date adx plusDI minusDI }\n        columns {\n          dates\n          sma(period: 50) { value }\n          ema(period: 7) { value }\n          macd { macd signal histogram }\n          bollinger { upper middle lower }\n          stochastic { fastK fastD slowD }\n          adx { adx plusDI minusDI }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnarBadPeriod { etf(ticker: \"AAA\") { indicators(last: 5) { columns { sma(period: 0) { value } } } } }\n"): (typeof documents)["\n  query ColumnarBadPeriod { etf(ticker: \"AAA\") { indicators(last: 5) { columns { sma(period: 0) { value } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ColumnarHuge {\n    etfsByTicker(\n      tickers: [\"T0\", \"T1\", \"T2\", \"T3\", \"T4\", \"T5\", \"T6\", \"T7\", \"T8\", \"T9\", \"T10\", \"T11\", \"T12\",\n                \"T13\", \"T14\", \"T15\", \"T16\", \"T17\", \"T18\", \"T19\", \"T20\", \"T21\", \"T22\", \"T23\", \"T24\"]\n    ) {\n      indicators {\n        columns {\n          dates\n          s0: sma(period: 2) { value }\n          s1: sma(period: 3) { value }\n          s2: sma(period: 4) { value }\n          s3: sma(period: 5) { value }\n          s4: sma(period: 6) { value }\n          s5: sma(period: 7) { value }\n          s6: sma(period: 8) { value }\n          s7: sma(period: 9) { value }\n          s8: sma(period: 10) { value }\n          s9: sma(period: 11) { value }\n          s10: sma(period: 12) { value }\n          s11: sma(period: 13) { value }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ColumnarHuge {\n    etfsByTicker(\n      tickers: [\"T0\", \"T1\", \"T2\", \"T3\", \"T4\", \"T5\", \"T6\", \"T7\", \"T8\", \"T9\", \"T10\", \"T11\", \"T12\",\n                \"T13\", \"T14\", \"T15\", \"T16\", \"T17\", \"T18\", \"T19\", \"T20\", \"T21\", \"T22\", \"T23\", \"T24\"]\n    ) {\n      indicators {\n        columns {\n          dates\n          s0: sma(period: 2) { value }\n          s1: sma(period: 3) { value }\n          s2: sma(period: 4) { value }\n          s3: sma(period: 5) { value }\n          s4: sma(period: 6) { value }\n          s5: sma(period: 7) { value }\n          s6: sma(period: 8) { value }\n          s7: sma(period: 9) { value }\n          s8: sma(period: 10) { value }\n          s9: sma(period: 11) { value }\n          s10: sma(period: 12) { value }\n          s11: sma(period: 13) { value }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecimalsExact {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close volume }\n      series(last: 30) { close }\n      indicators(last: 30) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n"): (typeof documents)["\n  query DecimalsExact {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close volume }\n      series(last: 30) { close }\n      indicators(last: 30) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecimalsRounded {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close(decimals: 2) volume }\n      series(last: 30, decimals: 2) { close }\n      indicators(last: 30, decimals: 2) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n"): (typeof documents)["\n  query DecimalsRounded {\n    etf(ticker: \"SPY\") {\n      prices(last: 30) { close(decimals: 2) volume }\n      series(last: 30, decimals: 2) { close }\n      indicators(last: 30, decimals: 2) { sma(period: 20) { value } wma(period: 9) { value } columns { rsi { value } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecimalsNegative { etf(ticker: \"SPY\") { series(last: 5, decimals: -1) { close } } }\n"): (typeof documents)["\n  query DecimalsNegative { etf(ticker: \"SPY\") { series(last: 5, decimals: -1) { close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecimalsTooMany { etf(ticker: \"SPY\") { indicators(last: 5, decimals: 11) { sma(period: 5) { value } } } }\n"): (typeof documents)["\n  query DecimalsTooMany { etf(ticker: \"SPY\") { indicators(last: 5, decimals: 11) { sma(period: 5) { value } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecimalsNegativeOnBar { etf(ticker: \"SPY\") { prices(last: 5) { open(decimals: -1) } } }\n"): (typeof documents)["\n  query DecimalsNegativeOnBar { etf(ticker: \"SPY\") { prices(last: 5) { open(decimals: -1) } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsChart($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker prices(last: 5) { close } } }\n"): (typeof documents)["\n  query MetricsChart($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker prices(last: 5) { close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close volume } }\n  }\n"): (typeof documents)["\n  query MissChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close volume } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissBeta($ticker: String!) {\n    etf(ticker: $ticker) { indicators(last: 3) { beta(benchmark: \"MSBM\", period: 20) { date beta } } }\n  }\n"): (typeof documents)["\n  query MissBeta($ticker: String!) {\n    etf(ticker: $ticker) { indicators(last: 3) { beta(benchmark: \"MSBM\", period: 20) { date beta } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MissLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n"): (typeof documents)["\n  mutation MissLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close } }\n  }\n"): (typeof documents)["\n  query ResponseCacheChart($tickers: [String!]!, $last: Int) {\n    etfsByTicker(tickers: $tickers) { ticker prices(last: $last) { date close } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted }\n  }\n"): (typeof documents)["\n  mutation ResponseCacheLoadPrices($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheLoadPricesCounts($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n"): (typeof documents)["\n  mutation ResponseCacheLoadPricesCounts($ticker: String!, $bars: [PriceBarInput!]!) {\n    loadPrices(ticker: $ticker, bars: $bars) { inserted updated }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheAdjustedCloses($ticker: String!) { etf(ticker: $ticker) { prices(last: 2, adjusted: true) { close } } }\n"): (typeof documents)["\n  query ResponseCacheAdjustedCloses($ticker: String!) { etf(ticker: $ticker) { prices(last: 2, adjusted: true) { close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheLastTwo($ticker: String!) { etf(ticker: $ticker) { prices(last: 2) { date close } } }\n"): (typeof documents)["\n  query ResponseCacheLastTwo($ticker: String!) { etf(ticker: $ticker) { prices(last: 2) { date close } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheRecordSplit($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n"): (typeof documents)["\n  mutation ResponseCacheRecordSplit($ticker: String!, $date: Date!, $ratio: Float!) {\n    recordSplit(ticker: $ticker, date: $date, ratio: $ratio) { ratio }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCachePerformance($ticker: String!) { etf(ticker: $ticker) { performance { asOf return1D } } }\n"): (typeof documents)["\n  query ResponseCachePerformance($ticker: String!) { etf(ticker: $ticker) { performance { asOf return1D } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheCorrelation($tickers: [String!]!) { correlation(tickers: $tickers, last: 5) { matrix } }\n"): (typeof documents)["\n  query ResponseCacheCorrelation($tickers: [String!]!) { correlation(tickers: $tickers, last: 5) { matrix } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheTickers($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker } }\n"): (typeof documents)["\n  query ResponseCacheTickers($tickers: [String!]!) { etfsByTicker(tickers: $tickers) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n"): (typeof documents)["\n  mutation ResponseCacheUpsertEtf($input: EtfInput!) { upsertEtf(input: $input) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResponseCacheFollow($ticker: String!) { follow(ticker: $ticker) { followedAt } }\n"): (typeof documents)["\n  mutation ResponseCacheFollow($ticker: String!) { follow(ticker: $ticker) { followedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseCacheWatchlist { me { email watchlist { etf { ticker } } } }\n"): (typeof documents)["\n  query ResponseCacheWatchlist { me { email watchlist { etf { ticker } } } }\n"];
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
export function graphql(source: "\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n"): (typeof documents)["\n  mutation UpsertEtf($input: EtfInput!) {\n    upsertEtf(input: $input) { ticker name issuer assetClass expenseRatio inceptionDate currency exchange }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountsSignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n"): (typeof documents)["\n  mutation AccountsSignIn($e: String!, $p: String!) { login(email: $e, password: $p) { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoShape {\n    spy: etf(ticker: \"SPY\") { holdings(first: 1) { totalCount } }\n    vti: etf(ticker: \"VTI\") { holdings(first: 1) { totalCount } }\n    aor: etf(ticker: \"AOR\") {\n      holdings { edges { node { etf { ticker } } } }\n      exposure(by: ASSET_CLASS, lookThrough: true) { key weight }\n    }\n    overlap(tickers: [\"SPY\", \"VOO\", \"QQQ\", \"XLK\", \"AGG\"]) { a { ticker } b { ticker } overlap }\n  }\n"): (typeof documents)["\n  query DemoShape {\n    spy: etf(ticker: \"SPY\") { holdings(first: 1) { totalCount } }\n    vti: etf(ticker: \"VTI\") { holdings(first: 1) { totalCount } }\n    aor: etf(ticker: \"AOR\") {\n      holdings { edges { node { etf { ticker } } } }\n      exposure(by: ASSET_CLASS, lookThrough: true) { key weight }\n    }\n    overlap(tickers: [\"SPY\", \"VOO\", \"QQQ\", \"XLK\", \"AGG\"]) { a { ticker } b { ticker } overlap }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Holdings($ticker: String!, $asOf: Date, $first: Int, $after: String) {\n    etf(ticker: $ticker) {\n      holdingsAsOf(asOf: $asOf)\n      holdings(asOf: $asOf, first: $first, after: $after) {\n        totalCount\n        totalWeight\n        asOf\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { position name ticker cusip isin weight sector country assetClass security { name ticker isin cusip } etf { ticker } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Holdings($ticker: String!, $asOf: Date, $first: Int, $after: String) {\n    etf(ticker: $ticker) {\n      holdingsAsOf(asOf: $asOf)\n      holdings(asOf: $asOf, first: $first, after: $after) {\n        totalCount\n        totalWeight\n        asOf\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { position name ticker cusip isin weight sector country assetClass security { name ticker isin cusip } etf { ticker } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exposure($ticker: String!, $by: ExposureKey!, $lookThrough: Boolean) {\n    etf(ticker: $ticker) { exposure(by: $by, lookThrough: $lookThrough) { key label weight holdings } }\n  }\n"): (typeof documents)["\n  query Exposure($ticker: String!, $by: ExposureKey!, $lookThrough: Boolean) {\n    etf(ticker: $ticker) { exposure(by: $by, lookThrough: $lookThrough) { key label weight holdings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overlap($tickers: [String!]!, $largest: Int) {\n    overlap(tickers: $tickers, largest: $largest) {\n      a { ticker } b { ticker } overlap commonHoldings\n      largest { security { ticker isin } weightA weightB weight }\n    }\n  }\n"): (typeof documents)["\n  query Overlap($tickers: [String!]!, $largest: Int) {\n    overlap(tickers: $tickers, largest: $largest) {\n      a { ticker } b { ticker } overlap commonHoldings\n      largest { security { ticker isin } weightA weightB weight }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Holders($security: String!, $asOf: Date) {\n    holders(security: $security, asOf: $asOf) { etf { ticker } asOf weight security { ticker isin cusip } }\n  }\n"): (typeof documents)["\n  query Holders($security: String!, $asOf: Date) {\n    holders(security: $security, asOf: $asOf) { etf { ticker } asOf weight security { ticker isin cusip } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookThrough($portfolio: [PortfolioWeight!], $by: ExposureKey, $first: Int) {\n    lookThrough(portfolio: $portfolio, by: $by, first: $first) {\n      asOf\n      holdings { security { ticker isin name } weight }\n      exposure { key weight }\n      withoutHoldings { ticker }\n    }\n  }\n"): (typeof documents)["\n  query LookThrough($portfolio: [PortfolioWeight!], $by: ExposureKey, $first: Int) {\n    lookThrough(portfolio: $portfolio, by: $by, first: $first) {\n      asOf\n      holdings { security { ticker isin name } weight }\n      exposure { key weight }\n      withoutHoldings { ticker }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorBatchingWithBeta($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(last: 60) {\n        sma(period: 50) { value }\n        aroon { up down }\n        kst { value signal }\n        volatility(estimator: YANG_ZHANG) { value }\n        beta(benchmark: \"BM\") { alpha beta rSquared }\n        againstItself: beta(benchmark: \"B0\", period: 20) { beta }\n      }\n      weekly: indicators(interval: WEEKLY, last: 10) {\n        beta(benchmark: \"bm\", period: 10) { beta }\n        cti(period: 5) { value }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IndicatorBatchingWithBeta($tickers: [String!]!) {\n    etfsByTicker(tickers: $tickers) {\n      ticker\n      indicators(last: 60) {\n        sma(period: 50) { value }\n        aroon { up down }\n        kst { value signal }\n        volatility(estimator: YANG_ZHANG) { value }\n        beta(benchmark: \"BM\") { alpha beta rSquared }\n        againstItself: beta(benchmark: \"B0\", period: 20) { beta }\n      }\n      weekly: indicators(interval: WEEKLY, last: 10) {\n        beta(benchmark: \"bm\", period: 10) { beta }\n        cti(period: 5) { value }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IndicatorStoredChangeBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2023-05-01\", open: 150, high: 190, low: 140, close: 180, volume: 5000000 }]) {\n      updated\n    }\n  }\n"): (typeof documents)["\n  mutation IndicatorStoredChangeBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2023-05-01\", open: 150, high: 190, low: 140, close: 180, volume: 5000000 }]) {\n      updated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IndicatorStoredAppendBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2025-01-02\", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) {\n      inserted\n    }\n  }\n"): (typeof documents)["\n  mutation IndicatorStoredAppendBar {\n    loadPrices(ticker: \"PER\", bars: [{ date: \"2025-01-02\", open: 100, high: 101, low: 99, close: 100.5, volume: 1000 }]) {\n      inserted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorWindowEmaAlone { etf(ticker: \"WIN\") { indicators(last: 5) { ema(period: 10) { date value } } } }\n"): (typeof documents)["\n  query IndicatorWindowEmaAlone { etf(ticker: \"WIN\") { indicators(last: 5) { ema(period: 10) { date value } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorWindowEmaTogether {\n    etf(ticker: \"WIN\") { indicators(last: 5) { sma(period: 3) { value } ema(period: 10) { date value } macd { macd } } }\n  }\n"): (typeof documents)["\n  query IndicatorWindowEmaTogether {\n    etf(ticker: \"WIN\") { indicators(last: 5) { sma(period: 3) { value } ema(period: 10) { date value } macd { macd } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JobsLoad($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n"): (typeof documents)["\n  mutation JobsLoad($ticker: String!, $bars: [PriceBarInput!]!) { loadPrices(ticker: $ticker, bars: $bars) { inserted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobsChart($ticker: String!) {\n    etf(ticker: $ticker) {\n      storedIndicatorsThrough\n      indicators(last: 300) {\n        sma(period: 50) { date value }\n        ema(period: 12) { value }\n        rsi(period: 14) { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr(period: 14) { value }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JobsChart($ticker: String!) {\n    etf(ticker: $ticker) {\n      storedIndicatorsThrough\n      indicators(last: 300) {\n        sma(period: 50) { date value }\n        ema(period: 12) { value }\n        rsi(period: 14) { value }\n        macd { macd signal histogram }\n        bollinger { upper lower }\n        atr(period: 14) { value }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobsQueue { jobs { etfsCurrent etfsBehind jobs { task ticker state attempts } } }\n"): (typeof documents)["\n  query JobsQueue { jobs { etfsCurrent etfsBehind jobs { task ticker state attempts } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SharedLimitsTypename { __typename }"): (typeof documents)["query SharedLimitsTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharedLimitsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n"): (typeof documents)["\n  mutation SharedLimitsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsUpsertEtfs($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker name } }\n"): (typeof documents)["\n  mutation DataMutationsUpsertEtfs($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsUpsertEtfsFull($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker issuer exchange } }\n"): (typeof documents)["\n  mutation DataMutationsUpsertEtfsFull($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker issuer exchange } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsDeleteEtf($ticker: String!) { deleteEtf(ticker: $ticker) { ticker deletedPrices } }\n"): (typeof documents)["\n  mutation DataMutationsDeleteEtf($ticker: String!) { deleteEtf(ticker: $ticker) { ticker deletedPrices } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsDeleteEtfTicker($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n"): (typeof documents)["\n  mutation DataMutationsDeleteEtfTicker($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsDeleteEtfCount($ticker: String!) { deleteEtf(ticker: $ticker) { deletedPrices } }\n"): (typeof documents)["\n  mutation DataMutationsDeleteEtfCount($ticker: String!) { deleteEtf(ticker: $ticker) { deletedPrices } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DataMutationsDeletePrices($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n"): (typeof documents)["\n  mutation DataMutationsDeletePrices($ticker: String!, $from: Date!, $to: Date!) {\n    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataMutationsServed($ticker: String!) {\n    etf(ticker: $ticker) {\n      prices { date open high low close volume }\n      indicators { sma(period: 20) { date value } rsi { value } }\n    }\n  }\n"): (typeof documents)["\n  query DataMutationsServed($ticker: String!) {\n    etf(ticker: $ticker) {\n      prices { date open high low close volume }\n      indicators { sma(period: 20) { date value } rsi { value } }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation ClusterLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n"): (typeof documents)["\n  mutation ClusterLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClusterMe { me { email } }"): (typeof documents)["query ClusterMe { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClusterTypename { __typename }"): (typeof documents)["query ClusterTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsUpsertEtf { upsertEtf(input: { ticker: \"NEW\", name: \"New\" }) { ticker } }\n"): (typeof documents)["\n  mutation AuthPermissionsUpsertEtf { upsertEtf(input: { ticker: \"NEW\", name: \"New\" }) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsLoadPrices {\n    loadPrices(ticker: \"SPY\", bars: [{ date: \"2024-01-02\", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted }\n  }\n"): (typeof documents)["\n  mutation AuthPermissionsLoadPrices {\n    loadPrices(ticker: \"SPY\", bars: [{ date: \"2024-01-02\", open: 1, high: 1, low: 1, close: 1, volume: 1 }]) { inserted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateUser {\n    createUser(input: { email: \"x@example.com\", name: \"X\", password: \"a-long-enough-password\" }) { id }\n  }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateUser {\n    createUser(input: { email: \"x@example.com\", name: \"X\", password: \"a-long-enough-password\" }) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsSetUserRole($id: Int!) { setUserRole(id: $id, role: ADMIN) { role } }\n"): (typeof documents)["\n  mutation AuthPermissionsSetUserRole($id: Int!) { setUserRole(id: $id, role: ADMIN) { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n"): (typeof documents)["\n  mutation AuthPermissionsDeactivateUser($id: Int!) { deactivateUser(id: $id) { active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n"): (typeof documents)["\n  mutation AuthPermissionsReactivateUser($id: Int!) { reactivateUser(id: $id) { active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateApiKey { createApiKey(name: \"k\", role: ADMIN) { secret } }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateApiKey { createApiKey(name: \"k\", role: ADMIN) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsRevokeApiKey { revokeApiKey(id: 1) { id } }\n"): (typeof documents)["\n  mutation AuthPermissionsRevokeApiKey { revokeApiKey(id: 1) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsUpsertEtfs { upsertEtfs(inputs: [{ ticker: \"NEW\", name: \"New\" }]) { ticker } }\n"): (typeof documents)["\n  mutation AuthPermissionsUpsertEtfs { upsertEtfs(inputs: [{ ticker: \"NEW\", name: \"New\" }]) { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeleteEtf { deleteEtf(ticker: \"SPY\") { ticker } }\n"): (typeof documents)["\n  mutation AuthPermissionsDeleteEtf { deleteEtf(ticker: \"SPY\") { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeletePrices { deletePrices(ticker: \"SPY\", from: \"2024-01-01\", to: \"2024-12-31\") { deleted } }\n"): (typeof documents)["\n  mutation AuthPermissionsDeletePrices { deletePrices(ticker: \"SPY\", from: \"2024-01-01\", to: \"2024-12-31\") { deleted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsRecordSplit { recordSplit(ticker: \"SPY\", date: \"2024-06-03\", ratio: 2) { ratio } }\n"): (typeof documents)["\n  mutation AuthPermissionsRecordSplit { recordSplit(ticker: \"SPY\", date: \"2024-06-03\", ratio: 2) { ratio } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsRecordDividend { recordDividend(ticker: \"SPY\", exDate: \"2024-06-03\", amount: 1) { amount } }\n"): (typeof documents)["\n  mutation AuthPermissionsRecordDividend { recordDividend(ticker: \"SPY\", exDate: \"2024-06-03\", amount: 1) { amount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeleteSplit { deleteSplit(ticker: \"SPY\", date: \"2024-06-03\") }\n"): (typeof documents)["\n  mutation AuthPermissionsDeleteSplit { deleteSplit(ticker: \"SPY\", date: \"2024-06-03\") }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeleteDividend { deleteDividend(ticker: \"SPY\", exDate: \"2024-06-03\") }\n"): (typeof documents)["\n  mutation AuthPermissionsDeleteDividend { deleteDividend(ticker: \"SPY\", exDate: \"2024-06-03\") }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateAlert { createAlert(input: { name: \"a\", when: { metric: CLOSE, gt: 1 } }) { alert { id } } }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateAlert { createAlert(input: { name: \"a\", when: { metric: CLOSE, gt: 1 } }) { alert { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsUpdateAlert { updateAlert(input: { id: \"1\", name: \"b\" }) { alert { id } } }\n"): (typeof documents)["\n  mutation AuthPermissionsUpdateAlert { updateAlert(input: { id: \"1\", name: \"b\" }) { alert { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsDeleteAlert { deleteAlert(id: \"1\") }\n"): (typeof documents)["\n  mutation AuthPermissionsDeleteAlert { deleteAlert(id: \"1\") }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsFollow { follow(ticker: \"SPY\") { followedAt } }\n"): (typeof documents)["\n  mutation AuthPermissionsFollow { follow(ticker: \"SPY\") { followedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsUnfollow { unfollow(ticker: \"SPY\") }\n"): (typeof documents)["\n  mutation AuthPermissionsUnfollow { unfollow(ticker: \"SPY\") }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateNightlyKey {\n    createApiKey(name: \"nightly loader\", role: EDITOR) { secret apiKey { id name prefix role lastUsedAt } }\n  }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateNightlyKey {\n    createApiKey(name: \"nightly loader\", role: EDITOR) { secret apiKey { id name prefix role lastUsedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsLoadNoBars { loadPrices(ticker: \"SPY\", bars: []) { inserted } }\n"): (typeof documents)["\n  mutation AuthPermissionsLoadNoBars { loadPrices(ticker: \"SPY\", bars: []) { inserted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsRevokeKey($id: Int!) { revokeApiKey(id: $id) { revokedAt } }\n"): (typeof documents)["\n  mutation AuthPermissionsRevokeKey($id: Int!) { revokeApiKey(id: $id) { revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateTwiceKey { createApiKey(name: \"twice\", role: VIEWER) { apiKey { id } } }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateTwiceKey { createApiKey(name: \"twice\", role: VIEWER) { apiKey { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateExpiringKey($e: DateTime) { createApiKey(name: \"k\", role: VIEWER, expiresAt: $e) { secret } }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateExpiringKey($e: DateTime) { createApiKey(name: \"k\", role: VIEWER, expiresAt: $e) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsThreeMutations {\n    first: createApiKey(name: \"first of three\", role: VIEWER) { secret }\n    broken: createApiKey(name: \"broken\", role: VIEWER, expiresAt: \"2001-01-01T00:00:00Z\") { secret }\n    last: createApiKey(name: \"last of three\", role: VIEWER) { secret }\n  }\n"): (typeof documents)["\n  mutation AuthPermissionsThreeMutations {\n    first: createApiKey(name: \"first of three\", role: VIEWER) { secret }\n    broken: createApiKey(name: \"broken\", role: VIEWER, expiresAt: \"2001-01-01T00:00:00Z\") { secret }\n    last: createApiKey(name: \"last of three\", role: VIEWER) { secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsTwoMutationsInFragments {\n    ...AuthPermissionsMutationA\n    ... on Mutation { b: createApiKey(name: \"b\", role: VIEWER) { secret } }\n  }\n  fragment AuthPermissionsMutationA on Mutation { a: createApiKey(name: \"a\", role: VIEWER) { secret } __typename }\n"): (typeof documents)["\n  mutation AuthPermissionsTwoMutationsInFragments {\n    ...AuthPermissionsMutationA\n    ... on Mutation { b: createApiKey(name: \"b\", role: VIEWER) { secret } }\n  }\n  fragment AuthPermissionsMutationA on Mutation { a: createApiKey(name: \"a\", role: VIEWER) { secret } __typename }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsOneMutation { __typename createApiKey(name: \"alone\", role: VIEWER) { secret } }\n"): (typeof documents)["\n  mutation AuthPermissionsOneMutation { __typename createApiKey(name: \"alone\", role: VIEWER) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsLogin($p: String!) { login(email: \"viewer@example.com\", password: $p) { token } }\n"): (typeof documents)["\n  mutation AuthPermissionsLogin($p: String!) { login(email: \"viewer@example.com\", password: $p) { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsLoginLiteral { login(email: \"viewer@example.com\", password: \"wrong-but-secret-words\") { token } }\n"): (typeof documents)["\n  mutation AuthPermissionsLoginLiteral { login(email: \"viewer@example.com\", password: \"wrong-but-secret-words\") { token } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsCreateLogKey { createApiKey(name: \"x\", role: VIEWER) { secret } }\n"): (typeof documents)["\n  mutation AuthPermissionsCreateLogKey { createApiKey(name: \"x\", role: VIEWER) { secret } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthPermissionsEtf { etf(ticker: \"SPY\") { ticker } }\n"): (typeof documents)["\n  query AuthPermissionsEtf { etf(ticker: \"SPY\") { ticker } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthPermissionsUpsertEmptyEtf { upsertEtf(input: { ticker: \"\", name: \"\" }) { id } }\n"): (typeof documents)["\n  mutation AuthPermissionsUpsertEmptyEtf { upsertEtf(input: { ticker: \"\", name: \"\" }) { id } }\n"];
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
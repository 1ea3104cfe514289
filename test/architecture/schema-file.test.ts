// schema.graphql is committed so that API changes show in review; it must match
// what Pothos builds. On failure, run `npm run codegen` and commit the result.
import { readFile } from 'node:fs/promises';
import { astFromValue, buildSchema, lexicographicSortSchema, print, printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

it('committed schema.graphql matches the schema the server builds', async () => {
  const committed = buildSchema(await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  expect(printSchema(lexicographicSortSchema(committed))).toBe(printSchema(lexicographicSortSchema(schema)));
});

it('keeps the fixed contract of the foundation issue', () => {
  const printed = printSchema(schema);
  for (const line of [
    'etf(ticker: String!): Etf',
    'etfsByTicker(tickers: [String!]!): [Etf]!',
    'node(id: ID!): Node',
    'prices(from: Date, to: Date, last: Int, interval: Interval = DAILY, adjusted: Boolean = false): [PriceBar!]!',
    'recordSplit(ticker: String!, date: Date!, ratio: Float!): Split!',
    'recordDividend(ticker: String!, exDate: Date!, amount: Float!): Dividend!',
    'latestPrice: PriceBar',
    'upsertEtf(input: EtfInput!): Etf!',
    'loadPrices(ticker: String!, bars: [PriceBarInput!]!): LoadPricesPayload!',
  ]) {
    expect(printed).toContain(line);
  }
  const etfs = schema.getQueryType()?.getFields().etfs;
  expect(String(etfs?.type)).toBe('EtfConnection!');
  const args = Object.fromEntries((etfs?.args ?? []).map((arg) => [arg.name, String(arg.type)]));
  expect(args).toMatchObject({ first: 'Int', after: 'String', search: 'String', assetClass: 'AssetClass' });
});

it('keeps the contract of the analytics issue', () => {
  // Signatures without descriptions: name(arg: Type = default, …): Type.
  const signature = (typeName: string, fieldName: string) => {
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    if (!field) return `${typeName}.${fieldName} is missing`;
    const args = ('args' in field ? field.args : []).map((arg) => {
      const fallback = arg.defaultValue === undefined ? undefined : astFromValue(arg.defaultValue, arg.type);
      return `${arg.name}: ${arg.type}${fallback ? ` = ${print(fallback)}` : ''}`;
    });
    return `${fieldName}${args.length > 0 ? `(${args.join(', ')})` : ''}: ${field.type}`;
  };
  expect(signature('Etf', 'performance')).toBe('performance(asOf: Date, adjusted: Boolean = true): Performance');
  expect(signature('Query', 'correlation')).toBe(
    'correlation(tickers: [String!]!, from: Date, to: Date, last: Int, interval: Interval = DAILY, adjusted: Boolean = true): CorrelationMatrix!',
  );
  expect(signature('Query', 'screen')).toBe(
    'screen(where: ScreenFilter!, orderBy: [ScreenOrder!], first: Int = 20, after: String, asOf: Date, adjusted: Boolean = false): ScreenConnection!',
  );
  expect(signature('Performance', 'sharpe1Y')).toBe('sharpe1Y(riskFreeRate: Float = 0): Float');
  expect(signature('Performance', 'asOf')).toBe('asOf: Date!');
  for (const name of [
    'return1D',
    'return1W',
    'return1M',
    'return3M',
    'return6M',
    'returnYTD',
    'return1Y',
    'return3Y',
    'return5Y',
    'volatility1Y',
    'maxDrawdown1Y',
    'high52W',
    'low52W',
  ]) {
    expect(signature('Performance', name)).toBe(`${name}: Float`);
  }
  expect(
    ['tickers', 'observations', 'matrix', 'from', 'to'].map((name) => signature('CorrelationMatrix', name)),
  ).toEqual(['tickers: [String!]!', 'observations: Int!', 'matrix: [[Float]!]!', 'from: Date', 'to: Date']);
});

// schema.graphql is committed so that API changes show in review; it must match
// what Pothos builds. On failure, run `npm run codegen` and commit the result.
import { readFile } from 'node:fs/promises';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

it('committed schema.graphql matches the schema the server builds', async () => {
  const committed = buildSchema(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8'));
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

// What an ETF holds: Etf.holdings (a Relay page of the snapshot on or before
// a date, largest weight first) and Etf.holdingsAsOf, with the Holding and
// Security types the other holdings features share.
import { builder } from '../builder.js';
import { toIsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { HoldingAssetClass as HoldingAssetClassValues, Payoff as PayoffValues } from '../generated/prisma/enums.js';
import { holdingCursor, positionAfter } from '../holdings/holdings-cursor.js';
import type { HoldingRow, SecurityRow } from '../holdings/read-holdings.js';
import { Etf } from './etf.js';

export const MAX_HOLDINGS_PAGE = 500;
const DEFAULT_HOLDINGS_PAGE = 50;

export const HoldingAssetClass = builder.enumType(HoldingAssetClassValues, {
  name: 'HoldingAssetClass',
  description:
    "The broad class of a position, from N-PORT's asset category or the issuer's asset class; the source's own words are in `assetCategory`.",
});

const Payoff = builder.enumType(PayoffValues, { name: 'Payoff', description: 'Long or short, where the source says.' });

/** What Security resolves from: a security row, or the identifying part of a holding. */
export type SecurityShape = Pick<SecurityRow, 'name' | 'ticker' | 'cusip' | 'isin' | 'etfId'>;

export const Security = builder.objectRef<SecurityShape>('Security').implement({
  description:
    'A security as holdings files name it, linked across files by any identifier they share (a position known only by ticker in one file and by ticker, ISIN and CUSIP in another is one security).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name the first file that named it gave.' }),
    ticker: t.exposeString('ticker', { nullable: true }),
    cusip: t.exposeString('cusip', { nullable: true }),
    isin: t.exposeString('isin', { nullable: true }),
    etf: t.field({
      type: Etf,
      nullable: true,
      description: "The ETF of this database it is, when it is one (its ticker is the ETF's).",
      cacheScope: 'public',
      resolve: (security, _args, ctx) => (security.etfId ? ctx.loaders.holdings.etfs.load(security.etfId) : null),
    }),
  }),
});

export const Holding = builder.objectRef<HoldingRow>('Holding').implement({
  description:
    'One position of a holdings snapshot, as its file stated it. Weights are percent of net assets: 6.5 means 6.5 %.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Its rank by weight in the snapshot: 1 is the largest.' }),
    name: t.exposeString('name', { description: 'The name this file gave it.' }),
    ticker: t.exposeString('ticker', { nullable: true }),
    cusip: t.exposeString('cusip', { nullable: true }),
    isin: t.exposeString('isin', { nullable: true }),
    security: t.field({
      type: Security,
      cacheScope: 'parent',
      resolve: (holding) => ({ ...holding, name: holding.securityName }),
    }),
    assetClass: t.field({ type: HoldingAssetClass, cacheScope: 'parent', resolve: (holding) => holding.assetClass }),
    assetCategory: t.exposeString('assetCategory', {
      nullable: true,
      description: "As the source writes it: N-PORT's assetCat code (EC, DBT, RF…) or the issuer's words.",
    }),
    sector: t.exposeString('sector', { nullable: true, description: "The issuer's sector; N-PORT has none." }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2.' }),
    currency: t.exposeString('currency', { nullable: true, description: 'ISO 4217.' }),
    shares: t.exposeFloat('shares', {
      nullable: true,
      description: 'Shares, principal or contracts held (see units); negative when short.',
    }),
    units: t.exposeString('units', {
      nullable: true,
      description: "N-PORT's units: NS shares, PA principal amount, NC contracts, OU other.",
    }),
    marketValue: t.exposeFloat('marketValue', {
      nullable: true,
      description: "In US dollars for N-PORT filings; in the file's currency for issuers' files.",
    }),
    weight: t.exposeFloat('weight', { description: 'Percent of net assets.' }),
    payoff: t.field({ type: Payoff, nullable: true, cacheScope: 'parent', resolve: (holding) => holding.payoff }),
    etf: t.field({
      type: Etf,
      nullable: true,
      description: 'The ETF of this database this position is, when it is one: what look-through sees into.',
      cacheScope: 'public',
      resolve: (holding, _args, ctx) => (holding.etfId ? ctx.loaders.holdings.etfs.load(holding.etfId) : null),
    }),
  }),
});

type HoldingEdgeShape = { cursor: string; node: HoldingRow };
type HoldingPage = {
  edges: HoldingEdgeShape[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  totalWeight: number;
  asOf: string | null;
};

const HoldingEdge = builder.objectRef<HoldingEdgeShape>('HoldingEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Holding, cacheScope: 'parent', resolve: (edge) => edge.node }),
  }),
});

const HoldingConnection = builder.objectRef<HoldingPage>('HoldingConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [HoldingEdge], cacheScope: 'parent', resolve: (page) => page.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), cacheScope: 'parent', resolve: (page) => page.pageInfo }),
    totalCount: t.exposeInt('totalCount', { description: 'Positions in the snapshot.' }),
    totalWeight: t.exposeFloat('totalWeight', { description: 'The sum of their weights, in percent (about 100).' }),
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The date of the snapshot; null when the ETF has none on or before the date asked.',
      cacheScope: 'parent',
      resolve: (page) => page.asOf,
    }),
  }),
});

const EMPTY_PAGE: HoldingPage = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
  totalWeight: 0,
  asOf: null,
};

builder.prismaObjectFields('Etf', (t) => ({
  holdings: t.field({
    type: HoldingConnection,
    description: `What the ETF held as of its last holdings snapshot on or before \`asOf\` (default: the latest), largest weight first: a Relay page of at most ${MAX_HOLDINGS_PAGE} positions. Empty, with asOf null, when it has none.`,
    args: {
      asOf: t.arg({ type: 'Date' }),
      first: t.arg.int({ defaultValue: DEFAULT_HOLDINGS_PAGE, description: `1 to ${MAX_HOLDINGS_PAGE}.` }),
      after: t.arg.string({ description: "An edge's cursor: the page starts after it." }),
    },
    // A position read costs what a bar read does.
    complexity: (args) => ({ field: args.first ?? DEFAULT_HOLDINGS_PAGE, multiplier: 0 }),
    cacheScope: 'public',
    resolve: async (etf, args, ctx) => {
      const first = args.first ?? DEFAULT_HOLDINGS_PAGE;
      if (!Number.isInteger(first) || first < 1 || first > MAX_HOLDINGS_PAGE) {
        throw badInput([{ path: 'first', message: `must be from 1 to ${MAX_HOLDINGS_PAGE}, got ${first}` }]);
      }
      const loaders = ctx.loaders.holdings;
      const snapshot = await loaders.snapshots(args.asOf ? toIsoDate(args.asOf) : null).load(etf.id);
      if (!snapshot) return EMPTY_PAGE;
      const after = positionAfter(args.after, snapshot.id);
      const rows = await loaders.pages(after, first + 1).load(snapshot.id);
      const edges = rows.slice(0, first).map((node) => ({ cursor: holdingCursor(snapshot.id, node.position), node }));
      ctx.budget.take(edges.length * 16);
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: after > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: snapshot.positionCount,
        totalWeight: snapshot.totalWeight,
        asOf: snapshot.asOf,
      };
    },
  }),
  holdingsAsOf: t.field({
    type: 'Date',
    nullable: true,
    description: 'The date of its holdings snapshot on or before `asOf` (default: the latest); null when it has none.',
    args: { asOf: t.arg({ type: 'Date' }) },
    cacheScope: 'public',
    resolve: async (etf, args, ctx) =>
      (await ctx.loaders.holdings.snapshots(args.asOf ? toIsoDate(args.asOf) : null).load(etf.id))?.asOf ?? null,
  }),
}));

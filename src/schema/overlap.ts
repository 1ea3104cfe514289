// Query.overlap: how much each pair of the given ETFs holds in common
// (src/holdings/overlap.ts), from each one's snapshot on or before a date.
import { builder } from '../builder.js';
import { toIsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { parseTickerList } from '../etfs/ticker-list.js';
import type { Etf as EtfRow } from '../generated/prisma/client.js';
import { type CommonHolding as CommonHoldingShape, overlaps, type PairOverlap } from '../holdings/overlap.js';
import type { Snapshot } from '../holdings/read-holdings.js';
import { computeCost } from '../limits/query-cost.js';
import { Etf } from './etf.js';
import { Security } from './holdings.js';

const MAX_LARGEST = 50;

type OverlapShape = PairOverlap & {
  etfA: EtfRow;
  etfB: EtfRow;
  asOfA: string | null;
  asOfB: string | null;
  known: boolean;
};

const CommonHolding = builder.objectRef<CommonHoldingShape>('CommonHolding').implement({
  description: 'A security both ETFs of a pair hold, with its weight in each (percent).',
  fields: (t) => ({
    security: t.field({
      type: Security,
      cacheScope: 'public',
      resolve: async (common, _args, ctx) => {
        const security = await ctx.loaders.holdings.securities.load(common.securityId);
        if (!security) throw new Error(`security ${common.securityId} vanished`);
        return security;
      },
    }),
    weightA: t.exposeFloat('weightA'),
    weightB: t.exposeFloat('weightB'),
    weight: t.float({
      description: 'The smaller of the two: what it adds to the overlap.',
      cacheScope: 'parent',
      resolve: (common) => Math.min(common.weightA, common.weightB),
    }),
  }),
});

const HoldingsOverlap = builder.objectRef<OverlapShape>('HoldingsOverlap').implement({
  description:
    'What two ETFs hold in common. overlap = Σ over the securities both hold of the smaller weight, in percent: 100 for two funds with the same holdings at the same weights.',
  fields: (t) => ({
    a: t.field({ type: Etf, cacheScope: 'parent', resolve: (pair) => pair.etfA }),
    b: t.field({ type: Etf, cacheScope: 'parent', resolve: (pair) => pair.etfB }),
    asOfA: t.field({ type: 'Date', nullable: true, cacheScope: 'parent', resolve: (pair) => pair.asOfA }),
    asOfB: t.field({ type: 'Date', nullable: true, cacheScope: 'parent', resolve: (pair) => pair.asOfB }),
    overlap: t.float({
      nullable: true,
      description: 'Percent; null when either has no holdings on or before the date.',
      cacheScope: 'parent',
      resolve: (pair) => (pair.known ? pair.overlap : null),
    }),
    commonHoldings: t.int({
      nullable: true,
      description: 'Securities both hold; null when either has no holdings.',
      cacheScope: 'parent',
      resolve: (pair) => (pair.known ? pair.commonHoldings : null),
    }),
    largest: t.field({
      type: [CommonHolding],
      description: 'The common securities with the largest smaller weight, largest first (as many as `largest` asked).',
      cacheScope: 'parent',
      resolve: (pair) => pair.largest,
    }),
  }),
});

builder.queryFields((t) => ({
  overlap: t.field({
    type: [HoldingsOverlap],
    authScopes: { reader: true },
    description:
      "For each pair of the given ETFs (in the order given), what they hold in common, from each one's holdings snapshot on or before `asOf` (default: the latest).",
    args: {
      tickers: t.arg.stringList({ required: true, description: 'Two or more distinct tickers (case-insensitive).' }),
      asOf: t.arg({ type: 'Date' }),
      largest: t.arg.int({
        defaultValue: 10,
        description: `The common holdings listed per pair: 0 to ${MAX_LARGEST}.`,
      }),
    },
    cacheScope: 'public',
    extensions: computeCost(
      (args: { tickers: readonly string[] }, extent) => args.tickers.length * extent.largestSnapshot,
    ),
    resolve: async (_root, args, ctx) => {
      const tickers = parseTickerList(args.tickers, { max: ctx.config.limits.maxTickers, min: 2, distinct: true });
      const largest = args.largest ?? 10;
      if (!Number.isInteger(largest) || largest < 0 || largest > MAX_LARGEST) {
        throw badInput([{ path: 'largest', message: `must be from 0 to ${MAX_LARGEST}, got ${largest}` }]);
      }
      const found = new Map((await findEtfsByTicker(ctx.db.pool, tickers)).map((etf) => [etf.ticker, etf]));
      const unknown = tickers.flatMap((ticker, i) =>
        found.has(ticker) ? [] : [{ path: `tickers[${i}]`, message: `no ETF has the ticker ${ticker}` }],
      );
      if (unknown.length > 0) throw badInput(unknown);
      const etfs = tickers.map((ticker) => found.get(ticker) as EtfRow);
      ctx.noteEtfsRead(etfs.map((etf) => etf.id));
      const loaders = ctx.loaders.holdings;
      const loaded = await loaders
        .snapshots(args.asOf ? toIsoDate(args.asOf) : null)
        .loadMany(etfs.map((etf) => etf.id));
      const snapshots = loaded.map((snapshot) => {
        if (snapshot instanceof Error) throw snapshot;
        return snapshot;
      });
      const present = snapshots.filter((snapshot): snapshot is Snapshot => snapshot !== null);
      const columns = await loaders.columns(null).loadMany(present.map((snapshot) => snapshot.id));
      const byId = new Map(present.map((snapshot, i) => [snapshot.id, columns[i]]));
      const funds = snapshots.map((snapshot) => {
        const fund = snapshot ? byId.get(snapshot.id) : undefined;
        if (fund instanceof Error) throw fund;
        return fund ?? null;
      });
      const pairs = overlaps(funds, largest);
      ctx.budget.take(pairs.length * (4 + largest * 4));
      return pairs.map((pair) => ({
        ...pair,
        etfA: etfs[pair.a] as EtfRow,
        etfB: etfs[pair.b] as EtfRow,
        asOfA: snapshots[pair.a]?.asOf ?? null,
        asOfB: snapshots[pair.b]?.asOf ?? null,
        known: funds[pair.a] !== null && funds[pair.b] !== null,
      }));
    },
  }),
}));

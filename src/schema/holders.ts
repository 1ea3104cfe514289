// Query.holders: the reverse lookup, which ETFs hold a security named by
// ticker, ISIN or CUSIP, with its weight in each.
import { builder } from '../builder.js';
import { toIsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { type HolderRow, readHolders } from '../holdings/read-holdings.js';
import { computeCost } from '../limits/query-cost.js';
import { Etf } from './etf.js';
import { Security } from './holdings.js';

const MAX_HOLDERS = 1000;
const DEFAULT_HOLDERS = 100;

/** Holders' answers depend on every ETF's holdings: the response cache evicts them on any snapshot (see the migration's notices). */
export const ANY_HOLDINGS = 0;

const Holder = builder.objectRef<HolderRow>('Holder').implement({
  description: 'An ETF holding the security, as of its holdings snapshot.',
  fields: (t) => ({
    etf: t.field({
      type: Etf,
      cacheScope: 'public',
      resolve: async (holder, _args, ctx) => {
        const etf = await ctx.loaders.holdings.etfs.load(holder.etfId);
        if (!etf) throw new Error(`ETF ${holder.etfId} vanished`);
        return etf;
      },
    }),
    asOf: t.field({ type: 'Date', cacheScope: 'parent', resolve: (holder) => holder.asOf }),
    security: t.field({
      type: Security,
      description: 'The security held (an identifier may name several: a ticker reused across markets).',
      cacheScope: 'public',
      resolve: async (holder, _args, ctx) => {
        const security = await ctx.loaders.holdings.securities.load(holder.securityId);
        if (!security) throw new Error(`security ${holder.securityId} vanished`);
        return security;
      },
    }),
    weight: t.exposeFloat('weight', { description: 'Percent of the ETF’s net assets.' }),
    marketValue: t.exposeFloat('marketValue', { nullable: true }),
    shares: t.exposeFloat('shares', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  holders: t.field({
    type: [Holder],
    authScopes: { reader: true },
    description: `The ETFs whose holdings snapshot on or before \`asOf\` (default: each one's latest) holds the security named by \`security\`: a ticker, an ISIN or a CUSIP, whichever files named it by (they are linked into one security). Largest weight first, at most \`first\` (1 to ${MAX_HOLDERS}).`,
    args: {
      security: t.arg.string({ required: true, description: 'A ticker, ISIN or CUSIP (case-insensitive).' }),
      asOf: t.arg({ type: 'Date' }),
      first: t.arg.int({ defaultValue: DEFAULT_HOLDERS }),
    },
    cacheScope: 'public',
    extensions: computeCost((_args, extent) => extent.etfs),
    resolve: async (_root, args, ctx) => {
      const identifier = args.security.trim().toUpperCase();
      const problems = [];
      if (identifier === '' || identifier.length > 32 || !/^[A-Z0-9][A-Z0-9./ *@#-]*$/.test(identifier)) {
        problems.push({
          path: 'security',
          message: 'must be a ticker, ISIN or CUSIP: 1 to 32 letters, digits and . / - * @ #',
        });
      }
      const first = args.first ?? DEFAULT_HOLDERS;
      if (!Number.isInteger(first) || first < 1 || first > MAX_HOLDERS) {
        problems.push({ path: 'first', message: `must be from 1 to ${MAX_HOLDERS}, got ${first}` });
      }
      if (problems.length > 0) throw badInput(problems);
      const holders = await readHolders(ctx.db.pool, identifier, args.asOf ? toIsoDate(args.asOf) : null, first);
      ctx.noteEtfsRead([ANY_HOLDINGS, ...holders.map((holder) => holder.etfId)]);
      ctx.budget.take(holders.length * 6);
      return holders;
    },
  }),
}));

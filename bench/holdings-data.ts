// The holdings data set, in a database of its own, shaped like real ETFs':
// - a universe of 12,000 securities with valid identifiers (syntheticPositions:
//   US equities by CUSIP and ISIN with a ticker, foreign ones by ISIN, bonds,
//   one money market fund as cash), of which the first 4,000 US equities are
//   the large and mid caps;
// - 20 large equity index funds of 3,000 positions each (2,999 stocks and the
//   cash sweep) drawn from those 4,000, so they overlap heavily: all hold the
//   2,000 largest, each its own 999 of the next 2,000; 16 weighted by market
//   value, 4 nearly equally;
// - 470 other funds of 50 to 800 positions: large/mid cap selections, small
//   caps, international, bonds and mixed ones; 235 of them hold the chosen
//   security (universe index 0), as do the 20 large ones and one fund of
//   funds directly;
// - 10 funds of funds, each holding 5 to 8 of the others (by ticker, CUSIP
//   and ISIN, as an N-PORT filing names a fund) and a few securities directly:
//   one level of nesting.
// Every snapshot is written through writeSnapshot, the importer's own path
// (staging, linking by identifier, ranking): about 30 s for the 500 on two
// cores, inside the minute we allow, so no set-based shortcut is needed.

import { createDatabase } from '../src/db/database.js';
import { withTransaction } from '../src/db/transaction.js';
import { assetClassFromWords } from '../src/holdings/asset-class.js';
import type { Position } from '../src/holdings/position.js';
import { writeSnapshot } from '../src/holdings/write-snapshot.js';
import { cusipCheck, type HoldingSpec, isinCheck, syntheticPositions } from './holdings-files.js';
import {
  CHOSEN_ISIN,
  FUND_OF_FUNDS_FIRST,
  HOLDINGS_ETFS,
  holdingsTicker,
  LARGE_ETFS,
  LARGE_POSITIONS,
  SNAPSHOT_DATE,
} from './holdings-workload.js';
import { createEtfs, freshDatabase } from './loading.js';

const UNIVERSE = 12_000;
const POOL = 4_000;
/** syntheticPositions makes its last position the money market fund. */
const CASH = UNIVERSE - 1;
const NET_ASSETS = 5e9;

/** mulberry32: the same data on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type HoldingsShape = {
  etfs: number;
  positions: number;
  securities: number;
  holdersOfChosen: number;
  setupSeconds: number;
  /** The spec of the large fund H000's positions: what the import benchmark files again for an earlier quarter. */
  importSpecs: HoldingSpec[];
};

/** A fund's positions: `held` universe indexes with raw weights, scaled to 100 % with the cash sweep. */
function fundPositions(
  universe: readonly HoldingSpec[],
  held: readonly number[],
  raw: readonly number[],
  cash: number,
): HoldingSpec[] {
  const total = raw.reduce((sum, value) => sum + value, 0);
  const specs = held.map((index, i) => {
    const weight = Number((((raw[i] as number) / total) * (100 - cash)).toFixed(6));
    const spec = universe[index] as HoldingSpec;
    return { ...spec, weight, marketValue: Math.round(weight * NET_ASSETS) / 100 };
  });
  if (cash > 0) {
    specs.push({ ...(universe[CASH] as HoldingSpec), weight: cash, marketValue: (cash * NET_ASSETS) / 100 });
  }
  return specs;
}

/** A spec as an issuer's CSV with identifiers states it (sectors included, as N-PORT's are not). */
const toPosition = (spec: HoldingSpec, line: number): Position => ({
  line,
  name: spec.name,
  ticker: spec.ticker,
  cusip: spec.cusip,
  isin: spec.isin,
  assetCategory: spec.assetClass,
  assetClass: assetClassFromWords(spec.assetClass),
  sector: spec.sector,
  country: spec.country,
  currency: spec.currency,
  shares: spec.shares,
  units: null,
  marketValue: spec.marketValue,
  weight: spec.weight,
  payoff: 'LONG',
});

/** The position an ETF of the database is in a fund of funds: by ticker, CUSIP and ISIN. */
function fundSpec(etfIndex: number, weight: number): HoldingSpec {
  const body = `ZF${String(etfIndex).padStart(4, '0')}10`;
  const cusip = body + cusipCheck(body);
  const ticker = holdingsTicker(etfIndex);
  return {
    name: `${ticker} Bench Fund`,
    ticker,
    cusip,
    isin: `US${cusip}${isinCheck(`US${cusip}`)}`,
    assetCat: 'RF',
    assetClass: 'Fund',
    sector: null,
    country: 'US',
    currency: 'USD',
    shares: 10_000 + etfIndex,
    units: 'NS',
    marketValue: Math.round(weight * NET_ASSETS) / 100,
    weight,
    payoff: 'Long',
  };
}

/** Every fund's positions, by ETF index. */
function portfolios(): HoldingSpec[][] {
  const universe = syntheticPositions(UNIVERSE, 7);
  const usEquities: number[] = [];
  const foreign: number[] = [];
  const bonds: number[] = [];
  for (let i = 0; i < UNIVERSE; i++) {
    if (i === CASH) continue;
    if (i % 7 === 3) foreign.push(i);
    else if (i % 5 === 4) bonds.push(i);
    else usEquities.push(i);
  }
  const pool = usEquities.slice(0, POOL);
  const smallCaps = usEquities.slice(POOL);
  const capOf = (rank: number) => (rank + 8) ** -1.25;
  const specs: HoldingSpec[][] = [];

  for (let f = 0; f < LARGE_ETFS; f++) {
    const next = random(1000 + f);
    const ranks = Array.from({ length: 2000 }, (_, r) => r);
    const rest = Array.from({ length: 2000 }, (_, r) => 2000 + r).sort(() => next() - 0.5);
    ranks.push(...rest.slice(0, LARGE_POSITIONS - 1 - 2000).sort((a, b) => a - b));
    const equal = f >= 16;
    const raw = ranks.map((rank) => (equal ? 1 : capOf(rank)) * (0.85 + 0.3 * next()));
    specs.push(
      fundPositions(
        universe,
        ranks.map((rank) => pool[rank] as number),
        raw,
        0.4,
      ),
    );
  }

  for (let j = 0; j < FUND_OF_FUNDS_FIRST - LARGE_ETFS; j++) {
    const next = random(5000 + j);
    const size = 50 + Math.floor(next() * 751);
    const theme = j % 10;
    // 0-3 large/mid cap selections (sector, factor, dividend), 4-5 small caps,
    // 6 international, 7-8 bonds, 9 mixed.
    const candidates =
      theme <= 3
        ? pool
        : theme <= 5
          ? smallCaps
          : theme === 6
            ? foreign
            : theme <= 8
              ? bonds
              : [...pool.slice(0, 1500), ...foreign, ...bonds.slice(0, 800)];
    const chosen = new Set<number>();
    const holdsChosen = theme <= 3 || theme === 9;
    if (holdsChosen) chosen.add(0);
    // Biased towards the start of the list (the larger issuers), as real selections are.
    while (chosen.size < Math.min(size, candidates.length)) {
      chosen.add(candidates[Math.floor(candidates.length * next() ** 1.6)] as number);
    }
    const held = [...chosen].sort((a, b) => a - b);
    const raw = held.map((index) => capOf(index / 3) * (0.5 + next()));
    specs.push(fundPositions(universe, held, raw, theme >= 7 ? 0 : 0.5));
  }

  for (let m = 0; m < HOLDINGS_ETFS - FUND_OF_FUNDS_FIRST; m++) {
    const next = random(9000 + m);
    const funds = 5 + (m % 4);
    // One or two large index funds, the rest bond, international and mixed funds.
    const etfIndexes = new Set<number>([m % LARGE_ETFS]);
    if (m % 2 === 0) etfIndexes.add((m + 7) % LARGE_ETFS);
    while (etfIndexes.size < funds) {
      const j = Math.floor(next() * (FUND_OF_FUNDS_FIRST - LARGE_ETFS));
      if (j % 10 >= 6) etfIndexes.add(LARGE_ETFS + j);
    }
    const direct = [pool[m * 3] as number, bonds[m] as number, foreign[m] as number];
    const raw = [...etfIndexes].map(() => 0.5 + next());
    const total = raw.reduce((sum, value) => sum + value, 0);
    const fundsWeight = 94;
    const positions = [...etfIndexes].map((etfIndex, i) =>
      fundSpec(etfIndex, Number((((raw[i] as number) / total) * fundsWeight).toFixed(6))),
    );
    // The rest, 6 %, held directly: three securities and cash.
    for (const spec of fundPositions(universe, direct, [2, 1.5, 1], 1)) {
      const weight = Number((spec.weight * 0.06).toFixed(6));
      positions.push({ ...spec, weight, marketValue: Math.round(weight * NET_ASSETS) / 100 });
    }
    specs.push(positions);
  }
  return specs;
}

/** Creates and fills the database; returns its URL and what it holds. */
export async function createHoldingsDatabase(adminUrl: string): Promise<{ url: string; shape: HoldingsShape }> {
  const started = performance.now();
  const url = await freshDatabase(adminUrl, 'bench_holdings');
  const tickers = Array.from({ length: HOLDINGS_ETFS }, (_, i) => holdingsTicker(i));
  await createEtfs(url, tickers);
  const specs = portfolios();
  const holdersOfChosen = specs.filter((fund) => fund.some((spec) => spec.isin === CHOSEN_ISIN)).length;
  const db = createDatabase(url, { poolSize: 2 });
  try {
    const { rows } = await db.pool.query<{ id: number; ticker: string }>('SELECT id, ticker FROM etf');
    const ids = new Map(rows.map((row) => [row.ticker, row.id]));
    let positions = 0;
    for (const [i, fund] of specs.entries()) {
      const ticker = holdingsTicker(i);
      positions += fund.length;
      await withTransaction(db.pool, (client) =>
        writeSnapshot(client, {
          etfId: ids.get(ticker) as number,
          ticker,
          asOf: SNAPSHOT_DATE,
          source: 'ISSUER_CSV',
          fileName: `${ticker}_holdings.csv`,
          netAssets: NET_ASSETS,
          positions: fund.map(toPosition),
        }),
      );
    }
    await db.pool.query('VACUUM ANALYZE');
    const securities = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM security');
    return {
      url,
      shape: {
        etfs: HOLDINGS_ETFS,
        positions,
        securities: securities.rows[0]?.n ?? 0,
        holdersOfChosen,
        setupSeconds: (performance.now() - started) / 1000,
        importSpecs: specs[0] as HoldingSpec[],
      },
    };
  } finally {
    await db.close();
  }
}

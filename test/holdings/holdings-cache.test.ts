// Holdings answers are public and cached, and a committed snapshot evicts
// them: the ETF's own holdings and exposure, an overlap that reads it, and
// every `holders` answer (a new snapshot may add a holder that was never
// read). The holdingsUpdated subscription hears the same commit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/transaction.js';
import type { Position } from '../../src/holdings/position.js';
import { writeSnapshot } from '../../src/holdings/write-snapshot.js';
import { createEtf, waitUntil } from '../helpers/fixtures.js';
import { executeText } from '../helpers/graphql-client.js';
import { subscribe } from '../helpers/subscriptions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
const ids = new Map<string, number>();

const equity = (name: string, isin: string, weight: number, line: number): Position => ({
  line,
  name,
  ticker: null,
  cusip: isin.slice(2, 11),
  isin,
  assetCategory: 'EC',
  assetClass: 'EQUITY',
  sector: 'Information Technology',
  country: 'US',
  currency: 'USD',
  shares: null,
  units: 'NS',
  marketValue: null,
  weight,
  payoff: 'LONG',
});
const APPLE = 'US0378331005';
const MICROSOFT = 'US5949181045';

async function hold(ticker: string, asOf: string, positions: Position[]) {
  await withTransaction(t.db.pool, (client) =>
    writeSnapshot(client, {
      etfId: ids.get(ticker) as number,
      ticker,
      asOf,
      source: 'NPORT',
      fileName: null,
      netAssets: null,
      positions,
    }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['CA', 'CB', 'CC']) ids.set(ticker, (await createEtf(t.db, ticker)).id);
  await hold('CA', '2025-12-31', [equity('Apple', APPLE, 60, 1), equity('Microsoft', MICROSOFT, 40, 2)]);
  await hold('CB', '2025-12-31', [equity('Microsoft', MICROSOFT, 100, 1)]);
  // The cache stores nothing until it hears changes.
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}, 60_000);
afterAll(() => t.close());

/**
 * Asks until the answer comes from the cache (no SQL): a first answer whose
 * execution overlapped an eviction (the snapshots just written) is not kept.
 */
async function cached(query: string) {
  const first = await executeText(t.app, query);
  expect(first.errors).toBeUndefined();
  for (let attempt = 0; attempt < 5; attempt++) {
    t.statements.length = 0;
    const again = await executeText(t.app, query);
    expect(again).toEqual(first);
    if (t.statements.length === 0) return first.data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never served from the cache: ${query}`);
}

it('serves holdings, exposure, overlap and holders from the cache, and evicts them on a new snapshot', async () => {
  const holdings =
    '{ etf(ticker: "CA") { holdings { totalCount edges { node { isin weight } } } exposure(by: SECTOR) { weight } } }';
  const overlap = '{ overlap(tickers: ["CA", "CB"]) { overlap } }';
  const holders = `{ holders(security: "${APPLE}") { etf { ticker } weight } }`;
  expect(await cached(holdings)).toMatchObject({ etf: { holdings: { totalCount: 2 } } });
  expect(await cached(overlap)).toEqual({ overlap: [{ overlap: 40 }] });
  expect(await cached(holders)).toEqual({ holders: [{ etf: { ticker: 'CA' }, weight: 60 }] });

  // CC, never read by any of them, now holds Apple: only `holders` must change.
  await hold('CC', '2025-12-31', [equity('Apple', APPLE, 100, 1)]);
  await waitUntil(async () => JSON.stringify(await executeText(t.app, holders)).includes('"CC"'), 'holders evicted');
  t.statements.length = 0;
  await executeText(t.app, overlap);
  expect(t.statements).toEqual([]);

  // CA's holdings change: its own answers and the overlap that read it are evicted.
  await hold('CA', '2025-12-31', [equity('Apple', APPLE, 10, 1), equity('Microsoft', MICROSOFT, 90, 2)]);
  await waitUntil(
    async () => JSON.stringify(await executeText(t.app, overlap)).includes('"overlap":90'),
    'overlap evicted',
  );
  const after = await executeText(t.app, holdings);
  expect(JSON.stringify(after.data)).toContain('"weight":90');
});

it('tells holdingsUpdated subscribers of a committed snapshot, for the tickers they asked', async () => {
  const events = await subscribe(t.app, 'subscription { holdingsUpdated(tickers: ["CB"]) { ticker asOf missed } }');
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await hold('CA', '2025-11-28', [equity('Apple', APPLE, 100, 1)]);
    await hold('CB', '2025-11-28', [equity('Apple', APPLE, 100, 1)]);
    const event = await events.next();
    expect(event.data).toEqual({ holdingsUpdated: { ticker: 'CB', asOf: '2025-11-28', missed: false } });
  } finally {
    events.close();
  }
});

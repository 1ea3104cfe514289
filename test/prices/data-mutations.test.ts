import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/catalog.js';
import { toHistory } from '../../src/prices/history.js';
import { graphql } from '../gql/index.js';
import { createEtfWithBars, snapshot, waitForLockWait } from '../helpers/fixtures.js';
import { bearer, execute } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const run = <T, V>(document: TypedDocumentNode<T, V>, variables?: V) =>
  execute(t.app, document, variables, bearer(ADMIN_KEY));

const DataMutationsUpsertEtfs = graphql(`
  mutation DataMutationsUpsertEtfs($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker name } }
`);
const DataMutationsUpsertEtfsFull = graphql(`
  mutation DataMutationsUpsertEtfsFull($inputs: [EtfInput!]!) { upsertEtfs(inputs: $inputs) { ticker issuer exchange } }
`);
const DataMutationsDeleteEtf = graphql(`
  mutation DataMutationsDeleteEtf($ticker: String!) { deleteEtf(ticker: $ticker) { ticker deletedPrices } }
`);
const DataMutationsDeleteEtfTicker = graphql(`
  mutation DataMutationsDeleteEtfTicker($ticker: String!) { deleteEtf(ticker: $ticker) { ticker } }
`);
const DataMutationsDeleteEtfCount = graphql(`
  mutation DataMutationsDeleteEtfCount($ticker: String!) { deleteEtf(ticker: $ticker) { deletedPrices } }
`);
const DataMutationsDeletePrices = graphql(`
  mutation DataMutationsDeletePrices($ticker: String!, $from: Date!, $to: Date!) {
    deletePrices(ticker: $ticker, from: $from, to: $to) { deleted }
  }
`);
const DataMutationsServed = graphql(`
  query DataMutationsServed($ticker: String!) {
    etf(ticker: $ticker) {
      prices { date open high low close volume }
      indicators { sma(period: 20) { date value } rsi { value } }
    }
  }
`);

describe('upsertEtfs', () => {
  it('creates and updates many ETFs in input order', async () => {
    const result = await run(DataMutationsUpsertEtfs, {
      inputs: [
        { ticker: 'bb', name: 'B' },
        { ticker: 'AA', name: 'A' },
      ],
    });
    expect(result.data).toEqual({
      upsertEtfs: [
        { ticker: 'BB', name: 'B' },
        { ticker: 'AA', name: 'A' },
      ],
    });
    const again = await run(DataMutationsUpsertEtfs, {
      inputs: [
        { ticker: 'AA', name: 'A renamed' },
        { ticker: 'CC', name: 'C' },
      ],
    });
    expect(again.data).toEqual({
      upsertEtfs: [
        { ticker: 'AA', name: 'A renamed' },
        { ticker: 'CC', name: 'C' },
      ],
    });
  });

  it('keeps the fields an update leaves out, for each ETF', async () => {
    await run(DataMutationsUpsertEtfsFull, {
      inputs: [{ ticker: 'KEEP', name: 'K', issuer: 'Issuer', exchange: 'NYSE Arca' }],
    });
    const result = await run(DataMutationsUpsertEtfsFull, { inputs: [{ ticker: 'KEEP', name: 'K2', exchange: null }] });
    expect(result.data).toEqual({ upsertEtfs: [{ ticker: 'KEEP', issuer: 'Issuer', exchange: null }] });
  });

  it('names every bad input by its index and writes none', async () => {
    const before = await snapshot(t.db);
    const result = await run(DataMutationsUpsertEtfs, {
      inputs: [
        { ticker: 'OK1', name: 'Fine' },
        { ticker: '', name: 'X' },
        { ticker: 'OK1', name: 'Again' },
        { ticker: 'Z', name: 'Z', expenseRatio: 5 },
      ],
    });
    const problems = ((result.errors?.[0]?.extensions?.problems ?? []) as { path: string }[]).map((p) => p.path);
    expect(problems).toEqual(['inputs[1].ticker', 'inputs[2].ticker', 'inputs[3].expenseRatio']);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('deleteEtf and deletePrices', () => {
  it('deletes an ETF with everything that hangs on it', async () => {
    const bars = await createEtfWithBars(t.db, 'GONE', '2024-01-01', '2024-03-31');
    const result = await run(DataMutationsDeleteEtf, { ticker: 'gone' });
    expect(result.data).toEqual({ deleteEtf: { ticker: 'GONE', deletedPrices: bars.length } });
    const left = await t.db.pool.query(
      "SELECT (SELECT count(*) FROM daily_price) + (SELECT count(*) FROM daily_indicator) AS n FROM etf WHERE ticker = 'GONE'",
    );
    expect(left.rows).toEqual([]);
    expect((await run(DataMutationsDeleteEtfTicker, { ticker: 'GONE' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('counts the bars of a load it waited for among those it deleted', async () => {
    const bars = await createEtfWithBars(t.db, 'RACE', '2024-01-01', '2024-01-31');
    // A load in flight: the ETF locked as loads lock it, one more bar not yet committed.
    const load = await t.db.pool.connect();
    try {
      await load.query('BEGIN');
      const { rows } = await load.query("SELECT id FROM etf WHERE ticker = 'RACE' FOR NO KEY UPDATE");
      await load.query(
        `INSERT INTO daily_price (etf_id, date, open, high, low, close, volume)
         VALUES ($1, '2024-02-01', 10, 11, 9, 10, 100)`,
        [rows[0].id],
      );
      const deleting = run(DataMutationsDeleteEtfCount, { ticker: 'RACE' });
      await waitForLockWait(t.db.pool);
      await load.query('COMMIT');
      expect((await deleting).data).toEqual({ deleteEtf: { deletedPrices: bars.length + 1 } });
    } finally {
      load.release();
    }
    const left = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM daily_price p JOIN etf e ON e.id = p.etf_id WHERE e.ticker = 'RACE'",
    );
    expect(left.rows[0].n).toBe(0);
  });

  it('deletes a range of bars and recomputes the stored indicators after it', async () => {
    await createEtfWithBars(t.db, 'CUT', '2023-01-02', '2024-12-31');
    const result = await run(DataMutationsDeletePrices, { ticker: 'CUT', from: '2024-03-01', to: '2024-03-31' });
    expect(result.data).toEqual({ deletePrices: { deleted: 21 } });
    const served = await run(DataMutationsServed, { ticker: 'CUT' });
    const etf = served.data?.etf;
    if (!etf) throw new Error(`no CUT in the response: ${JSON.stringify(served.errors)}`);
    expect(etf.prices.some((bar) => bar.date.startsWith('2024-03'))).toBe(false);
    const { bars } = toHistory(etf.prices);
    const sma = INDICATORS.sma.compute(bars, { period: 20 }).value;
    const rsi = INDICATORS.rsi.compute(bars, { period: 14 }).value;
    expect(etf.indicators.sma.map((p) => p.value)).toEqual(Array.from(sma, (v) => (Number.isFinite(v) ? v : null)));
    expect(etf.indicators.rsi.map((p) => p.value)).toEqual(Array.from(rsi, (v) => (Number.isFinite(v) ? v : null)));
    const stray = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM daily_indicator WHERE date BETWEEN '2024-03-01' AND '2024-03-31'",
    );
    expect(stray.rows[0].n).toBe(0);
  });

  it('refuses a reversed range and an unknown ticker, deleting nothing', async () => {
    const before = await snapshot(t.db);
    expect(
      (await run(DataMutationsDeletePrices, { ticker: 'CUT', from: '2024-05-01', to: '2024-04-01' })).errors?.[0]
        ?.message,
    ).toMatch(/from: 2024-05-01 is after to/);
    expect(
      (await run(DataMutationsDeletePrices, { ticker: 'NOPE', from: '2024-01-01', to: '2024-02-01' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
  });
});
